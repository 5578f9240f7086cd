import type { Catalog } from "../events/catalog.js";
import type { StoredEvent } from "../events/envelope.js";
import { CorrectionIndex, readsEvent, type CorrectionView } from "../corrections/resolve.js";
import type { DomainFold, ProjectionContext } from "../projection/projection.js";
import { issue } from "../events/issues.js";
import { cutoffOf, decodeOrThrow, indexCorrections, ReplayError } from "../projection/replay.js";
import { readAfter, type EventBatch, type EventSource } from "../projection/source.js";
import { parseInstant, stockholmDateOf } from "../time/stockholm.js";
import { notPlainJson } from "../projection/plain-json.js";
import { resolveSharedPartsOf, shareEqualParts, unshare, type Location } from "./shared-parts.js";
import { SNAPSHOT_FORMAT, snapshotPlan, StaleSnapshotError, type ReplaySnapshot, type SnapshotStore } from "./snapshot.js";

/** What a replay does with snapshots. */
export interface ReplaySnapshots {
  readonly store: SnapshotStore;
  /** The code that folds, such as "tertial 0.1.0": another version's snapshots are never used. */
  readonly code: string;
  /** Resume from the nearest usable snapshot (the default), or fold from the beginning. */
  readonly resume?: boolean;
  /** Take a snapshot after every this many recorded events (where one can be taken) and at the end. */
  readonly every?: number;
  /**
   * Also take one after the last event recorded on each day (Europe/Stockholm): a report as
   * known at a date then starts from a snapshot with nothing left to read.
   */
  readonly daily?: boolean;
  /** Told why a snapshot could not be used; the replay then folds from the beginning. */
  readonly onStale?: (message: string) => void;
}

/** One fold being run for one period; its state is the runner's to mutate. */
export interface RunningFold {
  readonly fold: DomainFold<unknown>;
  readonly context: ProjectionContext;
  state: unknown;
}

export interface FoldOutcome {
  readonly events: number;
  readonly head: { readonly hash: string | null; readonly lines: number };
  /** The seq of the snapshot the fold resumed after. */
  readonly resumedAt?: number;
}

interface FoldOptions {
  readonly knownAt?: string;
  /** Read no event from this seq on: a later pass of one report stops where the first pass's head was, whatever was appended since. */
  readonly untilSeq?: number;
  readonly onProgress?: (eventsFolded: number) => void;
  readonly snapshots?: ReplaySnapshots;
}

const stale = (message: string): Error => new StaleSnapshotError(message);

const takenBack = (event: StoredEvent): string[] => [event.supersedes, event.retracts].filter((id): id is string => id !== undefined);

/**
 * Counts, folds and snapshots one pass: `index` says which events count; `open` holds the
 * events read so far that a correction not yet read takes back. A snapshot is only taken where
 * `open` is empty, so its states are the log as known at its anchor, whatever follows.
 */
class Pass {
  events: number;
  lines: number;
  hash: string | null;
  private readonly open = new Set<string>();
  private sinceSnapshot = 0;
  private previous: { stored: StoredEvent; position: () => string; day: string } | undefined;

  constructor(
    private readonly catalog: Catalog,
    private readonly running: ReadonlyMap<string, RunningFold>,
    private readonly index: CorrectionIndex,
    private readonly options: FoldOptions,
    private readonly plan: string | undefined,
    start: { events: number; lines: number; hash: string | null },
    resuming = false,
    private beforeFirstFold?: () => void,
  ) {
    this.seenAfterAnchor = resuming ? new Set() : undefined;
    this.events = start.events;
    this.lines = start.lines;
    this.hash = start.hash;
  }

  /** When resuming: the ids taken back after the anchor that have been read after it too. A correction of any other id is of an event the snapshot already folded. */
  private readonly seenAfterAnchor: Set<string> | undefined;

  /** Folds one event (counted or not) into the running folds. */
  fold(stored: StoredEvent): void {
    if (this.beforeFirstFold !== undefined) {
      this.beforeFirstFold();
      this.beforeFirstFold = undefined;
    }
    this.lines += 1;
    this.hash = stored.hash;
    if (this.seenAfterAnchor !== undefined) this.checkFitsSnapshot(stored);
    if (this.index.isRemoved(stored.id)) this.open.add(stored.id);
    for (const target of takenBack(stored)) this.open.delete(target);
    if (this.index.counts(stored)) {
      const event = decodeOrThrow(this.catalog, stored);
      for (const entry of this.running.values()) entry.state = entry.fold.evolve(entry.state, event, entry.context);
      this.events += 1;
      if (this.events % 1000 === 0) this.options.onProgress?.(this.events);
    }
    this.sinceSnapshot += 1;
  }

  /** Whether `every` events have passed since the last snapshot. */
  get snapshotDue(): boolean {
    const every = this.options.snapshots?.every;
    return every !== undefined && this.sinceSnapshot >= every;
  }

  get takesDaily(): boolean {
    return this.options.snapshots?.daily === true;
  }

