import { Decimal } from "../numbers/decimal.js";
import { formatFigure } from "../numbers/format.js";
import { roundTo, type RoundingMode, type RoundingRule } from "../numbers/rounding.js";
import { UNITS, type UnitId } from "../numbers/units.js";
import type { ComputedFigure } from "./figure-source.js";

/** How a stated figure is read: its unit (or "text") and the rounding the document used. */
export interface Reading {
  readonly unit: UnitId | "text";
  readonly rule: RoundingRule;
}

export const readingOf = (unit: string, rounding: RoundingRule | undefined): Reading =>
  unit === "text" ? { unit: "text", rule: { decimals: 0, mode: "half-up" } } : { unit: unit as UnitId, rule: rounding ?? UNITS[unit as UnitId].rounding };

/** The exact value as the document would print it: scaled to the unit and rounded by its rule. */
export const printedForm = (exact: Decimal, reading: Reading, mode?: RoundingMode): Decimal => {
  if (reading.unit === "text") return exact;
  return roundTo(exact.times(UNITS[reading.unit].scale), mode === undefined ? reading.rule : { ...reading.rule, mode });
};

/** The exact value as text in the document's unit, e.g. "−937 tkr". */
export const showFigure = (exact: Decimal, reading: Reading): string =>
  reading.unit === "text" ? exact.toFixed() : formatFigure(exact, reading.unit, { rounding: reading.rule }).text;

/**
 * Whether a printed number agrees with a computed figure: some value within the figure's
 * uncertainty (facts given rounded) rounds to exactly what was printed.
 */
export const agrees = (printed: Decimal, figure: ComputedFigure, reading: Reading): boolean => {
  const slack = figure.uncertainty ?? new Decimal(0);
  const low = printedForm(figure.exact.minus(slack), reading);
  const high = printedForm(figure.exact.plus(slack), reading);
  return printed.greaterThanOrEqualTo(low) && printed.lessThanOrEqualTo(high);
};

// Only the rounding habits documents really have; rounding up or down would "explain" almost any off-by-one.
const OTHER_MODES: readonly RoundingMode[] = ["truncate", "half-even"];

const MODE_WORDS: Record<RoundingMode, string> = {
  "half-up": "half up",
  "half-even": "half to even",
  truncate: "truncation (rounded towards zero)",
  floor: "rounding down",
  ceil: "rounding up",
};

/** A likely cause of a numeric disagreement, when one can be named; undefined otherwise. */
export const likelyCause = (printed: Decimal, figure: ComputedFigure, reading: Reading): string | undefined => {
  for (const alternative of figure.alternatives ?? []) {
    if (printedForm(alternative.exact, reading).equals(printed)) return `the printed value matches ${alternative.cause}`;
  }
  const parts = figure.parts ?? [];
  if (parts.length > 1) {
    const roundedSum = parts.reduce((total, part) => total.plus(printedForm(part, reading)), new Decimal(0));
    if (roundedSum.equals(printed)) return `a sum of rounded parts: each part was rounded first and then added (${parts.map((part) => showFigure(part, reading)).join(" + ")})`;
  }
  for (const mode of OTHER_MODES) {
    if (printedForm(figure.exact, reading, mode).equals(printed)) return `rounded by ${MODE_WORDS[mode]} instead of ${MODE_WORDS[reading.rule.mode]}`;
  }
  return undefined;
};
