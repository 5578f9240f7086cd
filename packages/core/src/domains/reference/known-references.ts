import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { AreaClosed, AreaEstablished, FunderEstablished, MunicipalityEstablished, NetworkClosed, NetworkEstablished } from "./events.js";
import type { Seat } from "./events.js";

/** The event types `KnownReferences.learn` keeps facts from: what a rule holding one learns from. */
export const REFERENCE_FACTS: readonly string[] = [MunicipalityEstablished, AreaEstablished, AreaClosed, NetworkEstablished, NetworkClosed, FunderEstablished].map((definition) => definition.type);

/**
 * What reference data the log has established so far: the shared knowledge every domain's
 * consistency rules need ("is this a known area?"). Rules keep one of these and call `learn`.
 */
export class KnownReferences {
  readonly municipalities = new Set<string>();
  readonly areas = new Map<string, { readonly closed: boolean }>();
  readonly networks = new Map<string, { readonly seats: readonly Seat[]; readonly closed: boolean }>();
  readonly funders = new Set<string>();

  learn(event: DomainEvent): void {
    if (MunicipalityEstablished.is(event)) this.municipalities.add(event.data.municipalityId);
    else if (AreaEstablished.is(event)) this.areas.set(event.data.areaId, { closed: false });
    else if (AreaClosed.is(event)) this.areas.set(event.data.areaId, { closed: true });
    else if (NetworkEstablished.is(event)) this.networks.set(event.data.networkId, { seats: event.data.seats, closed: false });
    else if (NetworkClosed.is(event)) {
      const network = this.networks.get(event.data.networkId);
      if (network !== undefined) this.networks.set(event.data.networkId, { ...network, closed: true });
    } else if (FunderEstablished.is(event)) this.funders.add(event.data.funderId);
  }

  requireArea(areaId: string, path: string): Issue[] {
    return this.areas.has(areaId) ? [] : [issue("unknown-reference", path, `unknown area "${areaId}"`, { expected: "an area established earlier in the log", actual: areaId })];
  }

  requireMunicipality(municipalityId: string, path: string): Issue[] {
    return this.municipalities.has(municipalityId)
      ? []
      : [issue("unknown-reference", path, `unknown municipality "${municipalityId}"`, { expected: "a municipality established earlier in the log", actual: municipalityId })];
  }

  requireNetwork(networkId: string, path: string): Issue[] {
    return this.networks.has(networkId) ? [] : [issue("unknown-reference", path, `unknown network "${networkId}"`, { expected: "a network established earlier in the log", actual: networkId })];
  }

  requireFunder(funderId: string, path: string): Issue[] {
    return this.funders.has(funderId) ? [] : [issue("unknown-reference", path, `unknown funder "${funderId}"`, { expected: "a funder established earlier in the log", actual: funderId })];
  }
}
