import { parseIsoDate, type IsoDate } from "./calendar.js";
import { parseInstant, startOfStockholmDay, stockholmOffsetMinutes } from "./stockholm.js";

/**
 * `effectiveAt` is a business date ("2020-08-31") or an instant with an offset. Either way the
 * fact belongs to one Stockholm calendar date, and periods select on that date.
 */
export const effectiveDateOf = (effectiveAt: string): IsoDate | undefined => {
  const date = parseIsoDate(effectiveAt);
  if (date !== undefined) return date;
  const instant = parseInstant(effectiveAt);
  return instant === undefined ? undefined : calendarDateOf(instant);
};

/** The Stockholm date of an instant, or undefined outside the calendar Tertial knows (before 1900), instead of throwing. */
const calendarDateOf = (epochMs: number): IsoDate | undefined => {
  const local = new Date(epochMs + stockholmOffsetMinutes(epochMs) * 60_000);
  return parseIsoDate(local.toISOString().slice(0, 10));
};

export const isEffectiveAt = (text: string): boolean => effectiveDateOf(text) !== undefined;

/**
 * A known-at cut-off as the last instant that counts (inclusive, in epoch ms). A date means
 * "everything recorded on that Stockholm day or before"; an instant means itself.
 */
export const knownAtCutoff = (knownAt: string): number | undefined => {
  const date = parseIsoDate(knownAt);
  if (date !== undefined) {
    const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) + 1));
    return startOfStockholmDay(next.toISOString().slice(0, 10) as IsoDate) - 1;
  }
  return parseInstant(knownAt);
};
