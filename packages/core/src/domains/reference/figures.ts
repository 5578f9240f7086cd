import { defineFigure, type FigureSource } from "../../reconciliation/figure-source.js";
import { dec } from "../../numbers/decimal.js";
import { referenceProjection } from "./projection.js";

/** How many municipalities the directory knows on the period's last day ("länets tretton kommuner"). */
export const municipalitiesFigure = defineFigure(referenceProjection, {
  key: "reference.municipalities",
  description: "Number of municipalities in the directory on the period's last day (\"länets tretton kommuner\").",
  params: {},
  unit: "count",
  example: {},
  compute: (result) => ({ exact: dec(String(result.municipalities.length)), evidence: [], derivation: `municipalities established by ${result.asOf}` }),
});

export const referenceFigures: readonly FigureSource[] = [municipalitiesFigure];
