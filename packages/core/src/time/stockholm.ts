import { civilFromDays, dateOfDays, daysFromCivil, daysInMonth, daysOf, FIRST_YEAR, isSupportedDate, LAST_YEAR, weekdayOfDays, type IsoDate } from "./calendar.js";

/**
 * Europe/Stockholm without a time-zone database, from 1900 to 2100: CET (+01:00) with summer
 * time (CEST, +02:00) in exactly these spans, as the tz database's Europe/Stockholm zone (its
 * `backzone` history) and Swedish law have them:
 *
 * * 1916: from 14 May 23:00 to 1 October 01:00 local time (22:00 and 23:00 UTC);
 * * 1917–1979: none (Sweden kept no summer time, not in the war years either);
 * * 1980: from 6 April to the last Sunday of September, 01:00 UTC both;
 * * 1981–1995: last Sunday of March to last Sunday of September, 01:00 UTC;
 * * 1996 on: the EU rule, last Sunday of March to last Sunday of October, 01:00 UTC.
 *
 * Our own so that no ICU or tzdata version can move a fact from one day, and so one period, to
 * another. (ICU, which follows the default tz build, links Europe/Stockholm to Europe/Berlin and
 * so shows Berlin's summer times before 1970; the test compares with ICU from 1970 and with the
 * tz database's own Stockholm zone before.) Before 1900 Stockholm kept a local mean time; Tertial
 * reads no date there (see `SUPPORTED_RANGE`), and for the few hours an offset can carry an
 * instant written on 1900-01-01 back into 1899 the arithmetic takes CET.
 */
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

const lastSundayUtc = (year: number, month: number): number => {
  const lastDay = daysFromCivil(year, month, daysInMonth(year, month));
  return (lastDay - weekdayOfDays(lastDay)) * DAY_MS + HOUR_MS;
};

/** The summer-time span [start, end) of a year in epoch ms, or undefined in a year without one. */
export const stockholmSummerTime = (year: number): { readonly start: number; readonly end: number } | undefined => {
  if (year === 1916) return { start: Date.UTC(1916, 4, 14, 22), end: Date.UTC(1916, 8, 30, 23) };
  if (year < 1980) return undefined;
  if (year === 1980) return { start: Date.UTC(1980, 3, 6, 1), end: lastSundayUtc(1980, 9) };
  return { start: lastSundayUtc(year, 3), end: lastSundayUtc(year, year < 1996 ? 9 : 10) };
};

const utcYearOf = (epochMs: number): number => civilFromDays(Math.floor(epochMs / DAY_MS)).year;

export const stockholmOffsetMinutes = (epochMs: number): number => {
  const summer = stockholmSummerTime(utcYearOf(epochMs));
  return summer !== undefined && epochMs >= summer.start && epochMs < summer.end ? 120 : 60;
};

/** The Stockholm calendar date of an instant. */
export const stockholmDateOf = (epochMs: number): IsoDate => dateOfDays(Math.floor((epochMs + stockholmOffsetMinutes(epochMs) * 60_000) / DAY_MS));

/** The first instant of a Stockholm calendar date: the earliest moment whose local date it is. */
export const startOfStockholmDay = (date: IsoDate): number => {
  const utcMidnight = daysOf(date) * DAY_MS;
  // Local midnight is 22:00 or 23:00 UTC the day before; take the earlier one that is this date.
  for (const offsetHours of [2, 1]) {
    const candidate = utcMidnight - offsetHours * HOUR_MS;
    if (stockholmOffsetMinutes(candidate) === offsetHours * 60) return candidate;
  }
  return utcMidnight - HOUR_MS;
};

/** Stockholm midnight starting 1900-01-01, and ending 2100-12-31: the span whose offsets are tested. */
export const FIRST_INSTANT = Date.UTC(FIRST_YEAR - 1, 11, 31, 23);
export const END_INSTANT = Date.UTC(LAST_YEAR, 11, 31, 23);

