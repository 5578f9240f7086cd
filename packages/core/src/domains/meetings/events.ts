import * as t from "io-ts";
import { Id, IsoDateC, NonEmptyString, NonNegativeDecimal, NonNegativeInteger, PositiveInteger, ShortName, listOf, oneOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";

export const MEETING_MODES = ["fysiskt", "digitalt", "kombination"] as const;
/** How a meeting was held: on site, online, or both at once (registered from 2020). */
export const MeetingMode = oneOf("MeetingMode", MEETING_MODES);
export type MeetingMode = t.TypeOf<typeof MeetingMode>;

export const GENDERS = ["kvinna", "man", "annat"] as const;
export const Gender = oneOf("Gender", GENDERS);
export type Gender = t.TypeOf<typeof Gender>;

/** The seat sides every log knows without defining them: the municipalities', the region's, others'. */
export const SIDES = ["kommun", "region", "other"] as const;

export const SeatSideDefined = defineEvent({
  type: "meetings.seat-side-defined",
  description:
    "A side a network's seats may sit on of the organisation's own (schools, the county administrative board), beside the built-in `kommun`, `region` and `other`; from then on a network's seats (`reference.network-established` version 2) and a summary's `bySide` may name `sideId`. `name` is the side as a sentence names it, in lower case (\"skolorna\"); `label` heads its column in the attendance tables (\"Skolorna\"), as \"Länets kommuner\" and \"Regionen\" head the built-in ones. The tables print a column for each side some seat sits on: the built-in sides first, then the defined ones in the order they were defined. A side is defined once; supersede the definition to rename it.",
  data: strictObject("SeatSideDefined", { sideId: Id, name: NonEmptyString, label: NonEmptyString }),
});

export const PRESENCE_STATUSES = ["present", "absent", "vacant"] as const;
/** A vacant seat is not expected at the meeting, so it neither helps nor hurts attendance. */
export const PresenceStatus = oneOf("PresenceStatus", PRESENCE_STATUSES);

export const Presence = strictObject("Presence", { seatId: Id, status: PresenceStatus }, { gender: Gender });
export type Presence = t.TypeOf<typeof Presence>;

export const MemberJoined = defineEvent({
  type: "meetings.member-joined",
  description: "A person takes a network seat from the effective date (e.g. three fritidschefer join strategigrupp barn och unga).",
  data: strictObject("MemberJoined", { networkId: Id, seatId: Id, memberId: Id }, { gender: Gender, role: NonEmptyString }),
});

export const MemberLeft = defineEvent({
  type: "meetings.member-left",
  description: "A person leaves a network seat on the effective date (its last day).",
  data: strictObject("MemberLeft", { networkId: Id, seatId: Id, memberId: Id }, { reason: NonEmptyString }),
});

export const SeatVacant = defineEvent({
  type: "meetings.seat-vacant",
  description: "A network seat has nobody in it from the effective date until a member joins.",
  data: strictObject("SeatVacant", { networkId: Id, seatId: Id }, { note: NonEmptyString }),
});

export const MeetingHeld = defineEvent({
  type: "meetings.meeting-held",
  description:
    "A network met on the effective date, in a mode, with seat-by-seat presence. Seats of the network not listed count as absent; the side (kommun, region, other or a defined one) comes from the seat.",
  data: strictObject("MeetingHeld", { meetingId: Id, networkId: Id, mode: MeetingMode, presence: listOf(Presence) }, { title: NonEmptyString }),
});

export const SeatTally = strictObject("SeatTally", { expected: NonNegativeInteger, present: NonNegativeInteger });
export type SeatTally = t.TypeOf<typeof SeatTally>;

export const AttendanceSummaryRecorded = defineEvent({
  type: "meetings.attendance-summary-recorded",
  description:
    "A register's totals for one network over a period (from..to, inside which the effective date falls): meetings held, expected and present seats per side (built in or defined by `meetings.seat-side-defined`), and, when kept, meetings per mode, present per gender and per municipality.",
  data: strictObject(
    "AttendanceSummaryRecorded",
    { networkId: Id, from: IsoDateC, to: IsoDateC, meetings: PositiveInteger, bySide: recordOf(SeatTally) },
    { byMode: recordOf(NonNegativeInteger), presentByGender: recordOf(NonNegativeInteger), byMunicipality: recordOf(SeatTally), note: NonEmptyString },
  ),
});

const groupRequired = { groupId: Id, name: NonEmptyString, networkIds: listOf(Id, 1) };
const NetworkGroupDefinedV1 = strictObject("NetworkGroupDefinedV1", groupRequired, { targetShare: NonNegativeDecimal });

/** Version 2 adds `shortName`; version 1 lines have none and are lifted unchanged. */
export const NetworkGroupDefined = defineEvent({
  type: "meetings.network-group-defined",
  description:
    "A named set of networks followed together (\"samtliga chefsnätverk/styrgrupper\"), optionally with the attendance target its networks are counted against. Version 2 adds an optional `shortName` (not blank, at most 80 characters): how a slide's row names the group; without it the row is `name`.",
  data: strictObject("NetworkGroupDefined", groupRequired, { targetShare: NonNegativeDecimal, shortName: ShortName }),
  older: [{ version: 1, data: NetworkGroupDefinedV1, upcast: unchanged }],
});

export const meetingsEvents = [SeatSideDefined, MemberJoined, MemberLeft, SeatVacant, MeetingHeld, AttendanceSummaryRecorded, NetworkGroupDefined] as const;
