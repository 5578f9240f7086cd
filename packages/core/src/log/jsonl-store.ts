import { randomUUID } from "node:crypto";
import { open, stat, writeFile } from "node:fs/promises";
import { GENESIS_HASH, StoredEventCodec, type EventDraft, type StoredEvent } from "../events/envelope.js";
import { decodeWith } from "../events/catalog.js";
import { formatIssue, issue, type Issue } from "../events/issues.js";
import { columnOf, valueColumns } from "../events/json-positions.js";
import { knownAtCutoff } from "../time/effective.js";
import { lineOf } from "./chain.js";
import { readLines } from "./lines.js";
import { withFileLock } from "./lock.js";
import { prepareAppend } from "./prepare-append.js";
import type { AppendOptions, AppendOutcome, EventStore, LogHead } from "./store.js";
import type { StoreOptions } from "./memory-store.js";

/** A log line that cannot be read as a stored event; carries the place and what is wrong. */
export class LogReadError extends Error {
  constructor(readonly issues: readonly Issue[]) {
    super(issues.map(formatIssue).join("\n"));
  }
}

/** Parses one stored line into an event, or the issues that say why not (with columns). */
export const parseStoredLine = (file: string, text: string, number: number, terminated: boolean): { ok: true; event: StoredEvent } | { ok: false; issues: Issue[] } => {
  const place = { file, line: number };
  if (!terminated) {
    return { ok: false, issues: [issue("torn-line", "", "the last line is cut off (no newline): an append was interrupted; nothing after the previous line was committed", { ...place, column: text.length + 1 })] };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    return { ok: false, issues: [issue("not-json", "", `is not JSON: ${(error as Error).message}`, { ...place, column: position === null ? 1 : Number(position[1]) + 1 })] };
  }
  const decoded = decodeWith(StoredEventCodec, raw);
  if (!decoded.ok) {
    const columns = valueColumns(text);
    return { ok: false, issues: decoded.issues.map((found) => ({ ...found, ...place, column: columnOf(columns, found.path) ?? 1 })) };
  }
  return { ok: true, event: decoded.value };
};

export interface JsonlStoreOptions extends StoreOptions {
  readonly path: string;
  readonly lockTimeoutMs?: number;
}

/**
 * The embedded default store: one canonical-JSON event per line, chained by SHA-256. Reads
 * stream; appends take a lock, validate the whole batch against the log, write it with one
 * write and fsync, and cut the file back if the write fails, so a batch lands whole or not at all.
 */
export const jsonlStore = (options: JsonlStoreOptions): EventStore & { readonly path: string } => {
  const { path } = options;
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? randomUUID;

  /**
   * Streams the log, checking the cheap half of the chain on the way: seq gap-free and each
   * prevHash the previous line's hash, so a dropped, moved or inserted line stops every read
   * (and so every append) at that line. Recomputing hashes is `verify`'s job.
   */
  async function* readFrom(fromSeq: number): AsyncGenerator<StoredEvent> {
    let expectedSeq = 0;
    let previousHash = GENESIS_HASH;
    for await (const line of readLines(path)) {
      const parsed = parseStoredLine(path, line.text, line.number, line.terminated);
      if (!parsed.ok) throw new LogReadError(parsed.issues);
      const place = { file: path, line: line.number };
      if (parsed.event.seq !== expectedSeq) {
        throw new LogReadError([issue("chain-broken", "seq", `expected seq ${expectedSeq}; run tertial verify`, { ...place, actual: String(parsed.event.seq) })]);
      }
      if (parsed.event.prevHash !== previousHash) {
        throw new LogReadError([issue("chain-broken", "prevHash", "does not match the previous line's hash; run tertial verify", place)]);
      }
      expectedSeq += 1;
      previousHash = parsed.event.hash;
      if (parsed.event.seq >= fromSeq) yield parsed.event;
    }
  }

  const head = async (): Promise<LogHead> => {
    let last: StoredEvent | undefined;
    for await (const event of readFrom(0)) last = event;
    return last === undefined ? { seq: -1, hash: GENESIS_HASH } : { seq: last.seq, hash: last.hash, recordedAt: last.recordedAt };
  };

  const read = (readOptions?: { readonly fromSeq?: number }): AsyncIterable<StoredEvent> => readFrom(readOptions?.fromSeq ?? 0);

  const writeBatch = async (events: readonly StoredEvent[]): Promise<void> => {
    const bytes = Buffer.from(events.map((event) => `${lineOf(event)}\n`).join(""), "utf8");
    const handle = await open(path, "a");
    const sizeBefore = (await handle.stat()).size;
    try {
      await handle.write(bytes, 0, bytes.length);
      await handle.sync();
    } catch (error) {
      await handle.truncate(sizeBefore).catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
    }
  };

  const append = async (drafts: readonly EventDraft[], appendOptions?: AppendOptions): Promise<AppendOutcome> =>
    withFileLock(
      `${path}.lock`,
      async () => {
        let current: LogHead;
        try {
          current = await head();
        } catch (error) {
          if (error instanceof LogReadError) return { ok: false, issues: error.issues };
          throw error;
        }
        if (appendOptions?.expectedSeq !== undefined && appendOptions.expectedSeq !== current.seq) {
          return { ok: false, issues: [issue("conflict", "", `the log moved on: expected last seq ${appendOptions.expectedSeq}, found ${current.seq}`, { file: path })] };
        }
        const prepared = await prepareAppend({ read }, drafts, { catalog: options.catalog, now: clock(), newId, ...(appendOptions?.places === undefined ? {} : { places: appendOptions.places }) });
        if (!prepared.ok) return prepared;
        if (prepared.events.length > 0) await writeBatch(prepared.events);
        const last = prepared.events[prepared.events.length - 1];
        return {
          ok: true,
          appended: prepared.events,
          alreadyPresent: prepared.alreadyPresent,
          head: last === undefined ? current : { seq: last.seq, hash: last.hash, recordedAt: last.recordedAt },
        };
      },
      options.lockTimeoutMs,
    );

  return {
    path,
    read,
    head,
    append,
    readKnownAt: (knownAt) => {
      const cutoff = knownAtCutoff(knownAt);
      if (cutoff === undefined) throw new RangeError(`known-at "${knownAt}" is neither a date nor an instant`);
      return (async function* () {
        for await (const event of readFrom(0)) {
          if (Date.parse(event.recordedAt) > cutoff) return;
          yield event;
        }
      })();
    },
  };
};

/** Creates an empty log; refuses to touch an existing file. */
export const initLog = async (path: string): Promise<void> => {
  await writeFile(path, "", { flag: "wx" });
};

export const logExists = async (path: string): Promise<boolean> => stat(path).then(() => true, () => false);
