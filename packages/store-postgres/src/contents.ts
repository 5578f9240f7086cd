import { contentOf } from "@tertial/core";
import { parseRow, type LogRef, type Queryable } from "./rows.js";

/** Rows filled per round trip. */
const FILL_PAGE = 2000;

/**
 * Gives every row without a content fingerprint its own, computed from its body (parsed and its
 * envelope checked, as `parseRow` does), a page at a time, in every log: the migration that
 * follows the column's. Rows whose body cannot be parsed are left without one (a search then
 * reads their log whole, and that read reports them).
 */
export const fillContents = async (db: Queryable): Promise<void> => {
  for (let after = { log: "", seq: -1 }; ; ) {
    const page = await db.query<{ log: string; seq: string; body: string }>(
      "SELECT log, seq, body FROM tertial_events WHERE content IS NULL AND (log, seq) > ($1, $2) ORDER BY log, seq LIMIT $3",
      [after.log, after.seq, FILL_PAGE],
    );
    const last = page.rows[page.rows.length - 1];
    if (last === undefined) return;
    const filled = page.rows.flatMap((row) => {
      try {
        return [{ log: row.log, seq: Number(row.seq), content: contentOf(parseRow({ log: row.log, display: row.log }, { seq: Number(row.seq), body: row.body })) }];
      } catch {
        return [];
      }
    });
    await db.query(
      `UPDATE tertial_events SET content = filled.content FROM unnest($1::text[], $2::bigint[], $3::text[]) AS filled (log, seq, content)
        WHERE tertial_events.log = filled.log AND tertial_events.seq = filled.seq`,
      [filled.map((row) => row.log), filled.map((row) => row.seq), filled.map((row) => row.content)],
    );
    after = { log: last.log, seq: Number(last.seq) };
  }
};

/**
 * The seq of the last run of consecutive events whose content fingerprints are `contents`, in
 * order, or undefined: found by the (log, content, seq) index, the last candidate first, and
 * compared over the run's rows in the database, so the log is not read. "unknown" while the log
 * holds a row without a fingerprint (written by an earlier version): the caller then reads the
 * log. The fingerprints are truncated hashes: a caller that must be exact confirms the run
 * against its events.
 */
export const findContentRun = async (db: Queryable, ref: LogRef, contents: readonly string[]): Promise<{ readonly firstSeq: number } | undefined | "unknown"> => {
  if (contents.length === 0) return undefined;
  const unfilled = await db.query("SELECT 1 FROM tertial_events WHERE log = $1 AND content IS NULL LIMIT 1", [ref.log]);
  if (unfilled.rows.length > 0) return "unknown";
  const found = await db.query<{ seq: string }>(
    `SELECT first.seq FROM tertial_events first
      WHERE first.log = $1 AND first.content = $2
        AND (SELECT array_agg(run.content ORDER BY run.seq) FROM tertial_events run WHERE run.log = $1 AND run.seq >= first.seq AND run.seq < first.seq + $3) = $4::text[]
      ORDER BY first.seq DESC LIMIT 1`,
    [ref.log, contents[0], contents.length, contents],
  );
  const row = found.rows[0];
  return row === undefined ? undefined : { firstSeq: Number(row.seq) };
};
