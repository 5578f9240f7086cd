import { Decimal } from "../../numbers/decimal.js";
import type { ComputedFigure } from "../../reconciliation/figure-source.js";
import { factValue, type FactSum } from "./fact-sum.js";

type Extra = Omit<Partial<ComputedFigure>, "exact" | "evidence">;

/** A tally as a computed figure; undefined when blank or unknowable (blank is not zero). */
export const figureOf = (tally: FactSum, derivation: string, extra: Extra = {}): ComputedFigure | undefined => {
  const value = factValue(tally);
  if (value === undefined) return undefined;
  const uncertainty = new Decimal(tally.uncertainty);
  return { exact: value, evidence: tally.evidence, derivation, ...(uncertainty.isZero() ? {} : { uncertainty }), ...extra };
};

/**
 * part ÷ whole as a figure, with how far it may be off when the amounts were given rounded:
 * at most (Δpart + share × Δwhole) ÷ (whole − Δwhole).
 */
export const shareFigure = (part: FactSum, whole: FactSum, derivation: string, extra: Extra = {}): ComputedFigure | undefined => {
  const top = factValue(part);
  const bottom = factValue(whole);
  if (top === undefined || bottom === undefined || bottom.isZero()) return undefined;
  const share = top.dividedBy(bottom);
  const slack = bottom.abs().minus(whole.uncertainty);
  const uncertainty = slack.lessThanOrEqualTo(0) ? new Decimal(0) : new Decimal(part.uncertainty).plus(share.abs().times(whole.uncertainty)).dividedBy(slack);
  // A set, not \`includes\`: the evidence lists grow with the log, and a scan per id made the report quadratic.
  const inPart = new Set(part.evidence);
  const evidence = [...part.evidence, ...whole.evidence.filter((id) => !inPart.has(id))];
  return { exact: share, evidence, derivation, ...(uncertainty.isZero() ? {} : { uncertainty }), ...extra };
};

/** Another share the document may have printed (same part, another base), as an alternative. */
export const alternativeShare = (part: FactSum, whole: FactSum, cause: string): { exact: Decimal; cause: string }[] => {
  const top = factValue(part);
  const bottom = factValue(whole);
  return top === undefined || bottom === undefined || bottom.isZero() ? [] : [{ exact: top.dividedBy(bottom), cause }];
};

/** Integer percentages of parts forced to sum to 100 by the largest-remainder method. */
export const largestRemainderPercents = (parts: readonly Decimal[]): Decimal[] => {
  const whole = parts.reduce((total, part) => total.plus(part), new Decimal(0));
  if (whole.isZero()) return parts.map(() => new Decimal(0));
  const raw = parts.map((part) => part.dividedBy(whole).times(100));
  const floors = raw.map((value) => value.floor());
  let missing = new Decimal(100).minus(floors.reduce((total, value) => total.plus(value), new Decimal(0))).toNumber();
  const order = raw.map((value, index) => ({ index, rest: value.minus(floors[index] ?? 0) })).sort((a, b) => b.rest.comparedTo(a.rest) || a.index - b.index);
  const out = [...floors];
  for (const { index } of order) {
    if (missing <= 0) break;
    out[index] = (out[index] ?? new Decimal(0)).plus(1);
    missing -= 1;
  }
  return out;
};

/**
 * A source's share of costs when part of the costs has no known source: the share lies between
 * part ÷ whole and (part + unattributed) ÷ whole. The figure is the middle of that range, with
 * half its width as uncertainty, so the audit only reports a printed share no allocation allows.
 */
export const shareWithUnattributed = (part: FactSum, unattributed: FactSum, whole: FactSum, derivation: string, extra: Extra = {}): ComputedFigure | undefined => {
  const base = shareFigure(part, whole, derivation, extra);
  const open = factValue(unattributed);
  const bottom = factValue(whole);
  if (base === undefined || open === undefined || open.isZero() || bottom === undefined) return base;
  const half = open.dividedBy(2).dividedBy(bottom.abs());
  const low = base.exact.times(100).toDecimalPlaces(1).toFixed();
  const high = base.exact.plus(half.times(2)).times(100).toDecimalPlaces(1).toFixed();
  return { ...base, exact: base.exact.plus(half), uncertainty: (base.uncertainty ?? new Decimal(0)).plus(half), derivation: `${derivation}; ${open.toFixed()} kr of the costs have no known source, so the share lies between ${low} % and ${high} %` };
};
