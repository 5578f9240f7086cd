/**
 * Where a command's log lives: a JSONL file path, or a postgres:// / postgresql:// URL (with
 * `?log=name` to pick one of the database's logs). Every command that takes a log opens it here,
 * so each command works the same on either store.
 */
import { fileSnapshots, GENESIS_HASH, initLog, jsonlStore, type LogHead, type SnapshotStore, type JsonlStoreOptions, logExists, parseStoredLine, readLines, verifyLog, type Catalog, type EventStore, type Issue, type StoredEvent, type StoredUnit, type VerifyReport } from "@tertial/core";
import { LogExistsError, PostgresUnavailableError } from "@tertial/store-postgres/errors";
import { isPostgresUrl, LocationError, parsePostgresLocation } from "@tertial/store-postgres/location";
import type { PostgresStore } from "@tertial/store-postgres";
import { EXIT, type ExitCode } from "./command.js";

/** One stored event as its raw text with its place, or why it cannot be read. */
export interface StoredLine {
  readonly number: number;
  readonly text: string;
  /** False only for a file's last line cut off before its newline. */
  readonly terminated: boolean;
  readonly parsed: { ok: true; event: StoredEvent; intact: boolean } | { ok: false; issues: Issue[] };
}

export interface OpenedLog {
  /** The location as shown in messages (a URL's password left out). */
  readonly name: string;
  /** What the log keeps its events as, for messages: lines of a file, events of a table. */
  readonly unit: StoredUnit;
  readonly store: EventStore;
  readonly exists: () => Promise<boolean>;
  /** Creates the empty log; LogAlreadyExistsError when there is one. */
  readonly create: () => Promise<void>;
  readonly verify: (catalog: Catalog) => Promise<VerifyReport>;
  /** Every stored event's text, each parsed on its own, so a reader can list every bad one. */
  readonly lines: () => AsyncIterable<StoredLine>;
  /** Where this log's snapshots are kept: beside a file log, in a database log's own database. */
  readonly snapshots?: (onIgnored: (file: string, problem: string) => void) => SnapshotStore;
}

export class LogAlreadyExistsError extends Error {}

/** A database log that was never created: what ENOENT is for a file. */
export class MissingLogError extends Error {}

export interface OpenOptions {
  readonly catalog: Catalog;
  readonly clock?: () => number;
  /** A file log only: told what an interrupted append left, when the next append rolls it back. */
  readonly onRepair?: JsonlStoreOptions["onRepair"];
  /** A file log only: told, while waiting, how many writers are ahead. */
  readonly onLockWait?: JsonlStoreOptions["onLockWait"];
}

const openFile = (path: string, options: OpenOptions): OpenedLog => ({
  name: path,
  unit: "line",
  store: jsonlStore({
    path,
    catalog: options.catalog,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.onRepair === undefined ? {} : { onRepair: options.onRepair }),
    ...(options.onLockWait === undefined ? {} : { onLockWait: options.onLockWait }),
  }),
  exists: () => logExists(path),
  create: async () => {
    try {
      await initLog(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new LogAlreadyExistsError(`${path}: already exists; tertial init never overwrites a log`);
      throw error;
    }
  },
  verify: (catalog) => verifyLog(path, catalog),
  snapshots: (onIgnored) => fileSnapshots(path, { onIgnored }),
  lines: async function* () {
    // The head before each line, so a last line that only lost its newline is named as such.
    let before: LogHead = { seq: -1, hash: GENESIS_HASH };
    for await (const line of readLines(path)) {
      const parsed = parseStoredLine(path, line.text, line.number, line.terminated, before);
      if (parsed.ok) before = { seq: parsed.event.seq, hash: parsed.event.hash };
      yield { number: line.number, text: line.text, terminated: line.terminated, parsed };
    }
  },
});

// node-postgres and the database store load only when a command is given a database: a file log's command starts without them.
const databaseStore = (url: string, options: OpenOptions): (() => Promise<PostgresStore>) => {
  let store: Promise<PostgresStore> | undefined;
  return () =>
    (store ??= import("@tertial/store-postgres").then(({ postgresStore }) => postgresStore({ location: url, catalog: options.catalog, ...(options.clock === undefined ? {} : { clock: options.clock }) })));
};

/** The events of a database log's generator, once the store is loaded and the log is known to exist. */
const afterOpening = <T>(open: () => Promise<PostgresStore>, events: (store: PostgresStore) => AsyncIterable<T>): AsyncIterable<T> =>
  (async function* () {
    yield* events(await open());
  })();

/** A database log's snapshots, through the store once it is loaded. */
const lazySnapshots = (load: () => Promise<PostgresStore>, onIgnored: (file: string, problem: string) => void): SnapshotStore => {
  let snapshots: SnapshotStore | undefined;
  const opened = async (): Promise<SnapshotStore> => (snapshots ??= (await load()).snapshots(onIgnored));
  return {
    nearest: async (plan, cutoffMs) => (await opened()).nearest(plan, cutoffMs),
    save: async (snapshot) => (await opened()).save(snapshot),
  };
};

const openDatabase = (url: string, options: OpenOptions): OpenedLog => {
  // Parsed now, so a bad URL is a usage error before anything loads.
  const name = parsePostgresLocation(url).display;
  const load = databaseStore(url, options);
  // A file that is not there fails to open; a database log that is not there must fail as clearly, not read as empty.
  const existing = async (): Promise<PostgresStore> => {
    const store = await load();
    if (!(await store.exists())) throw new MissingLogError(`${name}: no such log (create it with tertial init)`);
    return store;
  };
  const checked: EventStore = {
    append: async (drafts, appendOptions) => (await load()).append(drafts, appendOptions),
    head: async () => (await existing()).head(),
    read: (readOptions) => afterOpening(existing, (store) => store.read(readOptions)),
    readKnownAt: (knownAt) => afterOpening(existing, (store) => store.readKnownAt(knownAt)),
    findContentRun: async (contents) => (await existing()).findContentRun?.(contents) ?? "unknown",
    readTypes: (types) => afterOpening(existing, (store) => store.readTypes(types)),
  };
  return {
    name,
    unit: "event",
    store: checked,
    snapshots: (onIgnored) => lazySnapshots(load, onIgnored),
    exists: async () => (await load()).exists(),
    create: async () => {
      try {
        await (await load()).create();
      } catch (error) {
        if (error instanceof LogExistsError) throw new LogAlreadyExistsError(error.message);
        throw error;
      }
    },
    verify: async (catalog) => (await existing()).verify(catalog),
    lines: () =>
      afterOpening(existing, async function* (store) {
        for await (const row of store.rows()) yield { number: row.seq + 1, text: row.body, terminated: true, parsed: parseStoredLine(name, row.body, row.seq + 1, true) };
      }),
  };
};

export const openStore = (location: string, options: OpenOptions): OpenedLog => (isPostgresUrl(location) ? openDatabase(location, options) : openFile(location, options));

export { isPostgresUrl };

/** The exit code and one-line message for a store that cannot be opened, or undefined for other errors. */
export const storeFailure = (error: unknown): { readonly code: ExitCode; readonly message: string } | undefined => {
  if (error instanceof LocationError) return { code: EXIT.usage, message: error.message };
  if (error instanceof PostgresUnavailableError || error instanceof LogAlreadyExistsError || error instanceof MissingLogError) return { code: EXIT.io, message: error.message };
  return undefined;
};
