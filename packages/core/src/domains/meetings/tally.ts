import { dec, ratio, toDecimalString } from "../../numbers/decimal.js";

/** Seats expected at one or more meetings and how many of them were filled. */
export interface SeatCount {
  expected: number;
  present: number;
}

export interface Attendance extends SeatCount {
  /** present ÷ expected as an exact decimal string; null when no seat was expected. */
  readonly share: string | null;
}

/**
 * THE definition of "average attendance" in Tertial: pooled seats.
 *
 *   attendance(meetings) = Σ seats present ÷ Σ seats expected
 *
 * over whatever set of meetings is asked about (one meeting, a network's period, one side,
 * one municipality, a group of networks, everything). We pool rather than average meeting
 * means because registers often keep only period totals (an attendance summary), from which
 * meeting means cannot be recovered; pooling is also additive, so the attendance of a period
 * is exactly the attendance of its meetings whichever way they are grouped. A network's
 * "medelvärde" for the target count and the min–max range is likewise its pooled share.
 * See docs/attendance.md.
 */
export const ATTENDANCE_AVERAGE = "pooled-seats" as const;
export type AttendanceAverage = typeof ATTENDANCE_AVERAGE;

export const emptySeatCount = (): SeatCount => ({ expected: 0, present: 0 });

export const addInto = (target: SeatCount, more: SeatCount): SeatCount => {
  target.expected += more.expected;
  target.present += more.present;
  return target;
};

export const pooled = (tallies: Iterable<SeatCount>): SeatCount => {
  const out = emptySeatCount();
  for (const tally of tallies) addInto(out, tally);
  return out;
};

/** The pooled-seats share of a tally (see ATTENDANCE_AVERAGE). */
export const attendanceOf = (tally: SeatCount): Attendance => ({ expected: tally.expected, present: tally.present, share: shareOf(tally.present, tally.expected) });

// A report divides the same few seat counts again and again (every network, side and municipality): each pair is divided once.
const SHARES_KEPT = 4096;
const shares = new Map<string, string | null>();

/** count ÷ total as an exact decimal string, or null when the total is zero. */
export const shareOf = (count: number, total: number): string | null => {
  const key = `${count}/${total}`;
  const known = shares.get(key);
  if (known !== undefined) return known;
  const share = ratio(dec(count), dec(total));
  const text = share === undefined ? null : toDecimalString(share);
  if (shares.size >= SHARES_KEPT) shares.clear();
  shares.set(key, text);
  return text;
};
