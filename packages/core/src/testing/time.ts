import * as fc from "fast-check";
import { addDays, compareDates, isoDate, type IsoDate } from "../time/calendar.js";
import { period, type Period } from "../time/period.js";
import { formatInstant, startOfStockholmDay, stockholmSwitchDates } from "../time/stockholm.js";

export interface YearRange {
  readonly fromYear?: number;
  readonly toYear?: number;
}

const years = (range: YearRange) => fc.integer({ min: range.fromYear ?? 2019, max: range.toYear ?? 2021 });

/** Calendar dates between 1 January of `fromYear` and 31 December of `toYear` (default 2019–2021). */
export const arbIsoDate = (range: YearRange = {}): fc.Arbitrary<IsoDate> => {
  const first = isoDate(range.fromYear ?? 2019, 1, 1);
  const last = isoDate(range.toYear ?? 2021, 12, 31);
  const span = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000);
  return fc.integer({ min: 0, max: span }).map((offset) => addDays(first, offset));
};

/** The days when Stockholm changes clocks (since 1996 the last Sundays of March and October), for DST edge cases. */
export const dstSwitchDates = (year: number): readonly IsoDate[] => stockholmSwitchDates(year);

/** Dates biased towards the edges that break code: month and tertial ends, 29 February, DST days. */
export const arbEdgeDate = (range: YearRange = {}): fc.Arbitrary<IsoDate> =>
  fc.oneof(
    arbIsoDate(range),
    years(range).chain((year) => fc.constantFrom(...dstSwitchDates(year), isoDate(year, 4, 30), isoDate(year, 8, 31), isoDate(year, 12, 31), isoDate(year, 1, 1))),
    fc.constantFrom(isoDate(2020, 2, 29), isoDate(2020, 2, 28), isoDate(2021, 2, 28)),
  );

const part = (letter: string, count: number, pad = false) =>
  fc.integer({ min: 1, max: count }).map((index) => `${letter}${pad ? String(index).padStart(2, "0") : index}`);

const partRange = (letter: string, count: number) =>
  fc.tuple(fc.integer({ min: 1, max: count }), fc.integer({ min: 1, max: count })).map(([a, b]) => `${letter}${Math.min(a, b)}..${letter}${Math.max(a, b)}`);

/**
 * Period names in every form `parsePeriod` reads: "2020", "2020-T2", "2020-T1..T2", "2020-H1",
 * "2020-Q3", "2020-M03", "2020-01-01..2020-08-31", "2019-T3..2020-T1". All are valid.
 */
export const arbPeriodName = (range: YearRange = {}): fc.Arbitrary<string> =>
  fc.oneof(
    years(range).map(String),
    fc.tuple(years(range), fc.oneof(part("T", 3), part("H", 2), part("Q", 4), part("M", 12, true), partRange("T", 3), partRange("Q", 4))).map(([year, name]) => `${year}-${name}`),
    fc.tuple(arbIsoDate(range), arbIsoDate(range)).map(([a, b]) => (compareDates(a, b) <= 0 ? `${a}..${b}` : `${b}..${a}`)),
    arbIsoDate(range).map(String),
    fc.tuple(years(range), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 3 })).map(
      ([year, from, more, to]) => `${year}-T${from}..${year + more}-T${more === 0 ? Math.max(from, to) : to}`,
    ),
  );

/** Periods, parsed from `arbPeriodName`. */
export const arbPeriod = (range: YearRange = {}): fc.Arbitrary<Period> => arbPeriodName(range).map(period);

/** Two adjacent periods and their union: [start, cut] and [cut + 1, end]. For period additivity. */
export const arbSplitPeriod = (range: YearRange = {}): fc.Arbitrary<{ readonly first: Period; readonly second: Period; readonly whole: Period }> =>
  fc.tuple(arbIsoDate(range), arbIsoDate(range), arbIsoDate(range)).filter(([a, b, c]) => new Set([a, b, c]).size === 3).map(([a, b, c]) => {
    const [start, cut, end] = [a, b, c].sort(compareDates) as [IsoDate, IsoDate, IsoDate];
    return { first: period(`${start}..${cut}`), second: period(`${addDays(cut, 1)}..${end}`), whole: period(`${start}..${end}`) };
  });

/** Instants as `effectiveAt` or `--known-at` may give them: UTC or with a +01:00 / +02:00 offset. */
export const arbInstantText = (range: YearRange = {}): fc.Arbitrary<string> =>
  fc.tuple(arbEdgeDate(range), fc.integer({ min: 0, max: 86_399_999 }), fc.constantFrom("Z", "+01:00", "+02:00")).map(([date, ms, zone]) => {
    const utc = formatInstant(startOfStockholmDay(date) + ms);
    if (zone === "Z") return utc;
    const shifted = formatInstant(Date.parse(utc) + (zone === "+01:00" ? 1 : 2) * 3_600_000);
    return `${shifted.slice(0, -1)}${zone}`;
  });
