import * as t from "io-ts";
import { liftsUnchanged, unchangedUpcastProblems, type EventDefinition, type EventVersion } from "./definition.js";
import { didYouMean } from "./suggest.js";
import { issuesFromErrors } from "./decode-errors.js";
import { moduleShapeProblems } from "./module-shape.js";
import { compileGuard } from "./guard.js";
import type { DomainEvent, StoredEvent } from "./envelope.js";
import { issue, type Issue } from "./issues.js";
import type { ConsistencyRule } from "./consistency.js";
import type { AnyProjection } from "../projection/projection.js";
import type { FigureLookup, FigureSource } from "../reconciliation/figure-source.js";

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

/** "finance.outcome": the owning domain, a dot, then the figure; as reports, stated figures and `{{…}}` name it. */
const FIGURE_KEY = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/;

/**
 * What a module must not get wrong, found when the catalog is made rather than by a report that
 * prints a blank: a second module of a name already in the catalog, a figure key that is not
 * "domain.figure", a description left empty, a figure over a projection no module registers.
 */
const moduleProblems = (module: DomainModule, names: ReadonlySet<string>): string[] => [
  ...(module.name.trim() === "" ? ["a module needs a name"] : names.has(module.name) ? [`module "${module.name}" is in the catalog already: give your module a name of its own`] : []),
  ...module.events.filter((definition) => definition.description.trim() === "").map((definition) => `event type ${definition.type} (module ${module.name}) has an empty description`),
  ...(module.figures ?? []).flatMap((figure) => [
    ...(FIGURE_KEY.test(figure.key) ? [] : [`figure "${figure.key}" (module ${module.name}) must be named like "domain.figure-name": lower case, a dot after the domain`]),
    ...(figure.description.trim() === "" ? [`figure ${figure.key} (module ${module.name}) has an empty description`] : []),
  ]),
];

/** A figure computed over a projection that no module offers could never be evaluated in a report. */
const unregisteredProjections = (modules: readonly DomainModule[], byProjection: ReadonlyMap<string, AnyProjection>): string[] =>
  modules.flatMap((module) =>
    (module.figures ?? [])
      .filter((figure) => byProjection.get(figure.projection.name) !== figure.projection)
      .map((figure) => `figure ${figure.key} (module ${module.name}) is computed over projection "${figure.projection.name}", which no module of the catalog registers: add it to the module's projections`),
  );

