import {
  APPEND_CORE_APART_FORMAT,
  contentOf,
  decodeAppendCoreApart,
  encodeAppendCoreApart,
  EventRetracted,
  IdIndex,
  RecordsAtHand,
  rulesFingerprint,
  someRuleLearnsFrom,
  type AppendCore,
  type Catalog,
  type EventDraft,
  type KnownId,
  type LogHead,
  type StoredEvent,
} from "@tertial/core";
import { writeRecords } from "./rule-records.js";
import { parseRow, type LogRef, type Queryable } from "./rows.js";

/**
 * The append state of a log in the database: its head, corrected ids and the consistency rules'
 * states, bound to the head it was taken at and to the rules, in one row per log; the rules' Maps
 * and Sets (a rule that knows every position keeps hundreds of thousands of entries) an entry per
 * row of `tertial_append_records`, read and written by the keys a batch touches (see
 * `RecordsAtHand`). The ids stay where they are, in the events table's unique index: an append
 * looks up only those its batch names. So an append costs O(batch), not O(log), and both are
 * written in the append's own transaction: they never describe another head than the one
 * committed with them.
 */

const sameHead = (a: Pick<LogHead, "seq" | "hash">, b: Pick<LogHead, "seq" | "hash">): boolean => a.seq === b.seq && a.hash === b.hash;

/** A saved state: its bytes (the state row's), and its collections' entries fetched so far. */
export interface SavedCore {
  readonly head: LogHead;
  readonly bytes: Buffer;
  readonly place: RecordsAtHand;
}

/** The state of the saved core, fresh from its bytes (a check changes the state it is given), over the entries at hand. */
export const coreOf = (saved: SavedCore, catalog: Catalog): AppendCore | undefined => {
  const core = decodeAppendCoreApart(saved.bytes, catalog, saved.place);
  return core !== undefined && sameHead(core.head, saved.head) ? core : undefined;
};

/**
 * The saved state, when it was taken at exactly this head by the same rules; undefined otherwise.
 * `held` is a state this process saved itself: when the row is still bound to its head, it is
 * what the row holds, and the row is not read again.
 */
export const loadAppendCore = async (db: Queryable, ref: LogRef, head: LogHead, catalog: Catalog, held?: SavedCore): Promise<SavedCore | undefined> => {
  const found = await db.query<{ head_seq: string; head_hash: string; rules_fingerprint: string }>("SELECT head_seq, head_hash, rules_fingerprint FROM tertial_append_states WHERE log = $1", [ref.log]);
  const row = found.rows[0];
  if (row === undefined || row.rules_fingerprint !== rulesFingerprint(catalog) || !sameHead({ seq: Number(row.head_seq), hash: row.head_hash }, head)) return undefined;
  if (held !== undefined && sameHead(held.head, head)) return held;
  // A row of an earlier version holds every entry in its bytes, megabytes at a million events: its format is read first, and such a row is not fetched.
  const bytes = await db.query<{ state: Buffer }>("SELECT state FROM tertial_append_states WHERE log = $1 AND position($2::bytea IN substring(state FROM 1 FOR 64)) > 0", [ref.log, Buffer.from(APPEND_CORE_APART_FORMAT)]);
  const state = bytes.rows[0]?.state;
  if (state === undefined) return undefined;
  const saved = { head, bytes: state, place: new RecordsAtHand() };
  return coreOf(saved, catalog) === undefined ? undefined : saved;
};

/**
 * Saves the state for the head it holds, its collections' entries over `place` (the one it was
 * loaded over: only changed entries are written); `everything` first removes every entry the log
 * had (a state learnt afresh). Returns the state as saved; undefined, with the row removed so the
 * next append rebuilds it, when a rule keeps something that cannot be saved.
 */
export const saveAppendCore = async (db: Queryable, ref: LogRef, state: AppendCore, catalog: Catalog, place: RecordsAtHand, everything: boolean): Promise<SavedCore | undefined> => {
  const bytes = encodeAppendCoreApart(state, place);
  const writes = place.takeWrites();
  if (bytes === undefined) {
    await forgetAppendCore(db, ref);
    return undefined;
  }
  await writeRecords(db, ref, writes, everything);
  await db.query(
    `INSERT INTO tertial_append_states (log, head_seq, head_hash, rules_fingerprint, state) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (log) DO UPDATE SET head_seq = EXCLUDED.head_seq, head_hash = EXCLUDED.head_hash, rules_fingerprint = EXCLUDED.rules_fingerprint, state = EXCLUDED.state`,
    [ref.log, state.head.seq, state.head.hash, rulesFingerprint(catalog), bytes],
  );
  place.wrote(writes);
  return { head: state.head, bytes, place };
};

export const forgetAppendCore = async (db: Queryable, ref: LogRef): Promise<void> => {
  await db.query("DELETE FROM tertial_append_states WHERE log = $1", [ref.log]);
};

/** Every id a batch can ask about: its events' own ids and the ids they supersede or retract. */
export const idsNamedBy = (drafts: readonly EventDraft[]): string[] => {
  const ids = new Set<string>();
  for (const draft of drafts) {
    for (const id of [draft.id, draft.supersedes, draft.retracts]) if (id !== undefined) ids.add(id);
  }
  return [...ids];
};

/**
 * The earlier events with these ids, as append knows them (content fingerprint, retraction or
 * not, learned from by a rule or not: by the catalog's rules and the stored event's type), in
 * one query on the events table's unique (log, id) index: for the ids a batch names, the same
 * answers the index of the whole log would give. Nothing of it is stored, so no migration.
 */
export interface LookedUp {
  readonly known: readonly (readonly [string, KnownId])[];
  /** The events themselves: a correction's target among them is forgotten by the rules without a read of the log. */
  readonly events: ReadonlyMap<string, StoredEvent>;
}

export const lookUpIds = async (db: Queryable, ref: LogRef, ids: readonly string[], catalog: Catalog): Promise<LookedUp> => {
  const known: [string, KnownId][] = [];
  const events = new Map<string, StoredEvent>();
  if (ids.length === 0) return { known, events };
  const learnsFrom = someRuleLearnsFrom(catalog.rules);
  // One probe of the (log, id) index per id, whatever the statistics: given `id = ANY($2)` and a
  // thousand values, the planner judged the probes dearer than reading the whole log, and scanned
  // 200 000 rows (265 ms) for what the index answers in 7 ms. A subquery with a LIMIT is never
  // merged into the join, so it stays a probe per id; (log, id) is unique, so LIMIT 1 drops
  // nothing. The ids are made distinct, as `ANY` would have them.
  const found = await db.query<{ seq: string; body: string }>(
    "SELECT e.seq, e.body FROM unnest($2::text[]) AS wanted(id) CROSS JOIN LATERAL (SELECT seq, body FROM tertial_events WHERE log = $1 AND id = wanted.id LIMIT 1) AS e",
    [ref.log, [...new Set(ids)]],
  );
  for (const row of found.rows) {
    const event = parseRow(ref, { seq: Number(row.seq), body: row.body });
    const retraction = event.type === EventRetracted.type;
    known.push([event.id, { content: contentOf(event), retraction, learnedFrom: !retraction && learnsFrom(event.type) }]);
    events.set(event.id, event);
  }
  return { known, events };
};

/** A fresh index of ids looked up (an append adds its batch's to the one it is given). */
export const idIndexOf = (known: readonly (readonly [string, KnownId])[]): IdIndex => {
  const index = new IdIndex();
  for (const [id, entry] of known) index.add(id, entry);
  return index;
};
