import type { IsoDate } from "../../time/calendar.js";
import type { Period } from "../../time/period.js";

/**
 * The day whose wording a document prints (goal titles, the organisation's profile): the end of
 * its period, or for a period over several years (a plan) the end of its first year. A follow-up
 * report lies within one year, so it is its period's end; a plan 2025–2026 prints what the annual
 * report 2025 that follows up its first year prints, and a change from 2026 (adopted with the next
 * plan) never rewrites it.
 */
export const wordingDateOf = (period: Period): IsoDate => {
  const firstYearEnd = `${period.start.slice(0, 4)}-12-31` as IsoDate;
  return period.end < firstYearEnd ? period.end : firstYearEnd;
};
