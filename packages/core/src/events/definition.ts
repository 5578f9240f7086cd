import type * as t from "io-ts";
import type { DomainEvent } from "./envelope.js";

/**
 * One version of one event type. Older versions carry `upcast`, which turns their data into
 * the next version's; the stored bytes never change, decoding lifts them.
 */
export interface EventVersion<C extends t.Mixed = t.Mixed> {
  readonly version: number;
  readonly data: C;
  // Method syntax on purpose: a definition of a specific codec must be usable where any codec is expected.
  upcast?(data: t.TypeOf<C>): unknown;
}

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

const TYPE_NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

/**
 * Declares an event type: "domain.fact-in-past-tense", a description for the generated
 * reference, and its data codec. Pass `older` for previous versions with their upcasts.
 */
export const defineEvent = <T extends string, C extends t.Mixed>(spec: {
  readonly type: T;
  readonly description: string;
  readonly data: C;
  readonly older?: readonly EventVersion[];
}): EventDefinition<T, C> => {
  if (!TYPE_NAME.test(spec.type)) throw new Error(`event type "${spec.type}" must look like "domain.fact-happened"`);
  const older = spec.older ?? [];
  older.forEach((version, index) => {
    if (version.version !== index + 1) throw new Error(`${spec.type}: older versions must be numbered 1, 2, … in order`);
    if (version.upcast === undefined) throw new Error(`${spec.type} v${version.version}: an older version needs an upcast`);
  });
  const latest: EventVersion<C> = { version: older.length + 1, data: spec.data };
  return {
    type: spec.type,
    description: spec.description,
    latest,
    versions: [...older, latest],
    is: (event: DomainEvent): event is DomainEvent<T, t.TypeOf<C>> => event.type === spec.type,
  };
};
