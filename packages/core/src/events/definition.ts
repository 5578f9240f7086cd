import type * as t from "io-ts";
import { inclusionGap } from "./codec-inclusion.js";
import type { DomainEvent, EventDraft } from "./envelope.js";

/**
 * One version of one event type. Older versions carry `upcast`, which turns their data into
 * the next version's, returning new data and never changing its argument (the replay shares the
 * stored data); the stored bytes never change, decoding lifts them.
 */
export interface EventVersion<C extends t.Mixed = t.Mixed> {
  readonly version: number;
  readonly data: C;
  // Method syntax on purpose: a definition of a specific codec must be usable where any codec is expected.
  upcast?(data: t.TypeOf<C>): unknown;
}

/**
 * The upcast of an older version whose data is the next version's data as it stands (a field
 * the newer version made optional or wider, a closed set of words that became any defined id):
 * it returns its argument. Typed to fit any older version; instead of the compiler,
 * `defineEvent` and `createCatalog` prove that every value the older codec accepts the next one
 * accepts (`inclusionGap`), and refuse the definition where they cannot show it. Reads then
 * check such data once, against the version it was stored at, and not again after lifting.
 */
export const unchanged = (data: unknown): never => data as never;

/** What keeps a definition's `unchanged` upcasts from being proven, one sentence each. */
export const unchangedUpcastProblems = (definition: Pick<EventDefinition, "type" | "versions">): string[] =>
  definition.versions.flatMap((version, index) => {
    const next = definition.versions[index + 1];
    if (version.upcast !== unchanged || next === undefined) return [];
    const gap = inclusionGap(version.data, next.data);
    return gap === undefined ? [] : [`${definition.type} v${version.version}: its upcast is \`unchanged\`, but its data is not shown to be valid version ${next.version} data (${gap}); write an upcast that lifts it`];
  });

/**
 * Whether data stored at `versions[index]` is the latest version's data as it stands: every
 * upcast from there on is `unchanged`, so what that version's codec accepted the latest accepts.
 */
export const liftsUnchanged = (versions: readonly EventVersion[], index: number): boolean => {
  for (let each = index; each < versions.length - 1; each += 1) if (versions[each]?.upcast !== unchanged) return false;
  return true;
};

/**
 * An older version as `defineEvent` takes it: its upcast takes that version's data and must
 * return the next version's (the latest's, for the last older one), so a wrong upcast does not compile.
 */
export interface OlderVersion<C extends t.Mixed, Next extends t.Mixed> {
  readonly version: number;
  readonly data: C;
  readonly upcast: (data: t.TypeOf<C>) => t.TypeOf<Next>;
}

/** The codec each older version's upcast lifts into: the codecs shifted by one, the latest last. */
type NextCodecs<O extends readonly t.Mixed[], C extends t.Mixed> = O extends readonly [t.Mixed, ...infer Rest] ? [...Rest, C] : never;
type NextCodec<O extends readonly t.Mixed[], C extends t.Mixed, K> = NextCodecs<O, C>[K & keyof NextCodecs<O, C>] extends infer Next extends t.Mixed ? Next : C;

/** `older` as `defineEvent` takes it: one entry per codec in O, oldest first, each upcast typed to the next. */
export type OlderVersions<O extends readonly t.Mixed[], C extends t.Mixed> = { readonly [K in keyof O]: OlderVersion<O[K], NextCodec<O, C, K>> };

export interface EventDefinition<T extends string = string, C extends t.Mixed = t.Mixed> {
  readonly type: T;
  readonly description: string;
  /** The version new events are written at; its codec is the type the domain sees. */
  readonly latest: EventVersion<C>;
  /** Every version, oldest first; the last is `latest`. */
  readonly versions: readonly EventVersion[];
  readonly is: (event: DomainEvent) => event is DomainEvent<T, t.TypeOf<C>>;
}

export type EventOf<D> = D extends EventDefinition<infer T, infer C> ? DomainEvent<T, t.TypeOf<C>> : never;
export type DataOf<D> = D extends EventDefinition<string, infer C> ? t.TypeOf<C> : never;

/**
 * A value as a draft writes it: the codec's type without io-ts brands, so an `Id` or a
 * `DecimalString` is a plain string in code (append checks what it holds), while a closed list's
 * members, a number where text belongs or a missing field are still compile errors.
 */
export type DraftValue<T> = T extends t.Brand<unknown>
  ? T extends string
    ? string
    : T extends number
      ? number
      : T
  : T extends readonly (infer E)[]
    ? readonly DraftValue<E>[]
    : T extends object
      ? { readonly [K in keyof T]: DraftValue<T[K]> }
      : T;

/** The data a draft of this type carries, as code writes it (`DraftValue` of the latest version's data). */
export type DraftDataOf<D> = D extends EventDefinition<string, infer C> ? DraftValue<t.TypeOf<C>> : never;

/**
 * A draft of an event of this type, its data typed by the type's latest version, so a misspelt
 * field or a value of the wrong kind does not compile; `append` checks it again with everything
 * else (ids, dates, rules). The draft is written at the latest version.
 */
export const eventDraft = <D extends EventDefinition>(definition: D, draft: Omit<EventDraft, "type" | "data" | "schemaVersion"> & { readonly data: DraftDataOf<D> }): EventDraft => ({ ...draft, type: definition.type, data: draft.data });

const TYPE_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/**
 * Declares an event type: "domain.fact-in-past-tense", a description for the generated
 * reference, and its data codec. Pass `older` for previous versions with their upcasts.
 */
export const defineEvent = <T extends string, C extends t.Mixed, const O extends readonly t.Mixed[] = []>(spec: {
  readonly type: T;
  readonly description: string;
  readonly data: C;
  readonly older?: OlderVersions<O, C>;
}): EventDefinition<T, C> => {
  if (!TYPE_NAME.test(spec.type)) throw new Error(`event type "${spec.type}" must look like "domain.fact-happened"`);
  // Each entry's types were checked against its neighbour's above; from here on any version will do.
  const older: readonly EventVersion[] = (spec.older ?? []) as readonly EventVersion[];
  older.forEach((version, index) => {
    if (version.version !== index + 1) throw new Error(`${spec.type}: older versions must be numbered 1, 2, … in order`);
    if (typeof version.upcast !== "function") throw new Error(`${spec.type} v${version.version}: an older version needs an upcast, a function from its data to the next version's (or \`unchanged\`), not ${version.upcast === undefined ? "none" : typeof version.upcast}`);
  });
  const latest: EventVersion<C> = { version: older.length + 1, data: spec.data };
  const versions = [...older, latest];
  const problems = unchangedUpcastProblems({ type: spec.type, versions });
  if (problems.length > 0) throw new Error(problems.join("; "));
  return {
    type: spec.type,
    description: spec.description,
    latest,
    versions,
    is: (event: DomainEvent): event is DomainEvent<T, t.TypeOf<C>> => event.type === spec.type,
  };
};
