import type { StoredEvent } from "../events/envelope.js";
import { deepFreeze } from "../events/frozen.js";
import type { CorrectionView } from "../corrections/resolve.js";

/** Where a read can resume: after event `seq`, whose hash is `hash`, at a store's own position (a byte offset in a file). */
export interface SourceAnchor {
  readonly seq: number;
  readonly hash: string;
  readonly position: string;
}

/** Stored events in log order, and the position a read resumes from after each (formatted only when asked: a snapshot needs one, a replay none). */
export interface EventBatch {
  readonly events: readonly StoredEvent[];
  readonly positionAt: (index: number) => string;
}

/** Anything that can stream the log in order: every store is one. */
export interface EventSource {
  /** Events in log order, from `fromSeq` (inclusive) on. */
  readonly read: (options?: { readonly fromSeq?: number }) => AsyncIterable<StoredEvent>;
  /**
   * Optional, for the corrections pass: in log order, at least every event that supersedes or
   * retracts another (and, when `withTimes`, every event, for its recorded time), read without
   * checking hashes or envelopes. Only for a first pass whose every line a verified read reads
   * again before anything is shown; it stops quietly at a line it cannot read, which that read reports.
   * With `after`, only the events after that anchor (a snapshot's), when the store can start there.
   */
  readonly scanCorrections?: (withTimes: boolean, after?: SourceAnchor) => AsyncIterable<CorrectionView>;
  /**
   * Optional, for an append that must learn the rules' facts again: the events of these types in
   * log order, each checked against its own hash but not against its neighbours, read without
   * parsing the others where the store can tell their type cheaply (a file's last bytes, a
   * table's type column). Like every append from a saved state, such a read does not verify the
   * log again (a row changed in a database, or a line of another type, goes unnoticed here);
   * `verify`, and every read for a report, does.
   */
  readonly readTypes?: (types: ReadonlySet<string>) => AsyncIterable<StoredEvent>;
  /**
   * Optional, for snapshots: the events after `anchor` (all, without one), each with its
   * position, checked as `read` checks them and chained to the anchor's hash; throws
   * `StaleSnapshotError` when the anchor is not where it says in this log. Without it, a
   * replay resumes through `read({ fromSeq })` (see `readAfter`).
   */
  readonly readAfter?: (anchor: SourceAnchor | undefined) => AsyncIterable<EventBatch>;
}

/**
 * The events after an anchor with their positions, through the source's own `readAfter`, or
 * else through `read` with the seq as position, checking that the anchor is still the event it names.
 */
export const readAfter = (source: EventSource, anchor: SourceAnchor | undefined, stale: (message: string) => Error): AsyncIterable<EventBatch> =>
  source.readAfter?.(anchor) ?? readAfterBySeq(source, anchor, stale);

const bySeq = (events: readonly StoredEvent[]): EventBatch => ({ events, positionAt: (index) => String(events[index]?.seq) });

async function* readAfterBySeq(source: EventSource, anchor: SourceAnchor | undefined, stale: (message: string) => Error): AsyncGenerator<EventBatch> {
  if (anchor === undefined) {
    for await (const event of source.read()) yield bySeq([event]);
    return;
  }
  let anchored = false;
  for await (const event of source.read({ fromSeq: anchor.seq })) {
    if (!anchored) {
      if (event.seq !== anchor.seq || event.hash !== anchor.hash) throw stale(`the log's event ${anchor.seq} is not the one the snapshot was taken after`);
      anchored = true;
      continue;
    }
    yield bySeq([event]);
  }
  if (!anchored) throw stale(`the log has no event ${anchor.seq}`);
}

/** A source over events held in memory; they are frozen (in place), so a reader that changes one throws instead of changing the log. */
export const fromArray = (events: readonly StoredEvent[]): EventSource => {
  for (const event of events) deepFreeze(event);
  return fromFrozen(events);
};

const fromFrozen = (events: readonly StoredEvent[]): EventSource => ({
  read: (options) => {
    const fromSeq = options?.fromSeq ?? 0;
    return (async function* () {
      for (const event of events) if (event.seq >= fromSeq) yield event;
    })();
  },
});
