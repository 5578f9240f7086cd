import { addDays, addYears, FIRST_YEAR, isoDate, isSupportedYear, LAST_YEAR, lastDayOfMonth, parseCalendarDate, SUPPORTED_RANGE, toCivil, type IsoDate } from "./calendar.js";

/** A closed interval of Stockholm calendar dates. Its `name` is the canonical text ("2020-T1..T2"). */
export interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly name: string;
}

export type PeriodParseError = { readonly input: string; readonly message: string };

type Span = { readonly start: IsoDate; readonly end: IsoDate };

const monthSpan = (year: number, firstMonth: number, lastMonth: number): Span => ({
  start: isoDate(year, firstMonth, 1),
  end: lastDayOfMonth(year, lastMonth),
});

/** Named parts of a year: tertials of four months, halves, quarters, months. */
const PART_MONTHS: Record<string, { readonly size: number; readonly count: number }> = {
  T: { size: 4, count: 3 },
  H: { size: 6, count: 2 },
  Q: { size: 3, count: 4 },
  M: { size: 1, count: 12 },
};

const partSpan = (year: number, letter: string, index: number): Span | undefined => {
  const part = PART_MONTHS[letter];
  if (part === undefined || index < 1 || index > part.count) return undefined;
  return monthSpan(year, (index - 1) * part.size + 1, index * part.size);
};

const YEAR = /^(\d{4})$/;
const PART = /^(\d{4})-([THQM])(\d{1,2})$/;
const PART_RANGE = /^(\d{4})-([THQM])(\d{1,2})\.\.([THQM])?(\d{1,2})$/;

/**
 * Which years a parse reads: input (`parsePeriod`) only the supported years, names the core made
 * itself (`period`, e.g. a comparison period of 1899) any four-digit year.
 */
type YearCheck = (year: number) => boolean;
const anyYear: YearCheck = () => true;

const yearsOf = (text: string): number[] => [...text.matchAll(/\d{4}/g)].map((found) => Number(found[0]));

const parseSingle = (text: string): Span | undefined => {
  const year = YEAR.exec(text);
  if (year !== null) return monthSpan(Number(year[1]), 1, 12);
  const part = PART.exec(text);
  if (part !== null) return partSpan(Number(part[1]), part[2] ?? "", Number(part[3]));
  const date = parseCalendarDate(text);
  return date === undefined ? undefined : { start: date, end: date };
};

const parseSpan = (text: string, yearOk: YearCheck): Span | string => {
  const outside = yearsOf(text).find((year) => !yearOk(year));
  if (outside !== undefined && /^[\d.TtHhQqMm-]+$/.test(text)) return `"${text}" lies outside the years Tertial reads (${FIRST_YEAR}–${LAST_YEAR}: ${SUPPORTED_RANGE})`;
  const sameYearRange = PART_RANGE.exec(text);
  if (sameYearRange !== null) {
    const [, year = "", letter = "", from = "", toLetter, to = ""] = sameYearRange;
    if (toLetter !== undefined && toLetter !== letter) return `both ends of "${text}" must be the same kind of part`;
    const first = partSpan(Number(year), letter, Number(from));
    const last = partSpan(Number(year), letter, Number(to));
    if (first === undefined || last === undefined) return `"${text}" names a part the year does not have`;
    return { start: first.start, end: last.end };
  }
  const ends = text.split("..");
  if (ends.length === 2) {
    const first = parseSingle(ends[0] ?? "");
    const last = parseSingle(ends[1] ?? "");
    if (first === undefined || last === undefined) return `"${text}" is not a range of two periods`;
    return { start: first.start, end: last.end };
  }
  const single = parseSingle(text);
  return single ?? `"${text}" is not a period`;
};

export const PERIOD_SYNTAX = "2020, 2020-T2, 2020-T1..T2, 2020-H1, 2020-Q3, 2020-M03, 2020-01-01..2020-08-31, 2019-T3..2020-T1";

const parseWith = (text: string, yearOk: YearCheck): Period | PeriodParseError => {
  const span = parseSpan(text.trim(), yearOk);
  if (typeof span === "string") return { input: text, message: span.includes("outside the years") ? span : `${span} (expected one of: ${PERIOD_SYNTAX})` };
  if (span.start > span.end) return { input: text, message: `"${text}" ends before it starts` };
  return periodOf(span.start, span.end);
};

/** Reads a period a person gave (a flag, a `figure stated` event): only years 1900–2100. */
export const parsePeriod = (text: string): Period | PeriodParseError => parseWith(text, isSupportedYear);

export const isPeriodParseError = (value: Period | PeriodParseError): value is PeriodParseError => "message" in value;

/**
 * Parses or throws: for code paths whose input is already known to be a period name, such as
 * the name of a comparison period the core computed (which may lie before 1900).
 */
