import type { DomainEvent } from "../../events/envelope.js";
import { placeTerm, termDefinitionIssues, unknownTermIssues, type DefinedTermIds, type KnownTermIds, type TermVocabulary } from "../../events/defined-terms.js";
import type { Issue } from "../../events/issues.js";
import { NetworkEstablished } from "../reference/events.js";
import { AttendanceSummaryRecorded, SeatSideDefined } from "./events.js";

/** A side seats sit on (the municipalities', the region's), as the attendance tables print it. */
export interface KnownSeatSide {
  readonly id: string;
  /** The side as a sentence names it, in lower case ("länets kommuner", "skolorna"). */
  readonly name: string;
  /** Its column heading in the attendance tables ("Länets kommuner"). */
  readonly label: string;
}

/** The sides every log knows, in the order the tables print them: the first organisation's. */
export const BUILT_IN_SIDES: readonly KnownSeatSide[] = [
  { id: "kommun", name: "länets kommuner", label: "Länets kommuner" },
  { id: "region", name: "regionen", label: "Regionen" },
  { id: "other", name: "övriga", label: "Övriga" },
];

export const isBuiltInSide = (id: string): boolean => BUILT_IN_SIDES.some((side) => side.id === id);

/** What a fold knows of the sides: those the log defined, in order, and the ids its seats and tallies name. */
export interface SeatSideUse {
  defined: KnownSeatSide[];
  used: Record<string, true>;
}

export const emptySideUse = (): SeatSideUse => ({ defined: [], used: {} });

/** Learns a definition, or the sides a network's seats or a summary's tallies name; mutates the use it is given. */
export const learnSides = (use: SeatSideUse, event: DomainEvent): void => {
  if (SeatSideDefined.is(event)) {
    const { sideId, name, label } = event.data;
    // A second definition (a superseding one) renames the side in place: it keeps its column.
    placeTerm(use.defined, { id: sideId, name, label });
    return;
  }
  if (NetworkEstablished.is(event)) for (const seat of event.data.seats) use.used[seat.side] = true;
  if (AttendanceSummaryRecorded.is(event)) for (const side of Object.keys(event.data.bySide)) use.used[side] = true;
};

/**
 * The sides the log's seats sit on, in print order: the built-in ones in their fixed order, then
 * the defined ones in the order they were defined. A side no seat sits on gets no column.
 */
export const sidesInUse = (use: SeatSideUse): KnownSeatSide[] => [...BUILT_IN_SIDES, ...use.defined].filter((side) => use.used[side.id] === true);

/** The seat sides as a vocabulary a log extends (`meetings.seat-side-defined`). */
export const SEAT_SIDES: TermVocabulary = { noun: "seat side", definedBy: SeatSideDefined.type, builtIn: BUILT_IN_SIDES.map((side) => side.id) };

/** A seat or a tally may name a side only once the log knows it: built in, or defined before. */
export const requireSide = (defined: KnownTermIds, side: string, path: string): Issue[] => unknownTermIssues(SEAT_SIDES, defined, side, path);

/** A side is defined once, under an id no built-in side has; a correction supersedes the definition. */
export const seatSideDefinitionIssues = (defined: DefinedTermIds, sideId: string, supersedes: string | undefined): Issue[] => termDefinitionIssues(SEAT_SIDES, defined, sideId, supersedes, "data.sideId");
