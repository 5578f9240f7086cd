import { randomUUID } from "node:crypto";
import type pgTypes from "pg";
import { pg } from "./pg-module.js";
import {
  AppendStateLearner,
  BatchContents,
  compileGuard,
  dataIssues,
  decodeWith,
  StoredEventCodec,
  hashOf,
  issue,
  knownAtCutoff,
  LogReadError,
  RecordsAtHand,
  ReplayError,
  appendArgumentIssues,
  checkStoreOptions,
  preconditionIssues,
  type AppendOptions,
  type AppendOutcome,
  type Catalog,
  type EventDraft,
  type EventStore,
  type Issue,
  type LogHead,
  type SnapshotStore,
  type StoredEvent,
  type StoreOptions,
  type VerifyReport,
} from "@tertial/core";
import { forgetAppendCore, saveAppendCore, type SavedCore } from "./append-state.js";
import { checkBatch } from "./checked-batch.js";
import { insertEvents } from "./insert.js";
import { findContentRun } from "./contents.js";
import { LogExistsError, PostgresUnavailableError } from "./errors.js";
import { parsePostgresLocation, type PostgresLocation } from "./location.js";
import { headOf, readEvents, readEventsOfTypes, readRows, type EventRow, type LogRef, type Queryable } from "./rows.js";
import { LOG_LOCK_SQL, migrate } from "./schema.js";
import { verifyRows } from "./verify.js";
import { postgresSnapshots } from "./snapshots.js";

export interface PostgresStoreOptions extends StoreOptions {
  /** A postgres:// URL (with `?log=name`), or one already parsed. */
  readonly location: string | PostgresLocation;
  /** Events fetched per round trip when reading. */
  readonly pageSize?: number;
  /** Connections this store may hold at once. */
  readonly maxConnections?: number;
}

export type ImportOutcome =
  | { readonly ok: true; readonly imported: number; readonly skipped: number; readonly head: LogHead }
  | { readonly ok: false; readonly issues: readonly Issue[] };

export interface PostgresStore extends EventStore {
  /** Snapshots in the database beside the log (`onIgnored` hears of a row that cannot be used). */
  readonly snapshots: (onIgnored?: (where: string, problem: string) => void) => SnapshotStore;
  readonly location: PostgresLocation;
  /** Whether the log has been created (by `create`, an append or an import). */
  readonly exists: () => Promise<boolean>;
  /** Creates the empty log; fails with LogExistsError if there is one of that name. */
  readonly create: () => Promise<void>;
  readonly verify: (catalog?: Catalog) => Promise<VerifyReport>;
  /** The events of these types by the (log, type, seq) index (see EventSource.readTypes). */
  readonly readTypes: (types: ReadonlySet<string>) => AsyncIterable<StoredEvent>;
  /**
   * Copies already sealed events (another store's log) in as they are, so every hash stays the
   * same. The target must be empty or hold a prefix of the same chain (then the import resumes);
   * all of it lands in one transaction, or nothing.
   */
  readonly importEvents: (events: AsyncIterable<StoredEvent>) => Promise<ImportOutcome>;
  /** The stored rows as they are, unparsed and unchecked: for tools that report every bad row. */
  readonly rows: () => AsyncIterable<EventRow>;
  readonly close: () => Promise<void>;
}

export { LogExistsError, PostgresUnavailableError } from "./errors.js";

const conflict = (ref: LogRef, expected: number, found: number): AppendOutcome => ({
  ok: false,
  issues: [issue("conflict", "", `the log moved on: expected last seq ${expected}, found ${found}`, { file: ref.display })],
});

/** Rule entries a store keeps at hand between its appends, at most. */
const HELD_ENTRIES = 100_000;

/** Events an import must bring for the table's statistics to be taken again at once. */
const ANALYZED_IMPORT = 10_000;

/**
 * How the store connects. `allowExitOnIdle`: a CLI run ends when its work is done, without an
 * explicit close. `jit=off` for the store's sessions: PostgreSQL compiles a query whose estimated
 * cost passes `jit_above_cost`, and the check for an earlier copy of a batch (a subquery per
 * candidate row) is estimated high enough though it reads a few rows; the first compile of a
 * session loads LLVM, 75 ms of every `tertial append`. The store's queries are short lookups and
 * streamed reads, which compiling never repays. An `options` parameter in the URL overrides this.
 */
export const poolConfig = (connectionString: string, max: number): pgTypes.PoolConfig => ({ connectionString, max, allowExitOnIdle: true, options: "-c jit=off" });

const isStoredEventShape = compileGuard(StoredEventCodec);

