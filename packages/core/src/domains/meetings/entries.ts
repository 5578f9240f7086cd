import type { EventOf } from "../../events/definition.js";
import type { DomainEvent } from "../../events/envelope.js";
import { effectiveDateOf } from "../../time/effective.js";
import type { Directory } from "../reference/directory.js";
import { AttendanceSummaryRecorded, MeetingHeld } from "./events.js";
import { addInto, emptySeatCount, type SeatCount } from "./tally.js";

/**
 * One meeting, or one register summary of several, reduced to what attendance needs. Both
 * granularities land here, so no projection has to know which one the facts came in.
 */
export interface AttendanceEntry {
  eventId: string;
  networkId: string;
  kind: "meeting" | "summary";
  /** Set for a single meeting. */
  meetingId?: string;
  from: string;
  to: string;
  meetings: number;
  bySide: Record<string, SeatCount>;
  byMunicipality: Record<string, SeatCount>;
  /** Meetings per mode; only meetings whose mode is known are counted. */
  modes: Record<string, number>;
  /** People present per gender, where it is known. */
  gender: Record<string, number>;
}

const countInto = (record: Record<string, number>, key: string, by = 1): void => {
  record[key] = (record[key] ?? 0) + by;
};

const tallyInto = (record: Record<string, SeatCount>, key: string, more: SeatCount): void => {
  record[key] = addInto(record[key] ?? emptySeatCount(), more);
};

const fromMeeting = (event: EventOf<typeof MeetingHeld>, directory: Directory, date: string): AttendanceEntry => {
  const seats = directory.networks[event.data.networkId]?.seats ?? [];
  const listed = new Map(event.data.presence.map((entry) => [entry.seatId, entry]));
  const entry: AttendanceEntry = { eventId: event.id, meetingId: event.data.meetingId, networkId: event.data.networkId, kind: "meeting", from: date, to: date, meetings: 1, bySide: {}, byMunicipality: {}, modes: { [event.data.mode]: 1 }, gender: {} };
  for (const seat of seats) {
    const presence = listed.get(seat.seatId);
    if (presence?.status === "vacant") continue;
    const one: SeatCount = { expected: 1, present: presence?.status === "present" ? 1 : 0 };
    tallyInto(entry.bySide, seat.side, one);
    if (seat.municipalityId !== undefined) tallyInto(entry.byMunicipality, seat.municipalityId, one);
    if (presence?.gender !== undefined) countInto(entry.gender, presence.gender);
  }
  return entry;
};

const fromSummary = (event: EventOf<typeof AttendanceSummaryRecorded>): AttendanceEntry => {
  const { networkId, from, to, meetings, bySide, byMode, presentByGender, byMunicipality } = event.data;
  const copy = (record: Readonly<Record<string, SeatCount>> | undefined): Record<string, SeatCount> =>
    Object.fromEntries(Object.entries(record ?? {}).map(([key, tally]) => [key, { expected: tally.expected, present: tally.present }]));
  return { eventId: event.id, networkId, kind: "summary", from, to, meetings, bySide: copy(bySide), byMunicipality: copy(byMunicipality), modes: { ...(byMode ?? {}) }, gender: { ...(presentByGender ?? {}) } };
};

/** The entry an event makes, if it is a meeting or a summary; `directory` must know the network's seats. */
export const attendanceEntryOf = (event: DomainEvent, directory: Directory): AttendanceEntry | undefined => {
  if (MeetingHeld.is(event)) return fromMeeting(event, directory, effectiveDateOf(event.effectiveAt) ?? event.effectiveAt);
  if (AttendanceSummaryRecorded.is(event)) return fromSummary(event);
  return undefined;
};
