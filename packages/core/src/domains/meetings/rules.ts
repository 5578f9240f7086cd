import { defineRule } from "../../events/consistency.js";
import type { EventOf } from "../../events/definition.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { effectiveDateOf } from "../../time/effective.js";
import { NetworkEstablished, type Seat } from "../reference/events.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { AttendanceSummaryRecorded, GENDERS, MEETING_MODES, MeetingHeld, MemberJoined, MemberLeft, NetworkGroupDefined, SeatSideDefined, SeatVacant, type SeatTally } from "./events.js";
import { requireSide, seatSideDefinitionIssues } from "./seat-sides.js";

interface MeetingsKnowledge {
  readonly references: KnownReferences;
  /** groupId → the event defining it: a correction may restate its own target's group, never another's. */
  readonly groups: Map<string, string>;
  /** Seat sides the log defined (meetings.seat-side-defined), by id, with the defining event. */
  readonly sides: Map<string, string>;
  /** meetingId → the event recording it. */
  readonly meetings: Map<string, string>;
  /** networkId/seatId → member in the seat now. */
  readonly members: Map<string, string>;
}

const seatsOf = (known: MeetingsKnowledge, networkId: string): readonly Seat[] => known.references.networks.get(networkId)?.seats ?? [];

const seatIssue = (known: MeetingsKnowledge, networkId: string, seatId: string, path: string): Issue[] =>
  seatsOf(known, networkId).some((seat) => seat.seatId === seatId)
    ? []
    : [issue("unknown-reference", path, `network "${networkId}" has no seat "${seatId}"`, { expected: `one of the seats it was established with (${seatsOf(known, networkId).length} seats)`, actual: seatId })];

const meetingIssues = (known: MeetingsKnowledge, event: EventOf<typeof MeetingHeld>): Issue[] => {
  const { networkId, meetingId, presence } = event.data;
  const found = known.references.requireNetwork(networkId, "data.networkId");
  found.push(...heldKeyIssues(known.meetings.get(meetingId), event, { noun: "meeting", held: "recorded", key: meetingId, path: "data.meetingId" }, () => [issue("conflict", "data.meetingId", `meeting "${meetingId}" is already recorded`)]));
  if (found.length > 0) return found;
  const seen = new Set<string>();
  presence.forEach((entry, index) => {
    found.push(...seatIssue(known, networkId, entry.seatId, `data.presence[${index}].seatId`));
    if (seen.has(entry.seatId)) found.push(issue("conflict", `data.presence[${index}].seatId`, `seat "${entry.seatId}" is listed twice`));
    seen.add(entry.seatId);
    if (entry.gender !== undefined && entry.status !== "present") found.push(issue("invalid-field", `data.presence[${index}].gender`, "is only known for someone present", { actual: entry.status }));
  });
  return found;
};

const total = (values: Readonly<Record<string, number>> | undefined): number => Object.values(values ?? {}).reduce((a, b) => a + b, 0);

const tallyIssues = (tally: SeatTally, path: string, maxExpected: number, capacity: string): Issue[] => {
  const found: Issue[] = [];
  if (tally.present > tally.expected) found.push(issue("invalid-field", `${path}.present`, "exceeds the seats expected", { expected: `at most ${tally.expected}`, actual: String(tally.present) }));
  if (tally.expected > maxExpected) found.push(issue("invalid-field", `${path}.expected`, `exceeds ${capacity}`, { expected: `at most ${maxExpected}`, actual: String(tally.expected) }));
  return found;
};

const keysIssues = (record: Readonly<Record<string, unknown>> | undefined, allowed: readonly string[], path: string): Issue[] =>
  Object.keys(record ?? {})
    .filter((key) => !allowed.includes(key))
    .map((key) => issue("invalid-field", `${path}.${key}`, "is not a known category", { expected: `one of ${allowed.join(", ")}`, actual: key }));