  /** With daily snapshots: the previous event when `stored` is the first of a new day, to snapshot after before folding it. */
  dayEndBefore(stored: StoredEvent, position: () => string): { stored: StoredEvent; position: () => string } | undefined {
    if (this.options.snapshots?.daily !== true) return undefined;
    const instant = parseInstant(stored.recordedAt);
    const day = instant === undefined ? "" : stockholmDateOf(instant);
    const previous = this.previous;
    this.previous = { stored, position, day };
    return previous !== undefined && previous.day !== day ? previous : undefined;
  }

  private checkFitsSnapshot(stored: StoredEvent): void {
    const seen = this.seenAfterAnchor as Set<string>;
    if (this.index.isRemoved(stored.id)) seen.add(stored.id);
    for (const target of takenBack(stored)) {
      if (!seen.has(target)) throw new StaleSnapshotError(`event ${stored.id} (seq ${stored.seq}) takes back ${target}, which the snapshot had already folded`);
    }
  }

  /** A snapshot after `stored`, if one can be taken here. */
  async snapshot(stored: StoredEvent, position: string): Promise<void> {
    const snapshots = this.options.snapshots;
    const taking = snapshots !== undefined && (snapshots.every !== undefined || snapshots.daily === true);
    if (!taking || this.plan === undefined || this.open.size > 0 || this.sinceSnapshot === 0) return;
    const states = shareEqualParts(Object.fromEntries([...this.running].map(([key, entry]) => [key, savedState(entry)])));
    const snapshot: ReplaySnapshot = { format: SNAPSHOT_FORMAT, plan: this.plan, anchor: { seq: stored.seq, hash: stored.hash, position }, recordedAt: stored.recordedAt, events: this.events, lines: this.lines, states };
    await snapshots.store.save(snapshot);
    this.sinceSnapshot = 0;
  }
}

/** Where a fold's state (or what its `save` returned) is not plain JSON: "is a Set at state", "has a Map at state.byId". */
const notKeptBy = (saved: unknown): { readonly path: string; readonly where: string } | undefined => {
  const problem = notPlainJson(saved);
  return problem === undefined ? undefined : { path: problem.path, where: `${problem.path === "state" ? "is" : "has"} ${problem.found} at ${problem.path}` };
};

/**
 * A fold's state as a snapshot keeps it: as its own `save` writes it, or as it is when it is plain
 * JSON. Anything else is refused, as `checkpoint` refuses it, naming the fold and the place: kept
 * as it is, a Set would be written as {} and a report from the snapshot would differ from a replay.
 */
const savedState = (entry: RunningFold): unknown => {
  const { fold } = entry;
  const state = runningStateOf(entry);
  const saved = fold.save === undefined ? state : fold.save(state);
  const problem = notKeptBy(saved);
  if (problem === undefined) return saved;
  const text =
    fold.save === undefined
      ? `state of ${fold.name} ${problem.where}, which JSON does not keep: declare save and load`
      : `save of ${fold.name} returned a state that ${problem.where}, which JSON does not keep: save must return plain JSON (objects, lists, text, finite numbers, true, false, null)`;
  throw new ReplayError(`snapshot: ${text}`, [issue("invalid-field", problem.path, text)]);
};

/** A state back from a snapshot: through the fold's own `load` (from a copy: parts equal across folds are shared in a snapshot), or as it is. */
const loadedState = (entry: RunningFold, saved: unknown): unknown => (entry.fold.load === undefined ? saved : entry.fold.load(structuredClone(saved)));

const foldFrom = async (source: EventSource, pass: Pass, anchor: ReplaySnapshot["anchor"] | undefined, within: (stored: StoredEvent) => boolean): Promise<void> => {
  let lastBatch: EventBatch | undefined;
  let lastIndex = -1;
  reading: for await (const batch of readAfter(source, anchor, stale)) {
    const { events } = batch;
    for (let index = 0; index < events.length; index += 1) {
      const stored = events[index] as StoredEvent;
      if (!within(stored)) break reading;
      const dayEnd = pass.takesDaily ? pass.dayEndBefore(stored, () => batch.positionAt(index)) : undefined;
      if (dayEnd !== undefined) await pass.snapshot(dayEnd.stored, dayEnd.position());
      pass.fold(stored);
      if (pass.snapshotDue) await pass.snapshot(stored, batch.positionAt(index));
      lastBatch = batch;
      lastIndex = index;
    }
  }
  const last = lastBatch?.events[lastIndex];
  if (lastBatch !== undefined && last !== undefined) await pass.snapshot(last, lastBatch.positionAt(lastIndex));
};

/**
 * The corrections among the events after a snapshot, as known at the cut-off, through the
 * store's cheap scan where it has one (the fold's own read checks every line afterwards).
 */
const tailCorrections = async (source: EventSource, snapshot: ReplaySnapshot, cutoff: number | undefined, reads: (event: CorrectionView) => boolean): Promise<CorrectionIndex> => {
  const index = new CorrectionIndex();
  const events = source.scanCorrections?.(cutoff !== undefined, snapshot.anchor) ?? (async function* () {
    for await (const batch of readAfter(source, snapshot.anchor, stale)) yield* batch.events;
  })();
  for await (const event of events) {
    if (!reads(event)) break;
    index.learn(event, cutoff);
  }
  return index;
};

