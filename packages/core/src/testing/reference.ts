import * as fc from "fast-check";
import type { EventDraft } from "../events/envelope.js";
import { arbIsoDate, type YearRange } from "./time.js";
import { defaultWorld, type DraftWorld } from "./world.js";

const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => ({ type, effectiveAt, data });

/**
 * The reference data every generated log starts with: the world's municipalities and its area
 * tree, in force from 2017. Staff drafts refer to these areas.
 */
export const referencePreamble = (world: DraftWorld = defaultWorld): EventDraft[] => [
  ...world.municipalities.map((id) => draft("reference.municipality-established", "2017-01-01", { municipalityId: id, name: `Kommun ${id}` })),
  ...world.areas.map((id, index) =>
    draft("reference.area-established", "2017-01-01", index < 2 ? { areaId: id, name: `Område ${id}`, kind: "group" } : { areaId: id, name: `Område ${id}`, parentId: world.areas[0] ?? id, kind: "sub-area" }),
  ),
];

const name = fc.constantFrom("Nätverk", "Styrgrupp", "FoUrum", "Miljösamverkan", "Äldre");

const seats = (world: DraftWorld) =>
  fc.subarray([...world.municipalities], { minLength: 0 }).map((ids) => [
    ...ids.map((id) => ({ seatId: `seat-${id}`, side: "kommun", municipalityId: id })),
    { seatId: "seat-region", side: "region", label: "Region Jönköpings län" },
  ]);

/** One reference draft: renames, closings, networks, funders; ids from the world. */
export const arbReferenceDraft = (world: DraftWorld = defaultWorld, range: YearRange = {}): fc.Arbitrary<EventDraft> => {
  const at = arbIsoDate(range);
  const area = fc.constantFrom(...world.areas);
  const network = fc.constantFrom(...world.networks);
  const newId = fc.constantFrom("ny-1", "ny-2");
  return fc.oneof(
    fc.tuple(at, fc.oneof(fc.constantFrom(...world.municipalities), newId), name).map(([date, municipalityId, text]) =>
      draft("reference.municipality-established", date, { municipalityId, name: `${text} kommun`, countyCode: "06" }),
    ),
    fc.tuple(at, newId, name, area).map(([date, areaId, text, parentId]) => draft("reference.area-established", date, { areaId, name: text, parentId, kind: "operation", shortName: text })),
    fc.tuple(at, area, name).map(([date, areaId, text]) => draft("reference.area-renamed", date, { areaId, name: `${text} ${areaId}` })),
    fc.tuple(at, area).map(([date, areaId]) => draft("reference.area-closed", date, { areaId })),
    fc.tuple(at, network, name, seats(world), fc.option(area, { nil: undefined })).map(([date, networkId, text, list, areaId]) =>
      draft("reference.network-established", date, { networkId, name: text, kind: "network", seats: list, ...(areaId === undefined ? {} : { areaId }) }),
    ),
    fc.tuple(at, network, name).map(([date, networkId, text]) => draft("reference.network-renamed", date, { networkId, name: `${text} ${networkId}` })),
    fc.tuple(at, network).map(([date, networkId]) => draft("reference.network-closed", date, { networkId })),
    fc.tuple(at, fc.constantFrom(...world.funders), fc.constantFrom("state", "foundation", "eu")).map(([date, funderId, kind]) => draft("reference.funder-established", date, { funderId, name: funderId, kind })),
  );
};