export const period = (text: string): Period => {
  // A plain-JavaScript caller may pass the year as a number: say what is taken instead of failing inside.
  if (typeof text !== "string") throw new TypeError(`period takes the period as text, e.g. period("2020-T1..T2") or period("2020"), not ${typeof text === "number" ? `the number ${String(text)}: write period("${String(text)}")` : text === null ? "null" : typeof text}`);
  const parsed = parseWith(text, anyYear);
  if (isPeriodParseError(parsed)) throw new RangeError(parsed.message);
  return parsed;
};

const monthOf = (date: IsoDate): number => toCivil(date).month;

/** Which whole parts of one year exactly cover [start, end], if any: "T1..T2", "H1", "Q3". */
const partName = (start: IsoDate, end: IsoDate): string | undefined => {
  const first = toCivil(start);
  const last = toCivil(end);
  if (first.year !== last.year || first.day !== 1 || end !== lastDayOfMonth(last.year, last.month)) return undefined;
  const months = monthOf(end) - monthOf(start) + 1;
  if (months === 12) return `${first.year}`;
  for (const letter of ["T", "H", "Q", "M"]) {
    const size = PART_MONTHS[letter]?.size ?? 1;
    if ((first.month - 1) % size !== 0 || last.month % size !== 0) continue;
    const from = (first.month - 1) / size + 1;
    const to = last.month / size;
    const label = (index: number): string => (letter === "M" ? String(index).padStart(2, "0") : String(index));
    if (from === to) return `${first.year}-${letter}${label(from)}`;
    if (letter !== "M") return `${first.year}-${letter}${label(from)}..${letter}${label(to)}`;
  }
  return undefined;
};

export const periodName = (start: IsoDate, end: IsoDate): string => partName(start, end) ?? (start === end ? start : `${start}..${end}`);

export const periodOf = (start: IsoDate, end: IsoDate): Period => ({ start, end, name: periodName(start, end) });

export const contains = (p: Period, date: IsoDate): boolean => p.start <= date && date <= p.end;

/**
 * How a measure reads a period: a flow sums what happened inside it; a stock is the state
 * at its last day, so every fact effective on or before the end counts.
 */
export type MeasureKind = "flow" | "stock";

export const selects = (kind: MeasureKind, p: Period, effectiveDate: IsoDate): boolean =>
  kind === "flow" ? contains(p, effectiveDate) : effectiveDate <= p.end;

/** The same period one year earlier ("tertial 2 2019" for "tertial 2 2020"). */
export const samePeriodLastYear = (p: Period): Period => {
  // Whole months map to whole months (Feb 2021 → 1–29 Feb 2020); other spans move day by day.
  const wholeMonths = toCivil(p.start).day === 1 && p.end === lastDayOfMonth(toCivil(p.end).year, toCivil(p.end).month);
  const end = wholeMonths ? lastDayOfMonth(toCivil(p.end).year - 1, toCivil(p.end).month) : addYears(p.end, -1);
  return periodOf(addYears(p.start, -1), end);
};

/**
 * The whole calendar year before the year the period starts in: for a period inside one year,
 * the year before it; for a plan of 2026–2027, 2025 (the year before the plan), never a year the
 * period covers.
 */
export const previousYear = (p: Period): Period => {
  const year = toCivil(p.start).year - 1;
  return periodOf(isoDate(year, 1, 1), isoDate(year, 12, 31));
};

/** The tertial containing a date. */
export const tertialOf = (date: IsoDate): Period => {
  const { year, month } = toCivil(date);
  const index = Math.floor((month - 1) / 4) + 1;
  const span = monthSpan(year, (index - 1) * 4 + 1, index * 4);
  return periodOf(span.start, span.end);
};

/** The tertial before the one the period ends in. */
export const previousTertial = (p: Period): Period => tertialOf(addDays(tertialOf(p.end).start, -1));

/** Every tertial that ends inside the period, in order: the columns of a per-tertial table. */
export const tertialsEndingIn = (p: Period): Period[] => {
  const out: Period[] = [];
  let current = tertialOf(p.start);
  while (current.end <= p.end) {
    if (current.end >= p.start) out.push(current);
    current = tertialOf(addDays(current.end, 1));
  }
  return out;
};

/** The cumulative period from 1 January of the period's end year to its end ("tertial 1-2"). */
export const yearToDate = (p: Period): Period => periodOf(isoDate(toCivil(p.end).year, 1, 1), p.end);

export type Comparison = "same-period-last-year" | "previous-year" | "previous-tertial";

export const comparisonPeriod = (p: Period, comparison: Comparison): Period => {
  switch (comparison) {
    case "same-period-last-year":
      return samePeriodLastYear(p);
    case "previous-year":
      return previousYear(p);
    case "previous-tertial":
      return previousTertial(p);
  }
};
