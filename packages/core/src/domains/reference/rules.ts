import { defineRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { heldKeyIssues } from "../restated-keys.js";
import { AreaClosed, AreaEstablished, AreaRenamed, FunderEstablished, MunicipalityEstablished, NetworkClosed, NetworkEstablished, NetworkRenamed } from "./events.js";
import { KnownReferences, REFERENCE_FACTS } from "./known-references.js";

type Kind = "municipality" | "area" | "network" | "funder";

interface ReferenceKnowledge {
  readonly references: KnownReferences;
  /** The event establishing each id, by kind: a correction may restate its own target's id, never another's. */
  readonly establishedBy: Readonly<Record<Kind, Map<string, string>>>;
}

/** The id an event establishes, of which kind, and the field naming it; undefined for an event establishing none. */
const establishedId = (event: DomainEvent): { readonly kind: Kind; readonly id: string; readonly path: string } | undefined => {
  if (MunicipalityEstablished.is(event)) return { kind: "municipality", id: event.data.municipalityId, path: "data.municipalityId" };
  if (AreaEstablished.is(event)) return { kind: "area", id: event.data.areaId, path: "data.areaId" };
  if (NetworkEstablished.is(event)) return { kind: "network", id: event.data.networkId, path: "data.networkId" };
  if (FunderEstablished.is(event)) return { kind: "funder", id: event.data.funderId, path: "data.funderId" };
  return undefined;
};

/** An id established once: a new fact takes no established id, a correction only its target's (see `heldKeyIssues`). */
const duplicate = (known: ReferenceKnowledge, event: DomainEvent): Issue[] => {
  const established = establishedId(event);
  if (established === undefined) return [];
  const { kind, id, path } = established;
  return heldKeyIssues(known.establishedBy[kind].get(id), event, { noun: kind, held: "established", key: id, path }, () => [issue("conflict", path, `${kind} "${id}" is already established`, { actual: id })]);
};

/** Reference data must form a consistent registry: unique ids, known parents, known seats' municipalities. */
export const referenceIntegrity = defineRule<ReferenceKnowledge>({
  name: "reference-integrity",
  learnsFrom: REFERENCE_FACTS,
  // Revision 2: the state knows the event establishing each id.
  revision: 2,
  init: () => ({ references: new KnownReferences(), establishedBy: { municipality: new Map(), area: new Map(), network: new Map(), funder: new Map() } }),
  learn: (known, event) => {
    known.references.learn(event);
    const established = establishedId(event);
    if (established !== undefined) known.establishedBy[established.kind].set(established.id, event.id);
  },
  check: (state, event) => {
    const known = state.references;
    if (MunicipalityEstablished.is(event)) return duplicate(state, event);
    if (AreaEstablished.is(event)) {
      const found = duplicate(state, event);
      if (event.data.parentId !== undefined) found.push(...known.requireArea(event.data.parentId, "data.parentId"));
      if (event.data.parentId === event.data.areaId) found.push(issue("invalid-field", "data.parentId", "an area cannot be its own parent"));
      return found;
    }
    if (AreaRenamed.is(event) || AreaClosed.is(event)) return known.requireArea(event.data.areaId, "data.areaId");
    if (NetworkEstablished.is(event)) {
      const found = duplicate(state, event);
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
    if (FunderEstablished.is(event)) return duplicate(state, event);
    return [];
  },
});
