import { ChainCheck, contentOf, issue, parseInstant, parseStoredLine, type Catalog, type Issue, type StoredEvent, type VerifyReport } from "@tertial/core";
import type { LogRef, Queryable } from "./rows.js";

interface VerifyRow {
  readonly seq: string;
  readonly id: string;
  readonly type: string;
  readonly recorded_ms: string;
  readonly prev_hash: string;
  readonly hash: string;
  readonly body: string;
  /** NULL in a row written before the column, until a search fills it. */
  readonly content: string | null;
}

/** Where the columns that index a row disagree with the event its body holds. */
const columnIssues = (row: VerifyRow, event: StoredEvent, place: { file: string; line: number }): Issue[] => {
  const disagree = (field: string, column: string, fromBody: string): Issue[] =>
    column === fromBody ? [] : [issue("chain-broken", field, `the row's ${field} column disagrees with its stored event: the row was changed`, { ...place, expected: fromBody, actual: column })];
  return [
    ...disagree("seq", row.seq, String(event.seq)),
    ...disagree("id", row.id, event.id),
    ...disagree("type", row.type, event.type),
    ...disagree("prevHash", row.prev_hash, event.prevHash),
    ...disagree("hash", row.hash, event.hash),
    ...disagree("recordedAt", row.recorded_ms, String(parseInstant(event.recordedAt))),
    ...(row.content === null ? [] : disagree("content", row.content, contentOf(event))),
  ];
};

/**
 * `verify` run on the database, streaming, with the file verifier's checks: every body canonical
 * and parseable, seq gap-free, each prevHash the previous hash, each hash recomputed, ids unique,
 * transaction time never going back, data valid for its type (with a catalog); and, for a table,
 * the key columns agreeing with the body. Issues name the log's location and the event's place
 * (line N is the N-th event, seq N-1). Keeps going after a problem so one run lists them all.
 */
export const verifyRows = async (db: Queryable, ref: LogRef, pageSize: number, catalog?: Catalog): Promise<VerifyReport> => {
  const issues: Issue[] = [];
  const chain = new ChainCheck("event", catalog);
  let expectedSeq = 0;
  let events = 0;
  const last = await db.query<{ seq: string | null }>("SELECT max(seq) AS seq FROM tertial_events WHERE log = $1", [ref.log]);
  const lastSeq = last.rows[0]?.seq === null || last.rows[0]?.seq === undefined ? -1 : Number(last.rows[0].seq);
  // Pages are ranges of seq (see readRows); rows with a negative seq cannot exist (CHECK).
  for (let from = 0; from <= lastSeq; from += pageSize) {
    const page = await db.query<VerifyRow>(
      `SELECT seq::text, id, type, (extract(epoch FROM recorded_at) * 1000)::bigint::text AS recorded_ms, prev_hash, hash, body, content
         FROM tertial_events WHERE log = $1 AND tertial_events.seq >= $2 AND tertial_events.seq <= $3 ORDER BY tertial_events.seq`,
      [ref.log, from, from + pageSize - 1],
    );
    for (const row of page.rows) {
      const rowSeq = Number(row.seq);
      const place = { file: ref.display, line: events + 1 };
      events += 1;
      if (rowSeq !== expectedSeq) issues.push(issue("chain-broken", "seq", `expected seq ${expectedSeq}: an event was deleted or moved`, { ...place, actual: row.seq }));
      expectedSeq = rowSeq + 1;
      const parsed = parseStoredLine(ref.display, row.body, place.line, true);
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const event = parsed.event;
      issues.push(...columnIssues(row, event, place), ...chain.check(event, row.body, place, parsed.intact));
    }
  }
  // A batch is one transaction: the database never holds an interrupted one.
  return { events, head: chain.head, issues, end: { kind: "clean" } };
};
