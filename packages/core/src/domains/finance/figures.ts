import type { FigureSource } from "../../reconciliation/figure-source.js";
import { budgetFigures } from "./budget-follow-up-figures.js";
import { resultFigures } from "./result-table-figures.js";
import { fundsFigures, knownBasisOutcomeFigures, outcomeFigures } from "./source-table-figures.js";

/** Every money figure the audit can compute, by key (finance.*). */
export const financeFigures: readonly FigureSource[] = [...budgetFigures, ...fundsFigures, ...outcomeFigures, ...knownBasisOutcomeFigures, ...resultFigures];
