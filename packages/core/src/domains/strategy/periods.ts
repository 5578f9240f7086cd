import { isoDate, minDate, toCivil } from "../../time/calendar.js";
import { comparisonPeriod, periodOf, type Comparison, type Period } from "../../time/period.js";
import { COMPARISONS } from "./events.js";

/** The first half of the year the period ends in, cut at the period's end (course figures are kept per halvår). */
export const firstHalfOf = (p: Period): Period => {
  const year = toCivil(p.end).year;
  return periodOf(isoDate(year, 1, 1), minDate(isoDate(year, 6, 30), p.end));
};

export const measuredPeriod = (p: Period, over: "report-period" | "first-half-year" | undefined): Period => (over === "first-half-year" ? firstHalfOf(p) : p);

/**
 * Every period a metric of a report for `p` can need: the report period and its first half,
 * each with all named comparisons. Known at init, so source projections can be folded once per period.
 */
export const periodsNeeded = (p: Period): Period[] => {
  const bases = [p, firstHalfOf(p)];
  const all = bases.flatMap((base) => [base, ...COMPARISONS.map((comparison: Comparison) => comparisonPeriod(base, comparison))]);
  const byName = new Map(all.map((one) => [one.name, one]));
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
};
