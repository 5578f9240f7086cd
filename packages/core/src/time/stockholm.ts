import { civilFromDays, dateOfDays, daysFromCivil, daysInMonth, daysOf, FIRST_YEAR, LAST_YEAR, parseIsoDate, weekdayOfDays, type IsoDate } from "./calendar.js";

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

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

const offsetMinutesOf = (zone: string): number | undefined => {
  if (zone === "Z") return 0;
  const [hours, minutes] = [Number(zone.slice(1, 3)), Number(zone.slice(4, 6))];
  if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) return undefined;
  return (zone.startsWith("-") ? -1 : 1) * (hours * 60 + minutes);
};

/**
 * Parses an ISO 8601 instant with an explicit offset ("Z" or "+02:00", at most ±14:00) written
 * with a date in the supported years; undefined otherwise. The rule is on the text, so a JSON
 * Schema pattern can state it exactly; an offset can carry an instant written on 1900-01-01 or
 * 2100-12-31 up to 14 hours outside, where Tertial takes CET.
 */
export const parseInstant = (text: string): number | undefined => {
  // A read asks about the same recorded time several times in a row (the codec, then the chain's order check).
  if (text === lastInstant.text) return lastInstant.value;
  const value = parseInstantText(text);
  lastInstant = { text, value };
  return value;
};

let lastInstant: { text: string; value: number | undefined } = { text: "", value: undefined };

const parseInstantText = (text: string): number | undefined => {
  const match = INSTANT.exec(text);
  if (match === null) return undefined;
  const [, date = "", hours = "", minutes = "", seconds = "0", fraction = "0", zone = ""] = match;
  const day = parseIsoDate(date);
  const offset = offsetMinutesOf(zone);
  if (day === undefined || offset === undefined) return undefined;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const localMs = daysOf(day) * DAY_MS + Number(hours) * HOUR_MS + Number(minutes) * 60_000 + Number(seconds) * 1000 + Number(fraction.padEnd(3, "0").slice(0, 3));
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