/** Offsets the world uses run from −12:00 to +14:00; ISO 8601 minutes are below 60. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** The value of `count` decimal digits at `from`, or -1 when any of them is not 0–9. */
const digits = (text: string, from: number, count: number): number => {
  let value = 0;
  for (let index = from; index < from + count; index += 1) {
    const digit = text.charCodeAt(index) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
};

/** Minutes east of UTC of an offset "Z" or "±HH:MM" (at most ±14:00, minutes below 60) that ends the text at `from`; undefined otherwise. */
const offsetMinutesAt = (text: string, from: number): number | undefined => {
  const sign = text.charCodeAt(from);
  if (sign === 0x5a) return from + 1 === text.length ? 0 : undefined;
  if ((sign !== 0x2b && sign !== 0x2d) || from + 6 !== text.length || text.charCodeAt(from + 3) !== 0x3a) return undefined;
  const hours = digits(text, from + 1, 2);
  const minutes = digits(text, from + 4, 2);
  if (hours < 0 || minutes < 0 || minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) return undefined;
  return sign === 0x2d ? -(hours * 60 + minutes) : hours * 60 + minutes;
};

/**
 * Parses an ISO 8601 instant with an explicit offset ("Z" or "+02:00", at most ±14:00) written
 * with a date in the supported years; undefined otherwise. The rule is on the text, so a JSON
 * Schema pattern can state it exactly; an offset can carry an instant written on 1900-01-01 or
 * 2100-12-31 up to 14 hours outside, where Tertial takes CET.
 */
export const parseInstant = (text: string): number | undefined => {
  // A read asks about the same recorded time several times in a row (the codec, then the chain's order check).
  if (text === lastInstantText) return lastInstantValue;
  const value = parseInstantText(text);
  lastInstantText = text;
  lastInstantValue = value;
  return value;
};

let lastInstantText = "";
let lastInstantValue: number | undefined;

/**
 * "YYYY-MM-DDTHH:MM[:SS[.fraction of 1–9 digits]]" and an offset, read by character codes: a
 * read checks every stored line's recorded time, and a regular expression with captures cost
 * most of that check. A property test holds it to the pattern it replaced.
 */
const parseInstantText = (text: string): number | undefined => {
  if (text.length < 17 || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d || text.charCodeAt(10) !== 0x54 || text.charCodeAt(13) !== 0x3a) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hours = digits(text, 11, 2);
  const minutes = digits(text, 14, 2);
  if (!isSupportedDate(year, month, day) || hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return undefined;
  let seconds = 0;
  let milliseconds = 0;
  let at = 16;
  if (text.charCodeAt(at) === 0x3a) {
    seconds = digits(text, at + 1, 2);
    if (seconds < 0 || seconds > 59) return undefined;
    at += 3;
    if (text.charCodeAt(at) === 0x2e) {
      const first = at + 1;
      at = first;
      while (at < text.length && at - first < 9 && digits(text, at, 1) >= 0) at += 1;
      if (at === first) return undefined;
      // Milliseconds from the first three digits of the fraction, as "5" → 500 and "123456" → 123.
      for (let index = first; index < first + 3; index += 1) milliseconds = milliseconds * 10 + (index < at ? digits(text, index, 1) : 0);
    }
  }
  const offset = offsetMinutesAt(text, at);
  if (offset === undefined) return undefined;
  const localMs = daysFromCivil(year, month, day) * DAY_MS + hours * HOUR_MS + minutes * 60_000 + seconds * 1000 + milliseconds;
  return localMs - offset * 60_000;
};

/** The canonical form of a recorded instant: UTC with milliseconds, as `recordedAt` is stored. */
export const formatInstant = (epochMs: number): string => new Date(epochMs).toISOString();

/** Every change of Stockholm's offset in a year, in order: what a test compares with a time-zone database. */
export const stockholmTransitions = (year: number): readonly number[] => {
  const summer = stockholmSummerTime(year);
  return summer === undefined ? [] : [summer.start, summer.end];
};

/** The Stockholm dates on which the clocks change in a year. */
export const stockholmSwitchDates = (year: number): readonly IsoDate[] => stockholmTransitions(year).map(stockholmDateOf);

