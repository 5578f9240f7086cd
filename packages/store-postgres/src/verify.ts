import { ChainCheck, contentOf, issue, parseInstant, parseStoredLine, type Catalog, type Issue, type StoredEvent, type VerifyReport } from "@tertial/core";
import type pg from "pg";
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

/** Adds an issue when a column that indexes a row disagrees with the event its body holds. */
const compareColumn = (issues: Issue[], place: { file: string; line: number }, field: string, column: string, fromBody: string): void => {
  if (column !== fromBody) issues.push(issue("chain-broken", field, `the row's ${field} column disagrees with its stored event: the row was changed`, { ...place, expected: fromBody, actual: column }));
};

/** Where the columns that index a row disagree with the event its body holds; nothing is allocated for a row that agrees. */
const checkColumns = (issues: Issue[], row: VerifyRow, event: StoredEvent, file: string, line: number): void => {
  const place = { file, line };
  compareColumn(issues, place, "seq", row.seq, String(event.seq));
  compareColumn(issues, place, "id", row.id, event.id);
  compareColumn(issues, place, "type", row.type, event.type);
  compareColumn(issues, place, "prevHash", row.prev_hash, event.prevHash);
  compareColumn(issues, place, "hash", row.hash, event.hash);
  compareColumn(issues, place, "recordedAt", row.recorded_ms, String(parseInstant(event.recordedAt)));
  if (row.content !== null) compareColumn(issues, place, "content", row.content, contentOf(event));
};

const PAGE_SQL = `SELECT seq::text, id, type, (extract(epoch FROM recorded_at) * 1000)::bigint::text AS recorded_ms, prev_hash, hash, body, content
   FROM tertial_events WHERE log = $1 AND tertial_events.seq >= $2 AND tertial_events.seq <= $3 ORDER BY tertial_events.seq`;

/**
 * `verify` run on the database, streaming, with the file verifier's checks: every body canonical
 * and parseable, seq gap-free, each prevHash the previous hash, each hash recomputed, ids unique,
 * transaction time never going back, data valid for its type (with a catalog); and, for a table,
 * the key columns agreeing with the body. Issues name the log's location and the event's place
 * (line N is the N-th event, seq N-1). Keeps going after a problem so one run lists them all.
 */
export const verifyRows = async (db: Queryable, ref: LogRef, pageSize: number, catalog?: Catalog): Promise<VerifyReport> => {
  const issues: Issue[] = [];
  const chain = new ChainCheck("event", catalog, { idsAtEnd: true });
  let expectedSeq = 0;
  let events = 0;
  const last = await db.query<{ seq: string | null }>("SELECT max(seq) AS seq FROM tertial_events WHERE log = $1", [ref.log]);
  const lastSeq = last.rows[0]?.seq === null || last.rows[0]?.seq === undefined ? -1 : Number(last.rows[0].seq);
  // Pages are ranges of seq (see readRows); rows with a negative seq cannot exist (CHECK).
  const fetchPage = (from: number): Promise<pg.QueryResult<VerifyRow>> => {
    const page = db.query<VerifyRow>(PAGE_SQL, [ref.log, from, from + pageSize - 1]);
    // Awaited below; should the checks throw first, its failure must not crash the process.
    page.catch(() => undefined);
    return page;
  };
  // The next page is fetched while this one is checked, as readRows does: the server and Node overlap.
  let pending = lastSeq >= 0 ? fetchPage(0) : undefined;
  for (let from = 0; pending !== undefined; from += pageSize) {
    const page = await pending;
    pending = from + pageSize <= lastSeq ? fetchPage(from + pageSize) : undefined;
    for (const row of page.rows) {
      const rowSeq = Number(row.seq);
      const line = events + 1;
      events += 1;
      if (rowSeq !== expectedSeq) issues.push(issue("chain-broken", "seq", `expected seq ${expectedSeq}: an event was deleted or moved`, { file: ref.display, line, actual: row.seq }));
      expectedSeq = rowSeq + 1;
      const parsed = parseStoredLine(ref.display, row.body, line, true);
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const event = parsed.event;
      checkColumns(issues, row, event, ref.display, line);
      const found = chain.problems(event, row.body, ref.display, line, parsed.intact);
      if (found !== undefined) issues.push(...found);
    }
  }
  // A batch is one transaction: the database never holds an interrupted one.
  return { events, head: chain.head, issues: chain.withRepeatedIds(issues), end: { kind: "clean" } };
};