export const createCatalog = (modules: readonly DomainModule[]): Catalog => {
  const shape = moduleShapeProblems(modules);
  if (shape.length > 0) throw new TypeError(shape.join("; "));
  const byType = new Map<string, EventDefinition>();
  const byProjection = new Map<string, AnyProjection>();
  const byFigure = new Map<string, FigureSource>();
  const names = new Set<string>();
  for (const module of modules) {
    const problems = moduleProblems(module, names);
    if (problems.length > 0) throw new Error(problems.join("; "));
    names.add(module.name);
    for (const definition of module.events) {
      if (byType.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice (module ${module.name})`);
      // Proven again here for a definition not made by defineEvent: reads rely on it (see `unchanged`).
      const unproven = unchangedUpcastProblems(definition);
      if (unproven.length > 0) throw new Error(unproven.join("; "));
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
  const unregistered = unregisteredProjections(modules, byProjection);
  if (unregistered.length > 0) throw new Error(unregistered.join("; "));
  const figures: FigureLookup = { figure: (key) => byFigure.get(key), figures: [...byFigure.values()].sort((a, b) => (a.key < b.key ? -1 : 1)) };
  const catalog: Catalog = {
    modules,
    definition: (type) => byType.get(type),
    definitions: [...byType.values()].sort((a, b) => (a.type < b.type ? -1 : 1)),
    // A rule that names figures checks against this catalog's: a module's own figures count in a text as the built-in ones do.
    rules: modules.flatMap((module) => module.rules ?? []).map((rule) => rule.withFigures?.(figures) ?? rule),
    projection: (name) => byProjection.get(name),
    projections: [...byProjection.values()].sort((a, b) => (a.name < b.name ? -1 : 1)),
    ...figures,
    with: (module) => createCatalog([...modules, module]),
  };
  return catalog;
};

export type Decoded = { readonly ok: true; readonly event: DomainEvent } | { readonly ok: false; readonly issues: readonly Issue[] };

type Stored = Pick<StoredEvent, "type" | "schemaVersion" | "data"> & Omit<StoredEvent, "type" | "schemaVersion" | "data">;

/** The definition of an event's type and the index of its version there, or the issues that say why there is none. */
const versionOf = (catalog: Catalog, stored: Pick<StoredEvent, "type" | "schemaVersion">): { readonly definition: EventDefinition; readonly index: number } | { readonly issues: readonly Issue[] } => {
  const definition = catalog.definition(stored.type);
  if (definition === undefined) {
    const suggestion = didYouMean(stored.type, catalog.definitions.map((each) => each.type));
    return { issues: [issue("unknown-type", "type", `unknown event type "${stored.type}"${suggestion}`, { expected: "a type the catalog in use registers (`tertial schema --list` lists those of the command)" })] };
  }
  const index = definition.versions.findIndex((version) => version.version === stored.schemaVersion);
  if (index === -1) return { issues: [issue("unknown-version", "schemaVersion", `${stored.type} has no version ${stored.schemaVersion}`, { expected: `1…${definition.latest.version}` })] };
  return { definition, index };
};

/**
 * Whether data is valid for a codec: `is` accepts exactly what decoding accepts (a test holds every
 * codec to it) and allocates nothing, and its compiled form (`compileGuard`) accepts exactly what
 * `is` accepts without io-ts's dispatch; so only invalid data is decoded, to say what is wrong.
 */
const validData = (codec: t.Mixed, data: unknown): { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly issues: readonly Issue[] } => {
  if (compileGuard(codec)(data)) return { ok: true, data };
  const decoded = codec.decode(data);
  return decoded._tag === "Left" ? { ok: false, issues: issuesFromErrors(decoded.left, "data") } : { ok: true, data: decoded.right };
};

/** An issue with upcast data, said as the upcast's fault: the type, the stored version and the version it was lifted to. */
const upcastIssue = (stored: Pick<StoredEvent, "type" | "schemaVersion">, latest: number, found: Issue): Issue => ({
  ...found,
  message: `${found.message} once ${stored.type} was upcast from version ${stored.schemaVersion} to ${latest}: the stored line is valid, its upcast is wrong`,
});

/**
 * Older data through every upcast to the latest version, then checked against the latest codec:
 * upcasts are typed, but a cast or a plain-JS definition can still lift data the latest codec
 * refuses, and that is said here rather than found as a TypeError in some projection.
 */
const lift = (stored: Pick<StoredEvent, "type" | "schemaVersion">, definition: EventDefinition, index: number, data: unknown): ReturnType<typeof validData> => {
  // Data valid for its stored version that every later upcast leaves as it is was proven valid latest data when the catalog was made.
  if (liftsUnchanged(definition.versions, index)) return { ok: true, data };
  let lifted = data;
  for (const version of definition.versions.slice(index)) {
    if (version.upcast === undefined) continue;
    try {
      lifted = version.upcast(lifted);
    } catch (error) {
      // The definition's fault, said at the event that met it: a thrown upcast otherwise stops every read with no line.
      return { ok: false, issues: [issue("invalid-field", "data", `the upcast of ${stored.type} from version ${version.version} to ${version.version + 1} threw: ${(error as Error)?.message ?? String(error)}; the stored line is valid, its upcast is wrong`)] };
    }
  }
  const checked = validData(definition.latest.data, lifted);
  return checked.ok ? checked : { ok: false, issues: checked.issues.map((each) => upcastIssue(stored, definition.latest.version, each)) };
};

/**
 * What is wrong with an event's data for its type and version (undefined when nothing is): the
 * check of `decodeData` without the decoded event, for `verify`, which keeps none.
 */
export const dataIssues = (catalog: Catalog, stored: Pick<StoredEvent, "type" | "schemaVersion" | "data">): readonly Issue[] | undefined => {
  const found = versionOf(catalog, stored);
  if ("issues" in found) return found.issues;
  const valid = validData((found.definition.versions[found.index] as EventVersion).data, stored.data);
  if (!valid.ok) return valid.issues;
  if (found.index === found.definition.versions.length - 1) return undefined;
  const lifted = lift(stored, found.definition, found.index, valid.data);
  return lifted.ok ? undefined : lifted.issues;
};

/**
 * Validates an event's data against its type and version, then lifts it through every upcast
 * to the latest version. The envelope itself has already been checked; it keeps the stored
 * schemaVersion (see DomainEvent).
 */
export const decodeData = (catalog: Catalog, stored: Stored): Decoded => {
  const found = versionOf(catalog, stored);
  if ("issues" in found) return { ok: false, issues: found.issues };
  const valid = validData((found.definition.versions[found.index] as EventVersion).data, stored.data);
  if (!valid.ok) return valid;
  if (found.index === found.definition.versions.length - 1) return { ok: true, event: { ...stored, data: valid.data } };
  const lifted = lift(stored, found.definition, found.index, valid.data);
  return lifted.ok ? { ok: true, event: { ...stored, data: lifted.data } } : lifted;
};

/** Decodes data with a given codec and collects issues under a path prefix (for drafts and reports). */
export const decodeWith = <C extends t.Mixed>(codec: C, value: unknown, prefix = ""): { ok: true; value: t.TypeOf<C> } | { ok: false; issues: Issue[] } => {
  const result = codec.decode(value);
  return result._tag === "Right" ? { ok: true, value: result.right } : { ok: false, issues: issuesFromErrors(result.left, prefix) };
};
