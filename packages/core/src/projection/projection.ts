import type { DomainEvent } from "../events/envelope.js";
import type { Period } from "../time/period.js";

/** What a projection is asked: which period, and as known at which cut-off (for labels only). */
export interface ProjectionContext {
  readonly period: Period;
  /**
   * The known-at text the caller gave ("2020-10-15"), or undefined for "as known now". The
   * runner has already cut the log there: a result must not depend on it (`knownAtPrefixLaw`).
   */
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
  /**
   * State to JSON and back, for checkpoints and snapshots. Defaults to a JSON round trip, which
   * plain-object states satisfy; a state holding a Map, a Set or a class needs both.
   */
  readonly save?: (state: S) => unknown;
  readonly load?: (saved: unknown) => S;
  /**
   * The domain fold this projection is a view of, when several views share one state (the
   * finance ledger behind every money table). Runtimes fold it once per period and ask each
   * view for its result; a view's `result` must therefore not change the state.
   */
  readonly fold?: DomainFold<S>;
  /**
   * Bump it when `init` or `evolve` change what the state holds or means: a snapshot or checkpoint
   * saved by code of another revision is then never resumed from (default 1). For a view of a
   * domain fold (`fold`), the fold's revision counts, not this one. A new release of Tertial never
   * trusts an earlier one's snapshots anyway; this keeps builds between releases honest.
   */
  readonly revision?: number;
  /** Other folds this projection's result reads, for runtimes that fold them anyway (see `SharedReads`). */
  readonly shared?: SharedReads<R>;
}

/** One fold's state for one period, as a projection reads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FoldStateOf = (fold: DomainFold<any>, period: Period) => unknown;

/**
 * How a projection that folds other folds inside its own state (the metrics, which read the
 * finance ledger and others for several periods) is computed by a runtime that folds those
 * anyway: its own smaller fold, the (fold, period) pairs it reads, and its result from them.
 * Its `evolve` stays the whole, for a replay of it alone and its checkpoints; both ways give the
 * same result.
 */
export interface SharedReads<R> {
  readonly own: DomainFold<unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly reads: (period: Period) => readonly { readonly fold: DomainFold<any>; readonly period: Period }[];
  /** `resultFor`, where the runtime gives it, is to be used instead of making another projection's result again. */
  readonly result: (own: unknown, stateOf: FoldStateOf, context: ProjectionContext, resultFor?: ResultFor) => R;
}

/**
 * Another projection's result for a period, from the folds a runtime holds, made once for all
 * who read it in one run (a report's tables, its metrics, its plan columns); undefined when its
 * fold was not folded for that period. Results do not depend on the cut-off's text, so one made
 * for a table serves a metric too.
 */
export type ResultFor = <R>(projection: ProjectionOf<R>, period: Period) => R | undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProjection = Projection<any, unknown>;

/** A projection whose result has type R, whatever its state: how figures and reports name the projection they read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ProjectionOf<R> = Projection<any, R>;

/** The result type of a projection object. */
export type ResultOf<P> = P extends ProjectionOf<infer R> ? R : never;

export const defineProjection = <S, R>(projection: Projection<S, R>): Projection<S, R> => projection;

/** One domain's state and how events change it; views derive their results from it. */
export interface DomainFold<S> {
  readonly name: string;
  readonly init: (context: ProjectionContext) => S;
  readonly evolve: (state: S, event: DomainEvent, context: ProjectionContext) => S;
  /** State to JSON and back, for checkpoints and snapshots; absent, the state must be plain JSON itself. */
  readonly save?: (state: S) => unknown;
  readonly load?: (saved: unknown) => S;
  /**
   * Bump it when `init` or `evolve` change what the state holds or means: a snapshot saved by
   * code of another revision is then never resumed from (default 1). A new release of Tertial
   * never trusts an earlier one's snapshots anyway; this keeps builds between releases honest.
   */
  readonly revision?: number;
}

export const defineFold = <S>(fold: DomainFold<S>): DomainFold<S> => fold;

export interface ViewSpec<S, R> {
  readonly name: string;
  readonly description: string;
  readonly result: (state: S, context: ProjectionContext) => R;
}

/**
 * A projection that reads a domain fold's state: folded once however many views a run asks for.
 * It keeps its state as the fold does: the fold's `save` and `load`, where it declares them, are
 * the view's, so a checkpoint of the view keeps the state as a snapshot of the fold does.
 */
export const defineView = <S, R>(fold: DomainFold<S>, view: ViewSpec<S, R>): Projection<S, R> => ({
  ...view,
  init: fold.init,
  evolve: fold.evolve,
  ...(fold.save === undefined ? {} : { save: fold.save }),
  ...(fold.load === undefined ? {} : { load: fold.load }),
  fold,
});

/** What a runtime actually folds for a projection: its shared domain fold, or the projection itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const foldIdentity = (projection: AnyProjection): DomainFold<any> => projection.fold ?? projection;

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

/** A fold's state after the events, without asking for a result: what views of one fold share. */
export const foldState = <S>(fold: DomainFold<S>, events: Iterable<DomainEvent>, context: ProjectionContext): S => {
  let state = fold.init(context);
  for (const event of events) state = fold.evolve(state, event, context);
  return state;
};
