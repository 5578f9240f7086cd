import type { DomainEvent } from "../../events/envelope.js";
import { dec } from "../../numbers/decimal.js";
import { defineProjection } from "../../projection/projection.js";
import type { IsoDate } from "../../time/calendar.js";
import { effectiveDateOf } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { emptyDirectory, learnReference, nameOn, type Directory } from "../reference/directory.js";
import { aggregate, rangeOf, type AttendanceAggregate } from "./aggregate.js";
import { attendanceEntryOf, type AttendanceEntry } from "./entries.js";
import { NetworkGroupDefined } from "./events.js";
import { learnMeasure, type AttendanceMeasure } from "./attendance-measures.js";
import { emptySideUse, learnSides, sidesInUse, type KnownSeatSide, type SeatSideUse } from "./seat-sides.js";
import { ATTENDANCE_AVERAGE, shareOf, type AttendanceAverage } from "./tally.js";

interface GroupRecord {
  name: string;
  networkIds: string[];
  targetShare?: string;
}

export interface AttendanceState {
  directory: Directory;
  groups: Record<string, GroupRecord>;
  sides: SeatSideUse;
  /** The metrics the log defines on attendance, in the order defined. */
  measures: AttendanceMeasure[];
  entries: AttendanceEntry[];
}

export interface NetworkAttendance extends AttendanceAggregate {
  readonly networkId: string;
  readonly name: string;
}

export interface AttendanceRange {
  readonly min: string;
  readonly minNetworkId: string;
  readonly max: string;
  readonly maxNetworkId: string;
}

export interface GroupAttendance extends AttendanceAggregate {
  readonly groupId: string;
  readonly name: string;
  /** The networks the group was defined with. */
  readonly networkIds: readonly string[];
  /** Networks of the group with attendance registered in the period. */
  readonly networks: number;
  readonly networksWithoutAttendance: readonly string[];
  /** meetings ÷ networks ("drygt 3 träffar vardera"), exact. */
  readonly meetingsPerNetwork: string | null;
  /** Lowest and highest network attendance (each network pooled over its meetings). */
  readonly range: AttendanceRange | null;
  readonly targetShare: string | null;
  /** Networks whose attendance is at or above the target (exact comparison, no rounding). */
  readonly reachingTarget: number | null;
}

/** One meeting recorded seat by seat (summaries have no meetings to list). */
export interface MeetingAttendance extends AttendanceAggregate {
  readonly meetingId: string;
  readonly networkId: string;
  readonly date: string;
}

export interface AttendanceResult extends AttendanceAggregate {
  readonly period: string;
  readonly definition: AttendanceAverage;
  /** The sides the log's seats sit on, in print order (built in, then defined): the tables' side columns. */
  readonly sides: readonly KnownSeatSide[];
  /** The metrics the log defines on attendance (result from `attendance.share`), in the order defined: what a slide compares. */
  readonly measures: readonly AttendanceMeasure[];
  readonly perMeeting: readonly MeetingAttendance[];
  readonly networks: readonly NetworkAttendance[];
  readonly groups: readonly GroupAttendance[];
}

/**
 * A meeting counts in the period its date falls in; a summary only when its whole span lies
 * inside the period, since a register's totals cannot be split between periods.
 */
const inPeriod = (entry: AttendanceEntry, period: Period): boolean => entry.from >= period.start && entry.to <= period.end;

const evolveAttendance = (state: AttendanceState, event: DomainEvent, period: Period): AttendanceState => {
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > period.end) return state;
  learnReference(state.directory, event);
  learnSides(state.sides, event);
  learnMeasure(state.measures, event);
  if (NetworkGroupDefined.is(event)) {
    const { groupId, name, networkIds, targetShare } = event.data;
    state.groups[groupId] = targetShare === undefined ? { name, networkIds: [...networkIds] } : { name, networkIds: [...networkIds], targetShare };
  }
  const entry = attendanceEntryOf(event, state.directory);
  if (entry !== undefined && inPeriod(entry, period)) state.entries.push(entry);
  return state;
};

