import type { FigureSource } from "../../reconciliation/figure-source.js";
import { budgetFigures } from "./budget-figures.js";
import { fundsFigures, outcomeFigures, resultFigures } from "./table-figures.js";

/** Every money figure the audit can compute, by key (finance.*). */
export const financeFigures: readonly FigureSource[] = [...budgetFigures, ...fundsFigures, ...outcomeFigures, ...resultFigures];
