import * as t from "io-ts";
import type { Decimal } from "../../numbers/decimal.js";
import { formatFigure, type FigureOptions } from "../../numbers/format.js";
import { UNITS, type UnitId } from "../../numbers/units.js";

export const ReportUnitIdC = t.keyof(Object.fromEntries(Object.keys(UNITS).map((id) => [id, null])) as { [K in UnitId]: null }, "UnitId");

/**
 * The figure definition a printed number was computed by: its key ("finance.outcome"), the
 * parameters asked and the period. The audit names a stated figure the same way, so a report
 * cell and a `figure stated` event are matched by key, never by printed text.
 */
export const ReportFigureDefinitionC = t.type({ key: t.string, params: t.record(t.string, t.string), period: t.string }, "FigureDefinitionRef");
export type ReportFigureDefinition = t.TypeOf<typeof ReportFigureDefinitionC>;

/**
 * A printed number: the text the core formatter produced, with the exact value beside it for
 * machines, a stable key ("staffing.fte@2020-08-31") so reports can be compared, and, when a
 * figure definition computed it, which one.
 */
export const ReportFigureC = t.intersection(
  [
    t.type({
      key: t.string,
      /** The exact value in the unit's base (kronor, årsarbetare, a ratio), as a decimal string. */
      exact: t.string,
      /** As printed: "45,30", "39 103 816", "76 %", "−547". */
      text: t.string,
      unit: ReportUnitIdC,
    }),
    t.partial({
      definition: ReportFigureDefinitionC,
      /** Whether the facts behind it are all recorded, or partly reconstructed or illustrative (then the renderers mark it). */
      basis: t.keyof({ recorded: null, reconstructed: null, illustrative: null }, "FactBasis"),
      /** The ids of the events the figure was computed from, for the reader who follows a figure to its facts. */
      evidence: t.array(t.string),
    }),
  ],
  "Figure",
);
export type ReportFigure = t.TypeOf<typeof ReportFigureC>;

/** Formats an exact value with the core formatter and keeps it under a stable key. */
export const reportFigure = (key: string, exact: Decimal, unit: UnitId, options: FigureOptions = {}, definition?: ReportFigureDefinition): ReportFigure => {
  const formatted = formatFigure(exact, unit, options);
  return { key, exact: formatted.exact, text: formatted.text, unit, ...(definition === undefined ? {} : { definition }) };
};