const summaryIssues = (known: MeetingsKnowledge, event: EventOf<typeof AttendanceSummaryRecorded>): Issue[] => {
  const { networkId, from, to, meetings, bySide, byMode, presentByGender, byMunicipality } = event.data;
  const found = known.references.requireNetwork(networkId, "data.networkId");
  if (found.length > 0) return found;
  const date = effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;
  if (from > to) found.push(issue("invalid-field", "data.to", "ends before the summary starts", { expected: `on or after ${from}`, actual: to }));
  if (date < from || date > to) found.push(issue("invalid-field", "effectiveAt", "must fall inside the summarised period", { expected: `${from}..${to}`, actual: event.effectiveAt }));
  for (const side of Object.keys(bySide)) found.push(...requireSide(known.sides, side, `data.bySide.${side}`));
  const seats = seatsOf(known, networkId);
  for (const [side, tally] of Object.entries(bySide)) {
    const perMeeting = seats.filter((seat) => seat.side === side).length;
    found.push(...tallyIssues(tally, `data.bySide.${side}`, meetings * perMeeting, `${meetings} meetings × ${perMeeting} ${side} seats`));
  }
  found.push(...keysIssues(byMode, MEETING_MODES, "data.byMode"));
  if (byMode !== undefined && total(byMode) !== meetings) found.push(issue("invalid-field", "data.byMode", "does not add up to the meetings held", { expected: String(meetings), actual: String(total(byMode)) }));
  found.push(...keysIssues(presentByGender, GENDERS, "data.presentByGender"));
  const present = Object.values(bySide).reduce((sum, tally) => sum + tally.present, 0);
  if (total(presentByGender) > present) found.push(issue("invalid-field", "data.presentByGender", "counts more people than were present", { expected: `at most ${present}`, actual: String(total(presentByGender)) }));
  for (const [municipalityId, tally] of Object.entries(byMunicipality ?? {})) {
    const path = `data.byMunicipality.${municipalityId}`;
    const own = seats.filter((seat) => seat.municipalityId === municipalityId).length;
    if (own === 0) found.push(issue("unknown-reference", path, `network "${networkId}" has no seat for municipality "${municipalityId}"`));
    else found.push(...tallyIssues(tally, path, meetings * own, `${meetings} meetings × ${own} seats`));
  }
  return found;
};

const memberIssues = (known: MeetingsKnowledge, event: DomainEvent): Issue[] => {
  if (!MemberJoined.is(event) && !MemberLeft.is(event) && !SeatVacant.is(event)) return [];
  const found = known.references.requireNetwork(event.data.networkId, "data.networkId");
  if (found.length > 0) return found;
  found.push(...seatIssue(known, event.data.networkId, event.data.seatId, "data.seatId"));
  if (MemberLeft.is(event)) {
    const current = known.members.get(`${event.data.networkId}/${event.data.seatId}`);
    if (current !== event.data.memberId) found.push(issue("conflict", "data.memberId", `"${event.data.memberId}" does not hold seat "${event.data.seatId}"`, { expected: current ?? "nobody holds it", actual: event.data.memberId }));
  }
  return found;
};

const groupIssues = (known: MeetingsKnowledge, event: EventOf<typeof NetworkGroupDefined>): Issue[] => {
  const { groupId } = event.data;
  const found = heldKeyIssues(known.groups.get(groupId), event, { noun: "group", held: "defined", key: groupId, path: "data.groupId" }, () => [issue("conflict", "data.groupId", `group "${groupId}" is already defined`)]);
  event.data.networkIds.forEach((networkId, index) => found.push(...known.references.requireNetwork(networkId, `data.networkIds[${index}]`)));
  return found;
};

const sideDefinitionIssues = (known: MeetingsKnowledge, event: EventOf<typeof SeatSideDefined>): Issue[] => seatSideDefinitionIssues(known.sides, event.data.sideId, event.supersedes);

const seatSideIssues = (known: MeetingsKnowledge, event: EventOf<typeof NetworkEstablished>): Issue[] =>
  event.data.seats.flatMap((seat, index) => requireSide(known.sides, seat.side, `data.seats[${index}].side`));

const learnMembers = (known: MeetingsKnowledge, event: DomainEvent): void => {
  if (MemberJoined.is(event)) known.members.set(`${event.data.networkId}/${event.data.seatId}`, event.data.memberId);
  if (MemberLeft.is(event) || SeatVacant.is(event)) known.members.delete(`${event.data.networkId}/${event.data.seatId}`);
};

/** Meetings and summaries need a known network and only that network's seats; tallies must be possible; a seat's side must be built in or defined earlier. */
export const meetingsIntegrity = defineRule<MeetingsKnowledge>({
  name: "meetings-integrity",
  learnsFrom: [...REFERENCE_FACTS, ...[SeatSideDefined, MemberJoined, MemberLeft, SeatVacant, MeetingHeld, NetworkGroupDefined].map((definition) => definition.type)],
  // Revision 2: the state holds the seat sides the log defined; 3: with the event that defined each; 4: the event recording each meeting and defining each group.
  revision: 4,
  init: () => ({ references: new KnownReferences(), groups: new Map(), sides: new Map(), meetings: new Map(), members: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    learnMembers(known, event);
    if (MeetingHeld.is(event)) known.meetings.set(event.data.meetingId, event.id);
    if (NetworkGroupDefined.is(event)) known.groups.set(event.data.groupId, event.id);
    if (SeatSideDefined.is(event)) known.sides.set(event.data.sideId, event.id);
  },
  check: (known, event) => {
    if (MeetingHeld.is(event)) return meetingIssues(known, event);
    if (AttendanceSummaryRecorded.is(event)) return summaryIssues(known, event);
    if (NetworkGroupDefined.is(event)) return groupIssues(known, event);
    if (SeatSideDefined.is(event)) return sideDefinitionIssues(known, event);
    if (NetworkEstablished.is(event)) return seatSideIssues(known, event);
    return memberIssues(known, event);
  },
});
