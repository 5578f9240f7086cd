import { addDays, parseIsoDate, type IsoDate } from "./calendar.js";
import { parseInstant, startOfStockholmDay, stockholmDateOf } from "./stockholm.js";

/**
 * `effectiveAt` is a business date ("2020-08-31") or an instant with an offset. Either way the
 * fact belongs to one Stockholm calendar date, and periods select on that date. Text written
 * outside the supported years (`SUPPORTED_RANGE`) is undefined, never a throw.
 */
export const effectiveDateOf = (effectiveAt: string): IsoDate | undefined => {
  // Every fold asks about the same event in turn: answering a repeat from the last answer keeps replays from parsing one date dozens of times.
  if (effectiveAt === lastAskedText) return lastAskedDate;
  const date = effectiveDateOfText(effectiveAt);
  lastAskedText = effectiveAt;
  lastAskedDate = date;
  return date;
};

// Two variables, not an object: a read asks about a new text on nearly every line.
let lastAskedText = "";
let lastAskedDate: IsoDate | undefined;

const effectiveDateOfText = (effectiveAt: string): IsoDate | undefined => {
  const date = parseIsoDate(effectiveAt);
  if (date !== undefined) return date;
  const instant = parseInstant(effectiveAt);
  return instant === undefined ? undefined : stockholmDateOf(instant);
};

export const isEffectiveAt = (text: string): boolean => effectiveDateOf(text) !== undefined;

/**
 * A known-at cut-off as the last instant that counts (inclusive, in epoch ms). A date means
 * "everything recorded on that Stockholm day or before"; an instant means itself.
 */
export const knownAtCutoff = (knownAt: string): number | undefined => {
  const date = parseIsoDate(knownAt);
  if (date !== undefined) return startOfStockholmDay(addDays(date, 1)) - 1;
  return parseInstant(knownAt);
};
