import { dec, toDecimalString } from "../../numbers/decimal.js";
import { daysOf, isoDate, maxDate, toCivil, type IsoDate } from "../../time/calendar.js";
import type { MeasureKind, Period } from "../../time/period.js";
import type { PartYearJudgement } from "./events.js";

/**
 * What a metric's result is over a period, read from its unit: a `percent` is a level (a share
 * at, or of, the period: attendance, satisfaction), so a stock; every other unit counts or sums
 * what happened in the period (courses, participants, kronor granted), so a flow. Only a flow
 * grows with the part of the year it covers, so only a flow is pro-rated.
 */
export const measureKindOfUnit = (unit: string): MeasureKind => (unit === "percent" ? "stock" : "flow");

/** How a result for part of the year was held against the year's target, when not simply against it. */
export type PartYearView =
  /** Held against the year's target × days ÷ days of the year; `derivation` says how, with the exact value. */
  | { readonly judgement: "pro-rata"; readonly yearTarget: string; readonly days: number; readonly daysInYear: number; readonly derivation: string }
  /** Not judged: the measured period ends before the year does. */
  | { readonly judgement: "year-end-only"; readonly judgedFrom: string; readonly derivation: string }
  /** Pro rata was asked for but does not apply (a level, or a target that is already the period's own): held against the year's target. */
  | { readonly judgement: "year-target"; readonly requested: "pro-rata"; readonly derivation: string };

/** The part of its year a period covers: its days in the year its end falls in, of that year's days. */
export const shareOfYear = (period: Period): { readonly days: number; readonly daysInYear: number; readonly yearEnd: IsoDate } => {
  const year = toCivil(period.end).year;
  const yearStart = isoDate(year, 1, 1);
  const yearEnd = isoDate(year, 12, 31);
  const days = daysOf(period.end) - daysOf(maxDate(period.start, yearStart)) + 1;
  return { days, daysInYear: daysOf(yearEnd) - daysOf(yearStart) + 1, yearEnd };
};

export interface PartYearInput {
  readonly judgement: PartYearJudgement | undefined;
  readonly unit: string;
  readonly targetKind: "fixed" | "share-of-base" | "same-period-last-year" | "none";
  /** The value the result would be held against for the whole year; null when there is none. */
  readonly effective: string | null;
  readonly period: Period;
}

/** Why a pro-rata judgement leaves a target as it is, or undefined when the target is scaled. */
const notScaled = ({ unit, targetKind }: PartYearInput): string | undefined => {
  if (measureKindOfUnit(unit) === "stock") return `a ${unit} result is a level, not a sum over the period: never pro-rated`;
  if (targetKind === "share-of-base") return "a share-of-base target's base is the measured period's own: not pro-rated";
  if (targetKind === "same-period-last-year") return "last year's result for the same period is already the period's own: not pro-rated";
  return undefined;
};

/**
 * The target a result for part of the year is held against, by the metric's `partYearJudgement`:
 * `effective` (scaled for pro rata, null when not judged before the year's end) and what the
 * row and the audit say about it. A period covering the whole year, the default judgement and a
 * metric without a target leave the target as it is, with nothing to say.
 */
/** A decimal cut after six decimals with "…": the exact scaled target runs to the arithmetic's precision, which no derivation needs to show. */
export const cutAfterSix = (text: string): string => text.replace(/^(-?\d+\.\d{6})\d+$/, "$1…");

export const judgePartYear = (input: PartYearInput): { readonly effective: string | null; readonly judged: boolean; readonly partYear?: PartYearView } => {
  const { judgement, effective, period } = input;
  const { days, daysInYear, yearEnd } = shareOfYear(period);
  const unchanged = { effective, judged: true };
  if (judgement === undefined || judgement === "year-target" || effective === null || input.targetKind === "none") return unchanged;
  if (judgement === "year-end-only") {
    if (period.end >= yearEnd) return unchanged;
    return { effective, judged: false, partYear: { judgement, judgedFrom: yearEnd, derivation: `year-end-only: not judged before the measured period reaches ${yearEnd} (${period.start}..${period.end} covers ${days} of ${daysInYear} days)` } };
  }
  if (days >= daysInYear) return unchanged;
  const reason = notScaled(input);
  if (reason !== undefined) return { ...unchanged, partYear: { judgement: "year-target", requested: "pro-rata", derivation: `pro-rata asked for, but ${reason}; held against ${effective}` } };
  const scaled = toDecimalString(dec(effective).times(days).dividedBy(daysInYear));
  const derivation = `pro-rata: ${effective} × ${days}/${daysInYear} days (${period.start}..${period.end} of ${yearEnd.slice(0, 4)}) = ${cutAfterSix(scaled)}`;
  return { effective: scaled, judged: true, partYear: { judgement, yearTarget: effective, days, daysInYear, derivation } };
};
