import { isoDate, toCivil } from "../../time/calendar.js";
import { periodOf, samePeriodLastYear, type Period } from "../../time/period.js";

/** How many years the slides set side by side: the tertial and the same tertial of the two years before. */
export const SLIDE_YEARS = 3;

/** The periods one slide's columns cover, oldest first. */
export interface SlideColumns {
  /** Cumulative from 1 January to the tertial's end ("tertial 1–2 2018", … "tertial 1–2 2020"). */
  readonly cumulative: readonly Period[];
  /**
   * The course register keeps half-year totals, so the course slide compares the half-years
   * inside the tertials ("halvår 1 2018" for tertial 1–2, as the 2020 slides do); a period
   * that holds no whole half-year (tertial 1) is compared as it is.
   */
  readonly halfYear: readonly Period[];
}

const yearsBack = (period: Period): Period[] => {
  const out: Period[] = [period];
  while (out.length < SLIDE_YEARS) out.unshift(samePeriodLastYear(out[0] ?? period));
  return out;
};

/** The last whole half-year inside a cumulative period, or the period itself when it holds none. */
const halfYearOf = (period: Period): Period => {
  const { year, month } = toCivil(period.end);
  if (month >= 12) return periodOf(isoDate(year, 7, 1), isoDate(year, 12, 31));
  return month >= 6 ? periodOf(isoDate(year, 1, 1), isoDate(year, 6, 30)) : period;
};

export const slideColumns = (period: Period): SlideColumns => {
  const cumulative = yearsBack(period);
  return { cumulative, halfYear: cumulative.map(halfYearOf) };
};

/** "Tertial 1–2 2018", "Halvår 1 2018": the column headings the slides print. */
export const columnLabel = (period: Period): string => {
  const start = toCivil(period.start);
  const end = toCivil(period.end);
  if (start.month === 1 && end.month === 6) return `Halvår 1 ${end.year}`;
  if (start.month === 7 && end.month === 12) return `Halvår 2 ${end.year}`;
  if (start.month === 1 && end.month === 12) return `${end.year}`;
  const last = Math.floor((end.month - 1) / 4) + 1;
  return last === 1 ? `Tertial 1 ${end.year}` : `Tertial 1–${last} ${end.year}`;
};
