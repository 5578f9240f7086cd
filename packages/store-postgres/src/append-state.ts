import {
  contentOf,
  decodeAppendCore,
  encodeAppendCore,
  EventRetracted,
  IdIndex,
  rulesFingerprint,
  someRuleLearnsFrom,
  type AppendCore,
  type Catalog,
  type EventDraft,
  type LogHead,
} from "@tertial/core";
import { parseRow, type LogRef, type Queryable } from "./rows.js";

/**
 * The append state of a log in the database: its head, corrected ids and the consistency rules'
 * states (the same bytes the file store keeps beside a log, less the ids), in one row per log,
 * bound to the head it was taken at and to the rules. The ids stay where they are, in the events
 * table's unique index: an append looks up only those its batch names. So an append costs
 * O(batch), not O(log), and the row is written in the append's own transaction: it can never
 * describe another head than the one committed with it.
 */

const sameHead = (a: Pick<LogHead, "seq" | "hash">, b: Pick<LogHead, "seq" | "hash">): boolean => a.seq === b.seq && a.hash === b.hash;

/**
 * The saved state, when it was taken at exactly this head by the same rules; undefined otherwise.
 * `held` is a state this process saved itself: when the row is still bound to its head, it is
 * what the row holds, and the row's bytes (megabytes when a rule knows every position) are not read.
 */
export const loadAppendCore = async (db: Queryable, ref: LogRef, head: LogHead, catalog: Catalog, held?: AppendCore): Promise<AppendCore | undefined> => {
  const found = await db.query<{ head_seq: string; head_hash: string; rules_fingerprint: string }>("SELECT head_seq, head_hash, rules_fingerprint FROM tertial_append_states WHERE log = $1", [ref.log]);
  const row = found.rows[0];
  if (row === undefined || row.rules_fingerprint !== rulesFingerprint(catalog) || !sameHead({ seq: Number(row.head_seq), hash: row.head_hash }, head)) return undefined;
  if (held !== undefined && sameHead(held.head, head)) return held;
  const bytes = await db.query<{ state: Buffer }>("SELECT state FROM tertial_append_states WHERE log = $1", [ref.log]);
  const state = bytes.rows[0]?.state;
  const core = state === undefined ? undefined : decodeAppendCore(state, catalog);
  return core !== undefined && sameHead(core.head, head) ? core : undefined;
};

/** Saves the state for the head it holds; a state no rule can have saved is removed, so the next append rebuilds it. */
export const saveAppendCore = async (db: Queryable, ref: LogRef, state: AppendCore, catalog: Catalog): Promise<void> => {
  const bytes = encodeAppendCore(state);
  if (bytes === undefined) {
    await forgetAppendCore(db, ref);
    return;
  }
  await db.query(
    `INSERT INTO tertial_append_states (log, head_seq, head_hash, rules_fingerprint, state) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (log) DO UPDATE SET head_seq = EXCLUDED.head_seq, head_hash = EXCLUDED.head_hash, rules_fingerprint = EXCLUDED.rules_fingerprint, state = EXCLUDED.state`,
    [ref.log, state.head.seq, state.head.hash, rulesFingerprint(catalog), bytes],
  );
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
export const lookUpIds = async (db: Queryable, ref: LogRef, ids: readonly string[], catalog: Catalog): Promise<IdIndex> => {
  const index = new IdIndex();
  if (ids.length === 0) return index;
  const learnsFrom = someRuleLearnsFrom(catalog.rules);
  const found = await db.query<{ seq: string; body: string }>("SELECT seq, body FROM tertial_events WHERE log = $1 AND id = ANY($2::text[])", [ref.log, ids]);
  for (const row of found.rows) {
    const event = parseRow(ref, { seq: Number(row.seq), body: row.body });
    const retraction = event.type === EventRetracted.type;
    index.add(event.id, { content: contentOf(event), retraction, learnedFrom: !retraction && learnsFrom(event.type) });
  }
  return index;
};
