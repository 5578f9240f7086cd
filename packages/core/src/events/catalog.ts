import * as t from "io-ts";
import type { EventDefinition } from "./definition.js";
import { issuesFromErrors } from "./decode-errors.js";
import type { DomainEvent, StoredEvent } from "./envelope.js";
import { issue, type Issue } from "./issues.js";
import type { ConsistencyRule } from "./consistency.js";
import type { AnyProjection } from "../projection/projection.js";
import type { FigureSource } from "../reconciliation/figure-source.js";

/**
 * A domain module: one concern of the organisation (staff, finance, meetings…) with the event
 * types it owns, the rules a new event must satisfy against what is already recorded, and the
 * projections it offers. The catalog is assembled from these.
 */
export interface DomainModule {
  readonly name: string;
  readonly events: readonly EventDefinition[];
  readonly rules?: readonly ConsistencyRule<unknown>[];
  readonly projections?: readonly AnyProjection[];
  /** Figures this module can compute, for reconciliation with published documents. */
  readonly figures?: readonly FigureSource[];
}

export interface Catalog {
  readonly modules: readonly DomainModule[];
  readonly definition: (type: string) => EventDefinition | undefined;
  readonly definitions: readonly EventDefinition[];
  readonly rules: readonly ConsistencyRule<unknown>[];
  readonly projection: (name: string) => AnyProjection | undefined;
  readonly projections: readonly AnyProjection[];
  readonly figure: (key: string) => FigureSource | undefined;
  readonly figures: readonly FigureSource[];
  /** A new catalog with one more module (for users' own event types). */
  readonly with: (module: DomainModule) => Catalog;
}

export const createCatalog = (modules: readonly DomainModule[]): Catalog => {
  const byType = new Map<string, EventDefinition>();
  const byProjection = new Map<string, AnyProjection>();
  const byFigure = new Map<string, FigureSource>();
  for (const module of modules) {
    for (const definition of module.events) {
      if (byType.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice (module ${module.name})`);
      byType.set(definition.type, definition);
    }
    for (const projection of module.projections ?? []) {
      if (byProjection.has(projection.name)) throw new Error(`projection ${projection.name} is defined twice (module ${module.name})`);
      byProjection.set(projection.name, projection);
    }
    for (const figure of module.figures ?? []) {
      if (byFigure.has(figure.key)) throw new Error(`figure ${figure.key} is defined twice (module ${module.name})`);
      byFigure.set(figure.key, figure);
    }
  }
  const catalog: Catalog = {
    modules,
    definition: (type) => byType.get(type),
    definitions: [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : 1)),
    rules: modules.flatMap((module) => module.rules ?? []),
    projection: (name) => byProjection.get(name),
    projections: [...byProjection.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    figure: (key) => byFigure.get(key),
    figures: [...byFigure.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
    with: (module) => createCatalog([...modules, module]),
  };
  return catalog;
};

export type Decoded = { readonly ok: true; readonly event: DomainEvent } | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Validates an event's data against its type and version, then lifts it through every upcast
 * to the latest version. The envelope itself has already been checked.
 */
export const decodeData = (catalog: Catalog, stored: Pick<StoredEvent, "type" | "schemaVersion" | "data"> & Omit<StoredEvent, "type" | "schemaVersion" | "data">): Decoded => {
  const definition = catalog.definition(stored.type);
  if (definition === undefined) {
    return { ok: false, issues: [issue("unknown-type", "type", `unknown event type "${stored.type}"`, { expected: "a registered event type (see `tertial schema --list`)" })] };
  }
  const index = definition.versions.findIndex((version) => version.version === stored.schemaVersion);
  const found = definition.versions[index];
  if (found === undefined) {
    return {
      ok: false,
      issues: [issue("unknown-version", "schemaVersion", `${stored.type} has no version ${stored.schemaVersion}`, { expected: `1…${definition.latest.version}` })],
    };
  }
  let data: unknown;
  // `is` accepts exactly what decoding accepts (a test holds every codec to it) and allocates nothing: the common, valid case.
  if (found.data.is(stored.data)) data = stored.data;
  else {
    const decoded = found.data.decode(stored.data);
    if (decoded._tag === "Left") return { ok: false, issues: issuesFromErrors(decoded.left, "data") };
    data = decoded.right;
  }
  for (const version of definition.versions.slice(index)) {
    if (version.upcast !== undefined) data = version.upcast(data);
  }
  return { ok: true, event: { ...stored, data } };
};

/** Decodes data with a given codec and collects issues under a path prefix (for drafts and reports). */
export const decodeWith = <C extends t.Mixed>(codec: C, value: unknown, prefix = ""): { ok: true; value: t.TypeOf<C> } | { ok: false; issues: Issue[] } => {
  const result = codec.decode(value);
  return result._tag === "Right" ? { ok: true, value: result.right } : { ok: false, issues: issuesFromErrors(result.left, prefix) };
};
