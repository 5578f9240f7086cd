import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { AreaClosed, AreaEstablished, AreaRenamed, FunderEstablished, MunicipalityEstablished, NetworkClosed, NetworkEstablished, NetworkRenamed } from "./events.js";
import { KnownReferences, REFERENCE_FACTS } from "./known-references.js";

const duplicate = (kind: string, id: string, path: string): Issue[] => [issue("conflict", path, `${kind} "${id}" is already established`, { actual: id })];

/** Reference data must form a consistent registry: unique ids, known parents, known seats' municipalities. */
export const referenceIntegrity = defineRule<KnownReferences>({
  name: "reference-integrity",
  learnsFrom: REFERENCE_FACTS,
  init: () => new KnownReferences(),
  learn: (known, event) => known.learn(event),
  check: (known, event) => {
    const restated = event.supersedes !== undefined;
    if (MunicipalityEstablished.is(event)) {
      return known.municipalities.has(event.data.municipalityId) && !restated ? duplicate("municipality", event.data.municipalityId, "data.municipalityId") : [];
    }
    if (AreaEstablished.is(event)) {
      const found = known.areas.has(event.data.areaId) && !restated ? duplicate("area", event.data.areaId, "data.areaId") : [];
      if (event.data.parentId !== undefined) found.push(...known.requireArea(event.data.parentId, "data.parentId"));
      if (event.data.parentId === event.data.areaId) found.push(issue("invalid-field", "data.parentId", "an area cannot be its own parent"));
      return found;
    }
    if (AreaRenamed.is(event) || AreaClosed.is(event)) return known.requireArea(event.data.areaId, "data.areaId");
    if (NetworkEstablished.is(event)) {
      const found = known.networks.has(event.data.networkId) && !restated ? duplicate("network", event.data.networkId, "data.networkId") : [];
      if (event.data.areaId !== undefined) found.push(...known.requireArea(event.data.areaId, "data.areaId"));
      const seen = new Set<string>();
      event.data.seats.forEach((seat, index) => {
        if (seen.has(seat.seatId)) found.push(issue("conflict", `data.seats[${index}].seatId`, `seat "${seat.seatId}" appears twice`));
        seen.add(seat.seatId);
        if (seat.municipalityId !== undefined) found.push(...known.requireMunicipality(seat.municipalityId, `data.seats[${index}].municipalityId`));
        if (seat.side === "kommun" && seat.municipalityId === undefined) found.push(issue("invalid-field", `data.seats[${index}].municipalityId`, "a municipal seat must name its municipality", { expected: "a municipality id" }));
      });
      return found;
    }
    if (NetworkRenamed.is(event) || NetworkClosed.is(event)) return known.requireNetwork(event.data.networkId, "data.networkId");
    if (FunderEstablished.is(event)) return known.funders.has(event.data.funderId) && !restated ? duplicate("funder", event.data.funderId, "data.funderId") : [];
    return [];
  },
});
