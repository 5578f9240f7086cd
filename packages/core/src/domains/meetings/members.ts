import type { DomainEvent } from "../../events/envelope.js";
import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { contains, type Period } from "../../time/period.js";
import { emptyDirectory, learnReference, nameOn, type Directory } from "../reference/directory.js";
import { MemberJoined, MemberLeft, SeatVacant } from "./events.js";

export interface MembershipState {
  directory: Directory;
  /** networkId → seatId → who sits there now (null: vacant; absent: never recorded). */
  holders: Record<string, Record<string, string | null>>;
  changes: MembershipChange[];
}

export interface MembershipChange {
  readonly date: string;
  readonly networkId: string;
  readonly seatId: string;
  readonly kind: "joined" | "left" | "vacant";
  readonly memberId: string | null;
  readonly eventId: string;
}

export interface NetworkMembership {
  readonly networkId: string;
  readonly name: string;
  readonly seats: number;
  readonly filled: number;
  /** Seats recorded as vacant at the period's end. */
  readonly vacant: readonly string[];
  readonly joined: number;
  readonly left: number;
}

export interface MembershipResult {
  readonly period: string;
  readonly networks: readonly NetworkMembership[];
  readonly changes: readonly MembershipChange[];
}

const evolveMembership = (state: MembershipState, event: DomainEvent, period: Period): MembershipState => {
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > period.end) return state;
  learnReference(state.directory, event);
  if (!MemberJoined.is(event) && !MemberLeft.is(event) && !SeatVacant.is(event)) return state;
  const { networkId, seatId } = event.data;
  const seats = (state.holders[networkId] ??= {});
  const kind = MemberJoined.is(event) ? "joined" : MemberLeft.is(event) ? "left" : "vacant";
  const memberId = MemberJoined.is(event) || MemberLeft.is(event) ? event.data.memberId : null;
  seats[seatId] = kind === "joined" ? memberId : null;
  if (contains(period, date)) state.changes.push({ date, networkId, seatId, kind, memberId, eventId: event.id });
  return state;
};

const membershipOf = (state: MembershipState, networkId: string, period: Period): NetworkMembership => {
  const record = state.directory.networks[networkId];
  const holders = state.holders[networkId] ?? {};
  const changes = state.changes.filter((change) => change.networkId === networkId);
  return {
    networkId,
    name: record === undefined ? networkId : nameOn(record, period.end),
    seats: record?.seats.length ?? 0,
    filled: Object.values(holders).filter((holder) => holder !== null).length,
    vacant: Object.entries(holders)
      .filter(([, holder]) => holder === null)
      .map(([seatId]) => seatId)
      .sort(),
    joined: changes.filter((change) => change.kind === "joined").length,
    left: changes.filter((change) => change.kind === "left").length,
  };
};

/** Members over time: who holds which seat at the period's end, vacancies, and turnover inside the period. */
export const membershipProjection = defineProjection<MembershipState, MembershipResult>({
  name: "network-members",
  description: "Seats filled and vacant per network at the period's end; members joined and left during the period.",
  init: () => ({ directory: emptyDirectory(), holders: {}, changes: [] }),
  evolve: (state, event, { period }) => evolveMembership(state, event, period),
  result: (state, { period }) => ({
    period: period.name,
    networks: Object.keys(state.holders)
      .sort()
      .map((networkId) => membershipOf(state, networkId, period)),
    changes: [...state.changes].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.eventId < b.eventId ? -1 : 1)),
  }),
});
