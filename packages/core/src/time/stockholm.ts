import { isoDate, parseIsoDate, type IsoDate } from "./calendar.js";

/**
 * Europe/Stockholm without a time-zone database: CET (+01:00), and CEST (+02:00) from 01:00 UTC
 * on the last Sunday of March to 01:00 UTC on the last Sunday of October (the EU rule Sweden has
 * kept since 1996; earlier dates are read with the same rule). Our own so that no ICU or tzdata
 * version can move a fact from one day, and so one period, to another.
 */
const lastSundayUtc = (year: number, monthIndex: number): number => {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0));
  return Date.UTC(year, monthIndex, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
};

export const stockholmOffsetMinutes = (epochMs: number): number => {
  const year = new Date(epochMs).getUTCFullYear();
  const summer = epochMs >= lastSundayUtc(year, 2) && epochMs < lastSundayUtc(year, 9);
  return summer ? 120 : 60;
};

/** The Stockholm calendar date of an instant. */
export const stockholmDateOf = (epochMs: number): IsoDate => {
  const local = new Date(epochMs + stockholmOffsetMinutes(epochMs) * 60_000);
  return isoDate(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
};

/** The first instant of a Stockholm calendar date. */
export const startOfStockholmDay = (date: IsoDate): number => {
  const [year, month, day] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const utcMidnight = Date.UTC(year, month - 1, day);
  // The offset at local midnight equals the offset one hour before the switch moments, so
  // trying the winter offset first and correcting once is exact.
  const guess = utcMidnight - 60 * 60_000;
  return utcMidnight - stockholmOffsetMinutes(guess) * 60_000;
};

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant with an explicit offset ("Z" or "+02:00"); undefined otherwise. */
export const parseInstant = (text: string): number | undefined => {
  const match = INSTANT.exec(text);
  if (match === null) return undefined;
  const [, date = "", hours = "", minutes = "", seconds = "0", fraction = "0", zone = ""] = match;
  if (parseIsoDate(date) === undefined) return undefined;
  if (Number(hours) > 23 || Number(minutes) > 59 || Number(seconds) > 59) return undefined;
  const offset = zone === "Z" ? 0 : (zone.startsWith("-") ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), Number(hours), Number(minutes), Number(seconds), Number(fraction.padEnd(3, "0").slice(0, 3)));
  return utc - offset * 60_000;
};

/** The canonical form of a recorded instant: UTC with milliseconds, as `recordedAt` is stored. */
export const formatInstant = (epochMs: number): string => new Date(epochMs).toISOString();
