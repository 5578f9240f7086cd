import type { DomainEvent } from "../events/envelope.js";
import type { Period } from "../time/period.js";

/** What a projection is asked: which period, and as known at which cut-off (for labels only). */
export interface ProjectionContext {
  readonly period: Period;
  /** The known-at text the caller gave ("2020-10-15"), or undefined for "as known now". */
  readonly knownAt?: string;
}

/**
 * A pure fold: `init`, then `evolve(state, event)` for each event that counts, then `result`.
 * No I/O, no clock, no randomness. `evolve` may mutate the state it was handed (it owns it)
 * and must return it; it must not copy the whole state per event.
 *
 * Events arrive in log order with corrections already applied; the projection selects by
 * effective time itself (a flow keeps what falls in the period, a stock what falls before its end).
 */
export interface Projection<S, R> {
  readonly name: string;
  readonly description: string;
  readonly init: (context: ProjectionContext) => S;
  readonly evolve: (state: S, event: DomainEvent, context: ProjectionContext) => S;
  readonly result: (state: S, context: ProjectionContext) => R;
  /** State to JSON and back, for checkpoints. Defaults to a JSON round trip, which plain-object states satisfy. */
  readonly save?: (state: S) => unknown;
  readonly load?: (saved: unknown) => S;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any, unknown>;

export const defineProjection = <S, R>(projection: Projection<S, R>): Projection<S, R> => projection;

export const saveState = <S>(projection: Projection<S, unknown>, state: S): unknown =>
  projection.save === undefined ? JSON.parse(JSON.stringify(state)) : projection.save(state);

export const loadState = <S>(projection: Projection<S, unknown>, saved: unknown): S =>
  projection.load === undefined ? (JSON.parse(JSON.stringify(saved)) as S) : projection.load(saved);

/** Folds events already selected and decoded: the pure heart that every law is stated on. */
export const foldEvents = <S, R>(projection: Projection<S, R>, events: Iterable<DomainEvent>, context: ProjectionContext, start?: S): R => {
  let state = start ?? projection.init(context);
  for (const event of events) state = projection.evolve(state, event, context);
  return projection.result(state, context);
};
