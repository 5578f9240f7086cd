import { dec } from "../../numbers/decimal.js";
import { defineFigure, type FigureSource } from "../../reconciliation/figure-source.js";
import { indicatorsProjection } from "./indicators.js";

/** An indicator's value in force at the period's end, in the indicator's own unit (a text chooses how to print it). */
export const indicatorValueFigure = defineFigure(indicatorsProjection, {
  key: "indicator.value",
  description: "A key figure's value in force at the period's end (\"66 personer följer Kommunal utveckling på LinkedIn\").",
  params: { indicator: "the indicator id" },
  unit: "plain",
  example: { indicator: "linkedin-foljare" },
  compute: (result, params) => {
    const found = params.indicator === undefined ? undefined : result.byIndicator[params.indicator];
    return found === undefined ? undefined : { exact: dec(found.value), evidence: [found.eventId], derivation: `${found.name} (${found.unit}) from ${found.from}` };
  },
});

export const indicatorFigures: readonly FigureSource[] = [indicatorValueFigure];
