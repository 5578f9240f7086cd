import type { CollectionWrite, RecordsAtHand } from "@tertial/core";
import type { LogRef, Queryable } from "./rows.js";

/** Entries per INSERT: one round trip per this many, well under the parameter limits. */
const ENTRIES_PER_STATEMENT = 10_000;

/**
 * Fetches the entries the rules asked for and did not have (see `RecordsAtHand`): by key on the
 * table's primary key, one query per collection; a collection wanted whole (a rule took its size
 * or iterated it) is read whole.
 */
export const fetchWanted = async (db: Queryable, ref: LogRef, place: RecordsAtHand): Promise<void> => {
  const wanted = place.takeWanted();
  for (const collection of wanted.whole) {
    const found = await db.query<{ key: string; value: string }>("SELECT key, value FROM tertial_append_records WHERE log = $1 AND collection = $2", [ref.log, collection]);
    place.foundWhole(collection, found.rows.map((row) => [row.key, row.value] as const));
  }
  for (const [collection, keys] of wanted.keys) {
    if (wanted.whole.includes(collection)) continue;
    // A probe of the primary key per key (see lookUpIds): given `key = ANY($3)` and a thousand keys
    // the planner read the whole collection, 31 ms for 73 000 positions against 11 (cold) or 5.
    const found = await db.query<{ key: string; value: string }>(
      'SELECT wanted.key, entry.value FROM unnest($3::text[]) AS wanted(key) CROSS JOIN LATERAL (SELECT value FROM tertial_append_records WHERE log = $1 AND collection = $2 AND key = wanted.key COLLATE "C" LIMIT 1) AS entry',
      [ref.log, collection, keys],
    );
    const values = new Map(found.rows.map((row) => [row.key, row.value]));
    for (const key of keys) place.found(collection, key, values.get(key));
  }
};

const insertEntries = async (db: Queryable, ref: LogRef, collection: string, entries: readonly (readonly [string, string])[], upsert: boolean): Promise<void> => {
  for (let start = 0; start < entries.length; start += ENTRIES_PER_STATEMENT) {
    const chunk = entries.slice(start, start + ENTRIES_PER_STATEMENT);
    await db.query(
      `INSERT INTO tertial_append_records (log, collection, key, value) SELECT $1, $2, * FROM unnest($3::text[], $4::text[])${upsert ? " ON CONFLICT (log, collection, key) DO UPDATE SET value = EXCLUDED.value" : ""}`,
      [ref.log, collection, chunk.map(([key]) => key), chunk.map(([, value]) => value)],
    );
  }
};

/** Entries a save must write whole for the table's statistics to be taken again at once. */
const ANALYZED_ENTRIES = 10_000;

/**
 * Makes a save's writes. `everything` first removes every entry the log had, of any collection:
 * a state learnt afresh owes nothing to the rows of an earlier one (of other rules, say).
 */
export const writeRecords = async (db: Queryable, ref: LogRef, writes: readonly CollectionWrite[], everything: boolean): Promise<void> => {
  if (everything) await db.query("DELETE FROM tertial_append_records WHERE log = $1", [ref.log]);
  for (const write of writes) {
    if (write.whole && !everything) await db.query("DELETE FROM tertial_append_records WHERE log = $1 AND collection = $2", [ref.log, write.collection]);
    if (write.removed.length > 0) await db.query("DELETE FROM tertial_append_records WHERE log = $1 AND collection = $2 AND key = ANY($3::text[])", [ref.log, write.collection, write.removed]);
    await insertEntries(db, ref, write.collection, write.set, !write.whole);
  }
  // As after an import of events: statistics that still describe a small table make the planner
  // scan every entry of a collection for a lookup by key (64 ms instead of 4 at 343 000 entries).
  // In the transaction, where ANALYZE counts its own new rows; only a state learnt afresh gets here.
  if (writes.some((write) => write.whole && write.set.length >= ANALYZED_ENTRIES)) await db.query("ANALYZE tertial_append_records");
};
