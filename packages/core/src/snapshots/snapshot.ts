import type { Catalog } from "../events/catalog.js";
import type { SourceAnchor } from "../projection/source.js";
import { sha256Hex } from "../log/chain.js";

/** Bumped whenever what a snapshot holds, or how folds read it back, changes: older snapshots are then never used. */
export const SNAPSHOT_FORMAT = 3;

/**
 * The fold states of one replay plan after a prefix of the log, as known when that prefix
 * ended: no event after the anchor took back one before it. Resuming from it and folding the
 * rest gives what a full replay gives (the snapshot law), so a report as known at any date
 * reads only the events after the nearest snapshot.
 */
export interface ReplaySnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  /** Which folds, periods, catalog and code the states belong to (see `snapshotPlan`). */
  readonly plan: string;
  /** The last event folded, and where the store resumes after it. */
  readonly anchor: SourceAnchor;
  /** That event's recorded time: the snapshot serves any cut-off at or after it. */
  readonly recordedAt: string;
  /** Events folded (those that count) and events recorded, up to the anchor. */
  readonly events: number;
  readonly lines: number;
  /** Each running fold's state, by "<fold>@<period>", as plain JSON; a top-level part equal to an earlier fold's is `{"$sameAs": [fold, part]}` (see shared-parts.ts). */
  readonly states: Readonly<Record<string, unknown>>;
}

/** Where snapshots are kept: beside a log file, in memory, or anywhere else a caller provides. */
export interface SnapshotStore {
  /** The snapshot of `plan` with the highest seq whose anchor was recorded by the cut-off (any, for "now"): a copy the replay may mutate. */
  readonly nearest: (plan: string, cutoffMs: number | undefined) => Promise<ReplaySnapshot | undefined>;
  /** Keeps a copy: the states go on changing once this returns. */
  readonly save: (snapshot: ReplaySnapshot) => Promise<void>;
}

/**
 * The plan fingerprint: a snapshot is only used by a replay that folds the same folds for the
 * same periods, with the same catalog (event types, versions) and the same code (`code`, such
 * as "tertial 0.1.0"; a new release never trusts an older one's states).
 */
export const snapshotPlan = (catalog: Catalog, foldKeys: readonly string[], code: string): string => {
  const types = catalog.definitions.map((definition) => `${definition.type}:${definition.versions.map((version) => version.version).join(",")}`);
  const text = JSON.stringify([SNAPSHOT_FORMAT, code, [...foldKeys].sort(), types]);
  return sha256Hex(text).slice(0, 32);
};

const recordedMs = (snapshot: ReplaySnapshot): number => Date.parse(snapshot.recordedAt);

/** The usable snapshot with the highest seq among `candidates`. */
export const nearestOf = (candidates: Iterable<ReplaySnapshot>, plan: string, cutoffMs: number | undefined): ReplaySnapshot | undefined => {
  let best: ReplaySnapshot | undefined;
  for (const snapshot of candidates) {
    if (snapshot.plan !== plan || (cutoffMs !== undefined && recordedMs(snapshot) > cutoffMs)) continue;
    if (best === undefined || snapshot.anchor.seq > best.anchor.seq) best = snapshot;
  }
  return best;
};

/** Snapshots held in memory: for tests, and for a process that reports many times from one log. */
export const memorySnapshots = (): SnapshotStore & { readonly all: () => readonly ReplaySnapshot[] } => {
  const kept: ReplaySnapshot[] = [];
  return {
    nearest: async (plan, cutoffMs) => {
      const found = nearestOf(kept, plan, cutoffMs);
      return found === undefined ? undefined : (JSON.parse(JSON.stringify(found)) as ReplaySnapshot);
    },
    save: async (snapshot) => {
      kept.push(JSON.parse(JSON.stringify(snapshot)) as ReplaySnapshot);
    },
    all: () => kept,
  };
};

/** A snapshot that does not fit the log it is used with (another log, a changed line, a later correction): the replay starts from the beginning instead. */
export class StaleSnapshotError extends Error {}
