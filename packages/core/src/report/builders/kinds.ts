import { toCivil } from "../../time/calendar.js";
import { periodOf, yearToDate, type Period } from "../../time/period.js";
import type { ReportKind } from "../document/document.js";

export const MONTHS_SV = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"] as const;

export const monthName = (month: number): string => MONTHS_SV[month - 1] ?? "";

export type ReportPeriod = { readonly ok: true; readonly period: Period } | { readonly ok: false; readonly message: string };

const endsOnTertial = (period: Period): boolean => {
  const { month, day } = toCivil(period.end);
  return month % 4 === 0 && day === (month === 4 ? 30 : 31);
};

/** A plan covers whole years: one (2022) or a span of them (2022..2024), not part of a year. */
const planPeriod = (given: Period): ReportPeriod => {
  const start = toCivil(given.start);
  const end = toCivil(given.end);
  const whole = start.month === 1 && start.day === 1 && end.month === 12 && end.day === 31;
  return whole ? { ok: true, period: given } : { ok: false, message: `a verksamhetsplan covers whole years (e.g. 2022..2024), not ${given.name}` };
};

/** "2022–2024", or "2022" for a single year. */
export const yearSpanLabel = (period: Period): string => {
  const first = toCivil(period.start).year;
  const last = toCivil(period.end).year;
  return first === last ? `${last}` : `${first}–${last}`;
};

/**
 * The period a report covers: always cumulative from 1 January of the year the given period
 * ends in. A tertial report ends on a tertial end (T1 = Jan–Apr, T2 = Jan–Aug, T3 = the year),
 * an interim report on 31 August, an annual report on 31 December.
 */
export const reportPeriod = (kind: ReportKind, given: Period): ReportPeriod => {
  if (kind === "verksamhetsplan") return planPeriod(given);
  // A follow-up covers its year from 1 January: a period reaching back into the year before would be cut there without a word.
  if (toCivil(given.start).year !== toCivil(given.end).year) return { ok: false, message: `a follow-up report covers part of one year, from 1 January to a tertial's end; ${given.name} reaches back into ${toCivil(given.start).year} (for ${toCivil(given.end).year} give e.g. ${toCivil(given.end).year}-T1)` };
  const period = yearToDate(given);
  const { month } = toCivil(period.end);
  switch (kind) {
    case "tertialrapport":
    case "resultatuppfoljning":
      return endsOnTertial(period) ? { ok: true, period } : { ok: false, message: `a ${kind === "tertialrapport" ? "tertialrapport" : "resultatuppföljning"} ends on a tertial's last day (30 April, 31 August or 31 December), not ${period.end}` };
    case "delarsrapport":
      return month === 8 && endsOnTertial(period) ? { ok: true, period } : { ok: false, message: `a delårsrapport covers January–August (e.g. 2020-T1..T2), not ${given.name}` };
    case "verksamhetsberattelse":
      return month === 12 && endsOnTertial(period) ? { ok: true, period: periodOf(period.start, period.end) } : { ok: false, message: `a verksamhetsberättelse covers a whole year (e.g. 2020), not ${given.name}` };
  }
};

const tertialIndex = (period: Period): number => Math.floor((toCivil(period.end).month - 1) / 4) + 1;

/** "januari–augusti 2020"; one month alone as "mars 2021", never "mars–mars 2021"; across a new year "december 2020–februari 2021". */
export const monthSpanLabel = (period: Period): string => {
  const [start, end] = [toCivil(period.start), toCivil(period.end)];
  if (start.year !== end.year) return `${monthName(start.month)} ${start.year}–${monthName(end.month)} ${end.year}`;
  return start.month === end.month ? `${monthName(end.month)} ${end.year}` : `${monthName(start.month)}–${monthName(end.month)} ${end.year}`;
};

/** "tertial 1–2 2020", "tertial 1 2020", "2020". */
export const cumulativeLabel = (period: Period): string => {
  const index = tertialIndex(period);
  const year = toCivil(period.end).year;
  if (index === 3) return `${year}`;
  return index === 1 ? `tertial 1 ${year}` : `tertial 1–${index} ${year}`;
};

export const reportTitle = (kind: ReportKind, period: Period): string => {
  const year = toCivil(period.end).year;
  switch (kind) {
    case "tertialrapport":
      return `Tertialrapport ${tertialIndex(period)} ${year}`;
    case "delarsrapport":
      return `Delårsrapport ${monthSpanLabel(period)}`;
    case "verksamhetsberattelse":
      return `Verksamhetsberättelse ${year}`;
    case "verksamhetsplan":
      return `Verksamhetsplan ${yearSpanLabel(period)}`;
    case "resultatuppfoljning":
      return `Resultatuppföljning tertial ${tertialIndex(period)} ${year}`;
  }
};

/** "Tertial 1–2 2020 (2020-01-01 – 2020-08-31)". */
export const periodLabel = (period: Period): string => {
  if (toCivil(period.start).year !== toCivil(period.end).year) return `${yearSpanLabel(period)} (${period.start} – ${period.end})`;
  const label = cumulativeLabel(period);
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}, ${monthSpanLabel(period)} (${period.start} – ${period.end})`;
};

/** "2019 - tertial 1", as the staff table labels a tertial. */
export const tertialRowLabel = (tertial: Period): string => `${toCivil(tertial.end).year} - tertial ${tertialIndex(tertial)}`;