export const postgresStore = (options: PostgresStoreOptions): PostgresStore => {
  checkStoreOptions("postgresStore", options, ["location", "catalog"]);
  const location = typeof options.location === "string" ? parsePostgresLocation(options.location) : options.location;
  const ref: LogRef = { log: location.log, display: location.display };
  const pageSize = options.pageSize ?? 2000;
  const clock = options.clock ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const pool = new pg.Pool(poolConfig(location.connectionString, options.maxConnections ?? 4));
  // An idle connection dropped by the server is not this process's failure; the next query reports it.
  pool.on("error", () => undefined);

  const connect = async (): Promise<pgTypes.PoolClient> => {
    try {
      return await pool.connect();
    } catch (error) {
      throw new PostgresUnavailableError(`${location.display}: cannot connect: ${(error as Error).message}`);
    }
  };
  let schema: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    schema ??= (async () => {
      const client = await connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
    })().catch((error: unknown) => {
      schema = undefined;
      throw error;
    });
    return schema;
  };
  const withClient = async <T>(work: (client: pgTypes.PoolClient) => Promise<T>): Promise<T> => {
    await ready();
    const client = await connect();
    let broken: Error | undefined;
    try {
      return await work(client);
    } catch (error) {
      if (!(error instanceof LogReadError)) broken = error as Error;
      throw error;
    } finally {
      // A client that failed mid-way may be mid-transaction: destroy it rather than reuse it.
      client.release(broken);
    }
  };
  /** One transaction holding the log's lock: appends to this log from every process queue here. */
  const underLogLock = <T>(work: (client: pgTypes.PoolClient) => Promise<{ commit: boolean; result: T }>): Promise<T> =>
    withClient(async (client) => {
      await client.query("BEGIN");
      try {
        await client.query(LOG_LOCK_SQL, [ref.log]);
        await client.query("INSERT INTO tertial_logs (name) VALUES ($1) ON CONFLICT DO NOTHING", [ref.log]);
        const { commit, result } = await work(client);
        await client.query(commit ? "COMMIT" : "ROLLBACK");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    });

  const readBetween = (db: Queryable, fromSeq: number, toSeq: number): AsyncIterable<StoredEvent> => readEvents(db, ref, fromSeq, toSeq, pageSize);

  /** Reads stream on the pool, page by page, up to the head the read began at. */
  const read = (readOptions?: { readonly fromSeq?: number }): AsyncIterable<StoredEvent> =>
    (async function* () {
      const head = await withClient((client) => headOf(client, ref));
      yield* readBetween(pool, readOptions?.fromSeq ?? 0, head.seq);
    })();

  const readKnownAt = (knownAt: string): AsyncIterable<StoredEvent> => {
    const cutoff = knownAtCutoff(knownAt);
    if (cutoff === undefined) throw new RangeError(`known-at "${knownAt}" is neither a date nor an instant`);
    return (async function* () {
      // Transaction time only moves forward with seq, so "recorded by then" is a prefix of the log.
      const last = await withClient((client) =>
        client.query<{ seq: string | null }>("SELECT max(seq) AS seq FROM tertial_events WHERE log = $1 AND recorded_at <= $2", [ref.log, new Date(cutoff).toISOString()]),
      );
      const lastSeq = last.rows[0]?.seq;
      if (lastSeq === null || lastSeq === undefined) return;
      yield* readBetween(pool, 0, Number(lastSeq));
    })();
  };

  /**
   * The state this store's last append committed or started from, kept for its next append: used
   * only while the log's state row is still bound to its head (no other writer came between). It
   * is bytes and the entries fetched so far, never changed by a check, so a refused append keeps it.
   */
  let held: SavedCore | undefined;

  const append = async (drafts: readonly EventDraft[], appendOptions?: AppendOptions): Promise<AppendOutcome> => {
    const wrong = appendArgumentIssues(drafts, appendOptions);
    if (wrong.length > 0) return { ok: false, issues: wrong };
    let kept: SavedCore | undefined;
    const outcome = await underLogLock<AppendOutcome>(async (client) => {
      const mine = held;
      held = undefined;
      try {
        const current = await headOf(client, ref);
        if (appendOptions?.expectedSeq !== undefined && appendOptions.expectedSeq !== current.seq) return { commit: false, result: conflict(ref, appendOptions.expectedSeq, current.seq) };
        // Ids given now rather than by prepareAppend (which would draw them in the same order), so they can be looked up.
        // Anything but an object is left for the batch's check to name.
        const named = drafts.map((draft) => (typeof draft === "object" && draft !== null && draft.id === undefined ? { ...draft, id: newId() } : draft));
        const source = {
          read: (readOptions?: { readonly fromSeq?: number }) => readBetween(client, readOptions?.fromSeq ?? 0, current.seq),
          readTypes: (types: ReadonlySet<string>) => readEventsOfTypes(client, ref, [...types], current.seq, pageSize),
        };
        const contents = new BatchContents(named, options.catalog);
        const refused = preconditionIssues(await appendOptions?.precondition?.({ ...source, head: current, findContentRun: (found) => findContentRun(client, ref, found), batchContents: () => contents.all() }));
        if (refused.length > 0) {
          // Nothing changed: the state this store held stays good for its next append.
          kept = mine;
          return { commit: false, result: { ok: false, issues: refused } };
        }
        const context = { catalog: options.catalog, now: clock(), newId, contents, ...(appendOptions?.places === undefined ? {} : { places: appendOptions.places }) };
        const { prepared, saved } = await checkBatch(client, ref, current, named, source, context, mine);
        kept = saved;
        // A refused batch commits only the state it may have rebuilt, which describes the unchanged head.
        if (!prepared.ok) return { commit: true, result: prepared };
        if (prepared.events.length > 0) {
          await insertEvents(client, ref.log, prepared.events);
          kept = await saveAppendCore(client, ref, prepared.state, options.catalog, saved?.place ?? new RecordsAtHand(), saved === undefined);
        }
        return { commit: true, result: { ok: true, appended: prepared.events, alreadyPresent: prepared.alreadyPresent, head: prepared.state.head } };
      } catch (error) {
        kept = undefined;
        if (error instanceof LogReadError) return { commit: false, result: { ok: false, issues: error.issues } };
        // A fact the rules learn from that does not decode: the log's fault, at its event, not the batch's.
        if (error instanceof ReplayError) return { commit: false, result: { ok: false, issues: error.issues.map((found) => ({ ...found, file: ref.display })), logBroken: true } };
        throw error;
      }
    });
    // A long-lived store does not hold more entries than a fresh fetch would bring back cheaply.
    if (kept !== undefined) held = kept.place.size > HELD_ENTRIES ? { ...kept, place: new RecordsAtHand() } : kept;
    return outcome;
  };

  /**
   * The append state at an import's head, written in the import's own transaction: it commits
   * with the events or not at all, so no state ever claims a head the log does not have. A resumed
   * import learns the prefix the target held from the source's copy of it; a learner that missed
   * an event (a source whose prefix does not chain) learnt no state: the state is dropped, and the
   * first append rebuilds it.
   */
  const saveImportedState = async (client: Queryable, head: LogHead, learner: AppendStateLearner | undefined): Promise<void> => {
    const copy = { read: () => readBetween(client, 0, head.seq), readTypes: (types: ReadonlySet<string>) => readEventsOfTypes(client, ref, [...types], head.seq, pageSize) };
    const learnt = await learner?.finish(copy);
    if (learnt === undefined || learnt.head.seq !== head.seq || learnt.head.hash !== head.hash) await forgetAppendCore(client, ref);
    else await saveAppendCore(client, ref, learnt, options.catalog, new RecordsAtHand(), true);
  };

  const importEvents = async (events: AsyncIterable<StoredEvent>): Promise<ImportOutcome> => {
    const outcome = await copyIn(events);
    // A bulk load is followed by ANALYZE (PostgreSQL's own advice), of the log column alone: until
    // the statistics know the new log, the planner takes it for a few rows, and the first append
    // looks its ids up by scanning the whole log (a third of a second at a million events; in
    // other query shapes once per id). A user who may not analyze the table gets a warning, not an
    // error. A small import is left to autovacuum: scanning a few thousand rows costs milliseconds.
    // The events are committed by then: a failed ANALYZE costs plans, not the import.
    if (outcome.ok && outcome.imported >= ANALYZED_IMPORT) await withClient((client) => client.query("ANALYZE tertial_events (log)")).catch(() => undefined);
    return outcome;
  };

  /** The first thing wrong with an event to import, as its envelope and this catalog's data codecs judge it, placed at its line of the source. */
  const importedEventIssue = (event: StoredEvent, line: number): Issue | undefined => {
    if (!isStoredEventShape(event)) {
      const decoded = decodeWith(StoredEventCodec, event);
      const first = decoded.ok ? undefined : decoded.issues[0];
      return { ...(first ?? issue("invalid-field", "", "is not a stored event")), file: ref.display, line };
    }
    const wrong = dataIssues(options.catalog, event)?.[0];
    return wrong === undefined ? undefined : { ...wrong, file: ref.display, line, eventId: event.id };
  };

  const copyIn = (events: AsyncIterable<StoredEvent>): Promise<ImportOutcome> =>
    underLogLock(async (client) => {
      const fail = (found: Issue): { commit: false; result: ImportOutcome } => ({ commit: false, result: { ok: false, issues: [found] } });
      let head = await headOf(client, ref);
      const startHead = head;
      let skipped = 0;
      let imported = 0;
      let pending: StoredEvent[] = [];
      let metStartHead = startHead.seq < 0;
      // Every event passes here from seq 0, those the target holds already too: the append state is
      // learnt on the way. The learner keeps a state only of one chain from seq 0, and the prefix
      // the target holds is learnt only while each event matches its hash: ending on the target's
      // head, it is then the target's own. A source whose prefix does not is not learnt from.
      let learner: AppendStateLearner | undefined = new AppendStateLearner(options.catalog, { ids: false });
      let line = 0;
      for await (const event of events) {
        line += 1;
        // What a read of the log would refuse is refused here, at the source's line: an import never stores what no report could read.
        const refused = importedEventIssue(event, line);
        if (refused !== undefined) return fail(refused);
        if (event.seq <= startHead.seq) {
          metStartHead ||= event.seq === startHead.seq && event.hash === startHead.hash;
          if (event.seq === startHead.seq && event.hash !== startHead.hash) return fail(issue("conflict", "hash", `the target log already holds another event at seq ${event.seq}: it is not a prefix of this log`, { file: ref.display, expected: startHead.hash, actual: event.hash }));
          if (hashOf(event) === event.hash) learner?.add(event);
          else learner = undefined;
          skipped += 1;
          continue;
        }
        if (event.seq !== head.seq + 1 || event.prevHash !== head.hash) return fail(issue("chain-broken", "prevHash", `event ${event.id} does not continue the chain at seq ${head.seq + 1}`, { file: ref.display, line: event.seq + 1 }));
        if (hashOf(event) !== event.hash) return fail(issue("chain-broken", "hash", `event ${event.id} does not match its hash`, { file: ref.display, line: event.seq + 1 }));
        pending.push(event);
        learner?.add(event);
        head = { seq: event.seq, hash: event.hash, recordedAt: event.recordedAt };
        if (pending.length >= 1000) {
          await insertEvents(client, ref.log, pending);
          imported += pending.length;
          pending = [];
        }
      }
      if (!metStartHead) return fail(issue("conflict", "", `the target log already holds ${startHead.seq + 1} event(s), more than this log has`, { file: ref.display }));
      await insertEvents(client, ref.log, pending);
      imported += pending.length;
      if (imported > 0) await saveImportedState(client, head, learner);
      return { commit: true, result: { ok: true, imported, skipped, head } };
    });

  const rows = (): AsyncIterable<EventRow> =>
    (async function* () {
      const last = await withClient((client) => client.query<{ seq: string | null }>("SELECT max(seq) AS seq FROM tertial_events WHERE log = $1", [ref.log]));
      const lastSeq = last.rows[0]?.seq;
      if (lastSeq !== null && lastSeq !== undefined) yield* readRows(pool, ref, 0, Number(lastSeq), pageSize);
    })();

  return {
    location,
    rows,
    read,
    readKnownAt,
    readTypes: (types) =>
      (async function* () {
        const head = await withClient((client) => headOf(client, ref));
        yield* readEventsOfTypes(pool, ref, [...types], head.seq, pageSize);
      })(),
    append,
    findContentRun: (contents) => withClient((client) => findContentRun(client, ref, contents)),
    importEvents,
    head: () => withClient((client) => headOf(client, ref)),
    exists: () => withClient(async (client) => (await client.query("SELECT 1 FROM tertial_logs WHERE name = $1", [ref.log])).rowCount === 1),
    create: () =>
      withClient(async (client) => {
        const created = await client.query("INSERT INTO tertial_logs (name) VALUES ($1) ON CONFLICT DO NOTHING", [ref.log]);
        if (created.rowCount !== 1) throw new LogExistsError(`${location.display}: already exists; tertial init never overwrites a log`);
      }),
    verify: (catalog) => withClient((client) => verifyRows(client, ref, pageSize, catalog)),
    snapshots: (onIgnored) => {
      const shared = postgresSnapshots(pool, ref, onIgnored);
      return {
        nearest: async (plan, cutoffMs) => {
          await ready();
          return shared.nearest(plan, cutoffMs);
        },
        save: async (snapshot) => {
          await ready();
          await shared.save(snapshot);
        },
      };
    },
    close: () => pool.end(),
  };
};