/**
 * A fold's state not yet read from its snapshot: read when first wanted (`runningStateOf`). A report as
 * known at a date folds nothing after its snapshot and makes the results of about half its plan's
 * folds (the metrics' other periods only where a metric asks), so the other states are never read.
 */
class DeferredState {
  constructor(readonly load: () => unknown) {}
}

/** A running fold's state, read from its snapshot first if it was not yet. */
export const runningStateOf = (entry: RunningFold): unknown => {
  if (entry.state instanceof DeferredState) entry.state = entry.state.load();
  return entry.state;
};

const resumeFrom = async (source: EventSource, catalog: Catalog, running: ReadonlyMap<string, RunningFold>, snapshot: ReplaySnapshot, cutoff: number | undefined, options: FoldOptions, plan: string): Promise<FoldOutcome> => {
  // Snapshots refuse a state JSON would not keep, unless its fold saves it; one taken before that refusal would resume wrongly.
  for (const [key, entry] of running) {
    const problem = entry.fold.save === undefined ? notKeptBy(entry.fold.init(entry.context)) : undefined;
    if (problem !== undefined) throw new StaleSnapshotError(`${key} has no save and its state ${problem.where}, which JSON does not keep: its snapshot at seq ${snapshot.anchor.seq} cannot hold it`);
  }
  const reads = readsEvent(cutoff, options.untilSeq);
  const index = await tailCorrections(source, snapshot, cutoff, reads);
  const { states } = snapshot;
  const shared: Location[] = [];
  for (const [key, entry] of running) {
    if (!(key in states)) throw new StaleSnapshotError(`the snapshot at seq ${snapshot.anchor.seq} has no state for ${key}`);
    entry.state = new DeferredState(() => {
      if (!resolveSharedPartsOf(states, key, shared)) throw new StaleSnapshotError(`the snapshot at seq ${snapshot.anchor.seq} refers to a part it does not hold (in ${key})`);
      return loadedState(entry, states[key]);
    });
  }
  // Every state is read before the first event is folded (each fold takes every event), and shared parts only until then: then each fold gets its own.
  const beforeFirstFold = (): void => {
    for (const entry of running.values()) runningStateOf(entry);
    unshare(running, shared);
  };
  const pass = new Pass(catalog, running, index, options, plan, { events: snapshot.events, lines: snapshot.lines, hash: snapshot.anchor.hash }, true, beforeFirstFold);
  await foldFrom(source, pass, snapshot.anchor, reads);
  return { events: pass.events, head: { hash: pass.hash, lines: pass.lines }, resumedAt: snapshot.anchor.seq };
};

const restart = (running: ReadonlyMap<string, RunningFold>): void => {
  for (const entry of running.values()) entry.state = entry.fold.init(entry.context);
};

/** The running folds as a snapshot names them: each key, with its fold's revision after the first. */
const foldKeysOf = (running: ReadonlyMap<string, RunningFold>): string[] =>
  [...running].map(([key, entry]) => ((entry.fold.revision ?? 1) === 1 ? key : `${key}@revision-${entry.fold.revision ?? 1}`));

/**
 * Folds the running folds over the log as known at the cut-off, resuming from the nearest usable
 * snapshot when there is one and taking snapshots as asked. Either way the states come out as a
 * full replay leaves them (the snapshot law); a snapshot that does not fit is reported and skipped.
 */
export const foldWithSnapshots = async (source: EventSource, catalog: Catalog, running: ReadonlyMap<string, RunningFold>, options: FoldOptions): Promise<FoldOutcome> => {
  const cutoff = cutoffOf(options.knownAt);
  const snapshots = options.snapshots;
  const plan = snapshots === undefined ? undefined : snapshotPlan(catalog, foldKeysOf(running), snapshots.code);
  if (snapshots !== undefined && plan !== undefined && snapshots.resume !== false) {
    const found = await snapshots.store.nearest(plan, cutoff);
    // A snapshot past the seq this pass stops at (taken after an append since its first pass) holds too much: fold from the start.
    const snapshot = found !== undefined && (options.untilSeq === undefined || found.anchor.seq < options.untilSeq) ? found : undefined;
    if (snapshot !== undefined) {
      try {
        return await resumeFrom(source, catalog, running, snapshot, cutoff, options, plan);
      } catch (error) {
        if (!(error instanceof StaleSnapshotError)) throw error;
        snapshots.onStale?.(error.message);
        restart(running);
      }
    }
  }
  const reads = readsEvent(cutoff, options.untilSeq);
  const pass = new Pass(catalog, running, await indexCorrections(source, cutoff, reads), options, plan, { events: 0, lines: 0, hash: null });
  await foldFrom(source, pass, undefined, reads);
  return { events: pass.events, head: { hash: pass.hash, lines: pass.lines } };
};
