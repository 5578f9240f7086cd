import * as t from "io-ts";
import { Id, NonEmptyString, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";

export const MunicipalityEstablished = defineEvent({
  type: "reference.municipality-established",
  description: "A municipality takes part in the partnership from the effective date (in the example, the thirteen of Jönköping county).",
  data: strictObject("MunicipalityEstablished", { municipalityId: Id, name: NonEmptyString }, { countyCode: NonEmptyString }),
});

export const AreaKind = oneOf("AreaKind", ["group", "partnership", "sub-area", "operation", "management", "fund"]);
export type AreaKind = t.TypeOf<typeof AreaKind>;

export const AreaEstablished = defineEvent({
  type: "reference.area-established",
  description: "An organisational area (verksamhetsområde) exists from the effective date, optionally under a parent: the area tree.",
  data: strictObject("AreaEstablished", { areaId: Id, name: NonEmptyString }, { parentId: Id, kind: AreaKind, shortName: NonEmptyString }),
});

export const AreaRenamed = defineEvent({
  type: "reference.area-renamed",
  description: "An area takes a new name from the effective date; reports for earlier dates keep the old one.",
  data: strictObject("AreaRenamed", { areaId: Id, name: NonEmptyString }, { shortName: NonEmptyString }),
});

export const AreaClosed = defineEvent({
  type: "reference.area-closed",
  description: "An area ends on the effective date (its last day); its history stays in the log.",
  data: strictObject("AreaClosed", { areaId: Id }, { reason: NonEmptyString }),
});

export const SeatSide = oneOf("SeatSide", ["kommun", "region", "other"]);
export type SeatSide = t.TypeOf<typeof SeatSide>;

const SeatV1 = strictObject("Seat", { seatId: Id, side: SeatSide }, { municipalityId: Id, label: NonEmptyString });

/** A seat from version 2 on: its side is a built-in one or one the log defines (`meetings.seat-side-defined`); the meetings rule refuses any other. */
export const Seat = strictObject("Seat", { seatId: Id, side: Id }, { municipalityId: Id, label: NonEmptyString });
export type Seat = t.TypeOf<typeof Seat>;

export const NetworkKind = oneOf("NetworkKind", ["political", "management", "steering-group", "network", "working-group"]);

const NetworkEstablishedV1 = strictObject("NetworkEstablished", { networkId: Id, name: NonEmptyString, kind: NetworkKind, seats: listOf(SeatV1) }, { areaId: Id, shortName: NonEmptyString });
const NetworkEstablishedData = strictObject("NetworkEstablished", { networkId: Id, name: NonEmptyString, kind: NetworkKind, seats: listOf(Seat) }, { areaId: Id, shortName: NonEmptyString });

export const NetworkEstablished = defineEvent({
  type: "reference.network-established",
  description:
    "A network (chefsnätverk, styrgrupp, PKS…) exists from the effective date, with its seats: one per municipality and any region or other seats. Version 2 takes a seat side the log defines (`meetings.seat-side-defined`) as well as the built-in `kommun`, `region` and `other`.",
  data: NetworkEstablishedData,
  // A version 1 side is a built-in one (letters only, so an id), which version 2 still knows by the same id: the same object, so its fields keep their order.
  older: [{ version: 1, data: NetworkEstablishedV1, upcast: unchanged }],
});

export const NetworkRenamed = defineEvent({
  type: "reference.network-renamed",
  description: "A network takes a new name from the effective date.",
  data: strictObject("NetworkRenamed", { networkId: Id, name: NonEmptyString }, { shortName: NonEmptyString }),
});

export const NetworkClosed = defineEvent({
  type: "reference.network-closed",
  description: "A network ends on the effective date (its last day).",
  data: strictObject("NetworkClosed", { networkId: Id }, { reason: NonEmptyString }),
});

export const FunderKind = oneOf("FunderKind", ["state", "municipalities", "region", "research-council", "foundation", "eu", "other"]);

export const FunderEstablished = defineEvent({
  type: "reference.funder-established",
  description: "A funder that grants money or receives applications (Forte, Länsstyrelsen, SKR, staten…).",
  data: strictObject("FunderEstablished", { funderId: Id, name: NonEmptyString, kind: FunderKind }, { shortName: NonEmptyString }),
});

export const referenceEvents = [MunicipalityEstablished, AreaEstablished, AreaRenamed, AreaClosed, NetworkEstablished, NetworkRenamed, NetworkClosed, FunderEstablished] as const;
