import { randomUUID } from "node:crypto";
import type { Catalog } from "../events/catalog.js";
import { GENESIS_HASH, type EventDraft, type StoredEvent } from "../events/envelope.js";
import { deepFreeze } from "../events/frozen.js";
import { issue } from "../events/issues.js";
import { knownAtCutoff } from "../time/effective.js";
import { prepareAppend } from "./prepare-append.js";
import { appendArgumentIssues, preconditionIssues } from "./append-arguments.js";
import { checkStoreOptions } from "./store-options.js";
import { BatchContents } from "./batch-contents.js";
import type { AppendOptions, AppendOutcome, EventStore, LogHead } from "./store.js";

export interface StoreOptions {
  readonly catalog: Catalog;
  /** The clock, in epoch ms. Injected so that tests and imports can fix transaction time. */
  readonly clock?: () => number;
  readonly newId?: () => string;
}

/**
 * What the store keeps of an event: a copy of its own, frozen. A file store parses each read
 * afresh; kept objects handed to every reader must not be changed by one (a projection that
 * writes into an event would otherwise rewrite the log for the next), nor by the caller who
 * built the drafts and still holds their data.
 */
const kept = (event: StoredEvent): StoredEvent => deepFreeze(structuredClone(event));

/** A store in memory, for tests and for users' own pipelines. Same rules as the file store; its events are frozen. */
export const memoryStore = (options: StoreOptions, initial: readonly StoredEvent[] = []): EventStore & { readonly events: () => readonly StoredEvent[] } => {
  checkStoreOptions("memoryStore", options, ["catalog"]);
  const events: StoredEvent[] = initial.map(kept);
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const headOf = (): LogHead => {
    const last = events[events.length - 1];
    return last === undefined ? { seq: -1, hash: GENESIS_HASH } : { seq: last.seq, hash: last.hash, recordedAt: last.recordedAt };
  };
  const read = (readOptions?: { readonly fromSeq?: number }): AsyncIterable<StoredEvent> => {
    const snapshot = events.slice(Math.max(readOptions?.fromSeq ?? 0, 0));
    return (async function* () {
      yield* snapshot;
    })();
  };
  const readTypes = (types: ReadonlySet<string>): AsyncIterable<StoredEvent> => {
    const snapshot = events.filter((event) => types.has(event.type));
    return (async function* () {
      yield* snapshot;
    })();
  };
  let queue: Promise<unknown> = Promise.resolve();
  const append = (drafts: readonly EventDraft[], appendOptions?: AppendOptions): Promise<AppendOutcome> => {
    const run = async (): Promise<AppendOutcome> => {
      const wrong = appendArgumentIssues(drafts, appendOptions);
      if (wrong.length > 0) return { ok: false, issues: wrong };
      const head = headOf();
      if (appendOptions?.expectedSeq !== undefined && appendOptions.expectedSeq !== head.seq) {
        return { ok: false, issues: [issue("conflict", "", `the log moved on: expected last seq ${appendOptions.expectedSeq}, found ${head.seq}`)] };
      }
      const contents = new BatchContents(drafts, options.catalog);
      const refused = preconditionIssues(await appendOptions?.precondition?.({ read, readTypes, head, batchContents: () => contents.all() }));
      if (refused.length > 0) return { ok: false, issues: refused };
      const prepared = await prepareAppend({ read }, drafts, { catalog: options.catalog, now: clock(), newId, contents, ...(appendOptions?.places === undefined ? {} : { places: appendOptions.places }) });
      if (!prepared.ok) return prepared;
      const appended = prepared.events.map(kept);
      events.push(...appended);
      return { ok: true, appended, alreadyPresent: prepared.alreadyPresent, head: headOf() };
    };
    const result = queue.then(run, run);
    queue = result;
    return result;
  };
  return {
    read,
    readTypes,
    append,
    head: async () => headOf(),
    readKnownAt: (knownAt) => {
      const cutoff = knownAtCutoff(knownAt);
      if (cutoff === undefined) throw new RangeError(`known-at "${knownAt}" is neither a date nor an instant`);
      return (async function* () {
        for await (const event of read()) {
          if (Date.parse(event.recordedAt) > cutoff) return;
          yield event;
        }
      })();
    },
    events: () => events,
  };
};