const networkName = (directory: Directory, networkId: string, date: IsoDate): string => {
  const record = directory.networks[networkId];
  return record === undefined ? networkId : nameOn(record, date);
};

/** The entries of each network, each list in log order, in one pass (a report has hundreds of meetings over dozens of networks). */
const entriesByNetwork = (entries: readonly AttendanceEntry[]): Map<string, AttendanceEntry[]> => {
  const byNetwork = new Map<string, AttendanceEntry[]>();
  for (const entry of entries) {
    const list = byNetwork.get(entry.networkId);
    if (list === undefined) byNetwork.set(entry.networkId, [entry]);
    else list.push(entry);
  }
  return byNetwork;
};

const networksOf = (state: AttendanceState, date: IsoDate): NetworkAttendance[] => {
  const byNetwork = entriesByNetwork(state.entries);
  return [...byNetwork.keys()].sort().map((networkId) => ({ networkId, name: networkName(state.directory, networkId, date), ...aggregate(byNetwork.get(networkId) ?? []) }));
};

const networkRange = (networks: readonly NetworkAttendance[]): AttendanceRange | null => {
  const range = rangeOf(Object.fromEntries(networks.map((network) => [network.networkId, network.attendance])));
  return range === null ? null : { min: range.min, minNetworkId: range.minId, max: range.max, maxNetworkId: range.maxId };
};

const reaching = (networks: readonly NetworkAttendance[], target: string | undefined): number | null =>
  target === undefined ? null : networks.filter((network) => network.attendance.share !== null && dec(network.attendance.share).gte(dec(target))).length;

const groupOf = (state: AttendanceState, groupId: string, group: GroupRecord, networks: readonly NetworkAttendance[]): GroupAttendance => {
  const members = new Set(group.networkIds);
  const attended = networks.filter((network) => members.has(network.networkId));
  const whole = aggregate(state.entries.filter((entry) => members.has(entry.networkId)));
  return {
    groupId,
    name: group.name,
    networkIds: [...group.networkIds],
    ...whole,
    networks: attended.length,
    networksWithoutAttendance: group.networkIds.filter((id) => !attended.some((network) => network.networkId === id)).sort(),
    meetingsPerNetwork: shareOf(whole.meetings, attended.length),
    range: networkRange(attended),
    targetShare: group.targetShare ?? null,
    reachingTarget: reaching(attended, group.targetShare),
  };
};

/**
 * Attendance in the period under the one definition (pooled seats, see ATTENDANCE_AVERAGE):
 * overall, per side and municipality, per network, per defined group (with range, networks
 * reaching the target and meetings per network), meeting modes and gender of those present.
 */
export const attendanceProjection = defineProjection<AttendanceState, AttendanceResult>({
  name: "attendance",
  description: "Närvaro (pooled seats: Σ present ÷ Σ expected) per network, group, side and municipality; meeting modes; gender of those present.",
  // Revision 2: the state holds the seat sides the log defines and its seats use, and the metrics it defines on attendance.
  revision: 2,
  init: () => ({ directory: emptyDirectory(), groups: {}, sides: emptySideUse(), measures: [], entries: [] }),
  evolve: (state, event, { period }) => evolveAttendance(state, event, period),
  result: (state, { period }) => {
    const networks = networksOf(state, period.end);
    const groups = Object.keys(state.groups)
      .sort()
      .map((groupId) => groupOf(state, groupId, state.groups[groupId] as GroupRecord, networks));
    const perMeeting = state.entries
      .filter((entry) => entry.meetingId !== undefined)
      .map((entry) => ({ meetingId: entry.meetingId ?? "", networkId: entry.networkId, date: entry.from, ...aggregate([entry]) }))
      .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.meetingId < b.meetingId ? -1 : 1));
    return { period: period.name, definition: ATTENDANCE_AVERAGE, sides: sidesInUse(state.sides), measures: state.measures.map((measure) => ({ ...measure })), ...aggregate(state.entries), perMeeting, networks, groups };
  },
});
