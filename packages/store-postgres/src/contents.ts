import { contentOf } from "@tertial/core";
import { parseRow, type LogRef, type Queryable } from "./rows.js";

/** Rows filled per round trip. */
const FILL_PAGE = 2000;

/**
 * Gives every row written before the content column its fingerprint, from its body (parsed and
 * checked as every read checks it). Once per database written by an earlier version, a page at
 * a time; a row a concurrent writer fills first is left as it is (the value is the same).
 */
const fillContents = async (db: Queryable, ref: LogRef): Promise<void> => {
  for (;;) {
    const page = await db.query<{ seq: string; body: string }>("SELECT seq, body FROM tertial_events WHERE log = $1 AND content IS NULL ORDER BY seq LIMIT $2", [ref.log, FILL_PAGE]);
    if (page.rows.length === 0) return;
    const seqs = page.rows.map((row) => Number(row.seq));
    const contents = page.rows.map((row) => contentOf(parseRow(ref, { seq: Number(row.seq), body: row.body })));
    await db.query(
      `UPDATE tertial_events SET content = filled.content FROM unnest($2::bigint[], $3::text[]) AS filled (seq, content)
        WHERE tertial_events.log = $1 AND tertial_events.seq = filled.seq AND tertial_events.content IS NULL`,
      [ref.log, seqs, contents],
    );
  }
};

/**
 * The seq of the last run of consecutive events whose content fingerprints are `contents`, in
 * order, or undefined: found by the (log, content) index and compared over the run's rows in
 * the database, so the log is not read. The fingerprints are truncated hashes: a caller that must
 * be exact confirms the run against its events.
 */
export const findContentRun = async (db: Queryable, ref: LogRef, contents: readonly string[]): Promise<{ readonly firstSeq: number } | undefined> => {
  if (contents.length === 0) return undefined;
  await fillContents(db, ref);
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
