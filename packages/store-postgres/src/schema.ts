import type pg from "pg";
import { fillContents } from "./contents.js";

/**
 * The tables, as numbered migrations applied in order and recorded, so a database created by an
 * earlier version is brought forward and never rebuilt. Every store runs them on first use, under
 * one advisory lock, so many processes starting at once apply each migration exactly once.
 *
 * `body` is the event's canonical JSON: the very bytes a JSONL line holds and the hash is taken
 * over. It is text, not jsonb, because jsonb reorders keys and drops duplicates: the chain must be
 * recomputable from what is stored, and an export must give back the identical file. The other
 * columns repeat what the body says, for keys and indexes; `verify` checks that they agree.
 */
/** A step of a migration: a statement, or work that needs code (filling a column from the bodies). */
type Step = string | ((client: pg.ClientBase) => Promise<void>);

const MIGRATIONS: readonly (readonly Step[])[] = [
  [
    `CREATE TABLE tertial_logs (
       name text PRIMARY KEY,
       created_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE TABLE tertial_events (
       log text NOT NULL REFERENCES tertial_logs (name),
       seq bigint NOT NULL CHECK (seq >= 0),
       id text NOT NULL,
       type text NOT NULL,
       recorded_at timestamptz NOT NULL,
       prev_hash text NOT NULL,
       hash text NOT NULL,
       body text NOT NULL,
       PRIMARY KEY (log, seq),
       UNIQUE (log, id)
     )`,
    // Known-at reads: the last seq recorded by an instant, found without a scan.
    `CREATE INDEX tertial_events_recorded_at ON tertial_events (log, recorded_at)`,
  ],
  [
    // What append knows of a log besides its ids (see append-state.ts): a cache, good only while
    // the log's head and the rules are the ones it was taken at, rebuilt from the events otherwise.
    // Unlogged: rewritten whole by every append, it would double the WAL an append writes and
    // syncs; after a crash the server empties it, and the next append rebuilds the state.
    `CREATE UNLOGGED TABLE tertial_append_states (
       log text PRIMARY KEY REFERENCES tertial_logs (name),
       head_seq bigint NOT NULL,
       head_hash text NOT NULL,
       rules_fingerprint text NOT NULL,
       state bytea NOT NULL
     )`,
    // Rewritten whole by every append and read by the next: compressing it costs more than it saves.
    `ALTER TABLE tertial_append_states ALTER COLUMN state SET STORAGE EXTERNAL`,
  ],
  [
    // Snapshots of a report's folds at chain positions (see @tertial/core's snapshots): the nearest one recorded by a cut-off, found by the key.
    `CREATE TABLE tertial_snapshots (
       log text NOT NULL REFERENCES tertial_logs (name),
       plan text NOT NULL,
       seq bigint NOT NULL CHECK (seq >= 0),
       recorded_at timestamptz NOT NULL,
       body text NOT NULL,
       PRIMARY KEY (log, plan, seq)
     )`,
  ],
  [
    // Each event's content fingerprint (what makes two events the same fact; see contentOf), so an
    // append of drafts without ids finds a batch appended before by an index, not a scan, the last
    // run first. Nullable: adding it rewrites nothing, and the next migration fills it.
    `ALTER TABLE tertial_events ADD COLUMN content text`,
    `CREATE INDEX tertial_events_content ON tertial_events (log, content, seq)`,
    // The events of some types (the facts the consistency rules learn from), found without a scan.
    `CREATE INDEX tertial_events_type ON tertial_events (log, type, seq)`,
  ],
  // The fingerprints of the rows written before the column, from their bodies, in a transaction of
  // its own (the table is not held by the column's lock meanwhile). A search never writes: it reads
  // the log whole while a log still has a row without one (from a writer of an earlier version).
  [fillContents],
  [
    // The consistency rules' Maps and Sets, an entry per row (see rule-records.ts), so an append
    // reads and writes the entries its batch touches; the state row keeps the rest and names the
    // collections. A cache like that row, and unlogged like it: a crash empties both together.
    // "C" collation: keys are compared as bytes, the cheapest, and no order is asked of them.
    `CREATE UNLOGGED TABLE tertial_append_records (
       log text NOT NULL,
       collection text NOT NULL,
       key text COLLATE "C" NOT NULL,
       value text NOT NULL,
       PRIMARY KEY (log, collection, key)
     )`,
  ],
];

/** Advisory lock key for migrations: any fixed 64-bit number no other lock of ours uses. */
const MIGRATION_LOCK = 7_482_190_341;

export const migrate = async (client: pg.ClientBase): Promise<void> => {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS tertial_schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
    const applied = await client.query<{ version: number }>("SELECT version FROM tertial_schema_migrations");
    const done = new Set(applied.rows.map((row) => row.version));
    for (const [index, statements] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (done.has(version)) continue;
      for (const step of statements) await (typeof step === "string" ? client.query(step) : step(client));
      await client.query("INSERT INTO tertial_schema_migrations (version) VALUES ($1)", [version]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
};

/** The lock that serialises appends to one log; other logs in the database are not held up. */
export const LOG_LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended('tertial.log:' || $1, 0))";
