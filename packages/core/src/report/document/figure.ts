import * as t from "io-ts";
import type { Decimal } from "../../numbers/decimal.js";
import { formatFigure, type FigureOptions } from "../../numbers/format.js";
import { UNITS, type UnitId } from "../../numbers/units.js";

export const ReportUnitIdC = t.keyof(Object.fromEntries(Object.keys(UNITS).map((id) => [id, null])) as { [K in UnitId]: null }, "UnitId");

/**
 * A printed number: the text the core formatter produced, with the exact value beside it for
 * machines, and a stable key ("staffing.fte-total@2020-08-31") so reports can be compared.
 */
export const ReportFigureC = t.type(
  {
    key: t.string,
    /** The exact value in the unit's base (kronor, årsarbetare, a ratio), as a decimal string. */
    exact: t.string,
    /** As printed: "45,30", "39 103 816", "76 %", "−547". */
    text: t.string,
    unit: ReportUnitIdC,
  },
  "Figure",
);
export type ReportFigure = t.TypeOf<typeof ReportFigureC>;

/** Formats an exact value with the core formatter and keeps it under a stable key. */
export const reportFigure = (key: string, exact: Decimal, unit: UnitId, options: FigureOptions = {}): ReportFigure => {
  const formatted = formatFigure(exact, unit, options);
  return { key, exact: formatted.exact, text: formatted.text, unit };
};
