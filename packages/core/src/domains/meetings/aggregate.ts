import { dec } from "../../numbers/decimal.js";
import type { AttendanceEntry } from "./entries.js";
import { MEETING_MODES } from "./events.js";
import { addInto, attendanceOf, emptySeatCount, shareOf, type Attendance, type SeatCount } from "./tally.js";

export interface ModeShares {
  /** Meetings whose mode is known: the denominator of the shares. */
  readonly meetingsWithMode: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly shares: Readonly<Record<string, string | null>>;
}

export interface GenderShares {
  readonly counted: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly shares: Readonly<Record<string, string | null>>;
}

/** Lowest and highest share among a set of named parts (networks, municipalities). */
export interface ShareRange {
  readonly min: string;
  readonly minId: string;
  readonly max: string;
  readonly maxId: string;
}

/**
 * present ÷ expected of two tallies compared exactly: by cross-multiplying the seat counts, which
 * needs no division (a report sorts every network and municipality); by the decimal shares when
 * the products would not be exact in a double.
 */
const compareShares = (a: Attendance & { share: string }, b: Attendance & { share: string }): number => {
  const left = a.present * b.expected;
  const right = b.present * a.expected;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return Math.sign(left - right);
  return dec(a.share).comparedTo(dec(b.share));
};

/** The range of the shares given, ties broken by id; null when none has a share. */
export const rangeOf = (shares: Readonly<Record<string, Attendance>>): ShareRange | null => {
  const rated = Object.entries(shares).filter((entry): entry is [string, Attendance & { share: string }] => entry[1].share !== null);
  if (rated.length === 0) return null;
  const sorted = [...rated].sort(([idA, a], [idB, b]) => compareShares(a, b) || (idA < idB ? -1 : 1));
  const [minId, low] = sorted[0] as [string, Attendance & { share: string }];
  const [maxId, high] = sorted[sorted.length - 1] as [string, Attendance & { share: string }];
  return { min: low.share, minId, max: high.share, maxId };
};

/** Attendance of any set of entries, under the one definition (pooled seats). */
export interface AttendanceAggregate {
  readonly meetings: number;
  readonly attendance: Attendance;
  readonly bySide: Readonly<Record<string, Attendance>>;
  readonly byMunicipality: Readonly<Record<string, Attendance>>;
  /** Lowest and highest municipality ("för varje enskild kommun varierar närvaron mellan 60-89 %"). */
  readonly municipalityRange: ShareRange | null;
  readonly modes: ModeShares;
  readonly gender: GenderShares;
  readonly evidence: readonly string[];
}

/** The record with its keys in order: itself when they already are (most are: a meeting's own tallies), a sorted copy otherwise. Only for records this module made. */
const sorted = <V>(record: Record<string, V>): Record<string, V> => {
  const keys = Object.keys(record);
  for (let index = 1; index < keys.length; index += 1) {
    if ((keys[index - 1] as string) > (keys[index] as string)) return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return record;
};

const mergeTallies = (into: Record<string, SeatCount>, more: Readonly<Record<string, SeatCount>>): void => {
  for (const [key, tally] of Object.entries(more)) into[key] = addInto(into[key] ?? emptySeatCount(), tally);
};

const mergeCounts = (into: Record<string, number>, more: Readonly<Record<string, number>>): void => {
  for (const [key, count] of Object.entries(more)) into[key] = (into[key] ?? 0) + count;
};

const sharesOf = (counts: Record<string, number>, keys: readonly string[]): { total: number; shares: Record<string, string | null> } => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const all = [...new Set([...keys, ...Object.keys(counts)])];
  return { total, shares: sorted(Object.fromEntries(all.map((key) => [key, shareOf(counts[key] ?? 0, total)]))) };
};

export const aggregate = (entries: readonly AttendanceEntry[]): AttendanceAggregate => {
  const bySide: Record<string, SeatCount> = {};
  const byMunicipality: Record<string, SeatCount> = {};
  const modes: Record<string, number> = {};
  const gender: Record<string, number> = {};
  let meetings = 0;
  for (const entry of entries) {
    meetings += entry.meetings;
    mergeTallies(bySide, entry.bySide);
    mergeTallies(byMunicipality, entry.byMunicipality);
    mergeCounts(modes, entry.modes);
    mergeCounts(gender, entry.gender);
  }
  const total = Object.values(bySide).reduce((sum, tally) => addInto(sum, tally), emptySeatCount());
  const modeShares = sharesOf(modes, MEETING_MODES);
  const genderShares = sharesOf(gender, []);
  const asAttendance = (record: Record<string, SeatCount>) => sorted(Object.fromEntries(Object.entries(record).map(([key, tally]) => [key, attendanceOf(tally)])));
  const municipalities = asAttendance(byMunicipality);
  return {
    meetings,
    attendance: attendanceOf(total),
    bySide: asAttendance(bySide),
    byMunicipality: municipalities,
    municipalityRange: rangeOf(municipalities),
    modes: { meetingsWithMode: modeShares.total, counts: sorted(modes), shares: modeShares.shares },
    gender: { counted: genderShares.total, counts: sorted(gender), shares: genderShares.shares },
    evidence: entries.map((entry) => entry.eventId).sort(),
  };
};
