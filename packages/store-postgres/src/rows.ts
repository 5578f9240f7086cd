import type pg from "pg";
import { changedLineIssue, GENESIS_HASH, issue, LogBrokenError, LogReadError, parseStoredLine, type LogHead, type StoredEvent } from "@tertial/core";

/** Anything that runs a query: the pool, or the one client of an open transaction. */
export type Queryable = Pick<pg.ClientBase, "query">;

export interface LogRef {
  readonly log: string;
  /** The location as shown in issues, where a file store shows its path. */
  readonly display: string;
}

export interface EventRow {
  readonly seq: number;
  readonly body: string;
}

/**
 * Rows in seq order, one page at a time: a keyset cursor on (log, seq), so a long read holds no
 * transaction or connection open between pages and a slow consumer never blocks writers. The
 * upper bound is the head when the read began, so a read is one consistent prefix of the log even
 * while other processes append. A page is a range of seq, not a LIMIT: the primary key then
 * bounds the work of every page, whatever the planner's statistics say (seq has no gaps, so a
 * range of n seq is n rows; a gap left by tampering only makes a page shorter).
 */
export async function* readRows(db: Queryable, ref: LogRef, fromSeq: number, toSeq: number, pageSize: number): AsyncGenerator<EventRow> {
  const fetchPage = (from: number): Promise<pg.QueryResult<{ seq: string; body: string }>> => {
    const page = db.query<{ seq: string; body: string }>("SELECT seq, body FROM tertial_events WHERE log = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq", [ref.log, from, Math.min(toSeq, from + pageSize - 1)]);
    // Awaited below, unless the reader stops early: then its failure must not crash the process.
    page.catch(() => undefined);
    return page;
  };
  // The next page is fetched while the reader works through this one: the server and Node overlap.
  let from = Math.max(fromSeq, 0);
  let pending = from <= toSeq ? fetchPage(from) : undefined;
  while (pending !== undefined) {
    const page = await pending;
    from += pageSize;
    pending = from <= toSeq ? fetchPage(from) : undefined;
    for (const row of page.rows) yield { seq: Number(row.seq), body: row.body };
  }
}

/** The 1-based position shown as the "line" of an event in issues: its place in the log. */
export const lineOfSeq = (seq: number): number => seq + 1;

/** A row's event, and whether its body's exact bytes hash to its hash (see parseStoredLine). */
export const parseRowChecked = (ref: LogRef, row: EventRow): { readonly event: StoredEvent; readonly intact: boolean } => {
  const parsed = parseStoredLine(ref.display, row.body, lineOfSeq(row.seq), true);
  if (!parsed.ok) throw new LogReadError(parsed.issues);
  return parsed;
};

export const parseRow = (ref: LogRef, row: EventRow): StoredEvent => parseRowChecked(ref, row).event;

/**
 * Refuses a row whose body's exact bytes do not hash to its hash: a changed body, or one no longer
 * canonical JSON (rewritten by hand, or by a tool that re-serialises), as a file store refuses
 * such a line and as verify names it.
 */
const requireIntact = (ref: LogRef, row: EventRow, { event, intact }: { readonly event: StoredEvent; readonly intact: boolean }): void => {
  if (!intact) throw new LogBrokenError([changedLineIssue(ref.display, row.body, lineOfSeq(row.seq), event, "row")]);
};

export const headOf = async (db: Queryable, ref: LogRef): Promise<LogHead> => {
  const found = await db.query<{ seq: string; body: string }>("SELECT seq, body FROM tertial_events WHERE log = $1 ORDER BY seq DESC LIMIT 1", [ref.log]);
  const row = found.rows[0];
  if (row === undefined) return { seq: -1, hash: GENESIS_HASH };
  const event = parseRow(ref, { seq: Number(row.seq), body: row.body });
  return { seq: event.seq, hash: event.hash, recordedAt: event.recordedAt };
};

const hashBefore = async (db: Queryable, ref: LogRef, seq: number): Promise<string> => {
  if (seq <= 0) return GENESIS_HASH;
  const found = await db.query<{ hash: string }>("SELECT hash FROM tertial_events WHERE log = $1 AND seq = $2", [ref.log, seq - 1]);
  return found.rows[0]?.hash ?? "";
};

/**
 * Events from `fromSeq` to `toSeq`, each checked as the file store checks its lines: seq
 * gap-free, each prevHash the previous hash, and each body hashing to its own hash, so a row
 * changed in the database stops every read (exit 4) instead of reaching a report.
 */
export async function* readEvents(db: Queryable, ref: LogRef, fromSeq: number, toSeq: number, pageSize: number): AsyncGenerator<StoredEvent> {
  const start = Math.max(fromSeq, 0);
  let expectedSeq = start;
  let previousHash = start > toSeq ? "" : await hashBefore(db, ref, start);
  for await (const row of readRows(db, ref, start, toSeq, pageSize)) {
    const checked = parseRowChecked(ref, row);
    const { event } = checked;
    const place = { file: ref.display, line: lineOfSeq(row.seq) };
    if (row.seq !== expectedSeq || event.seq !== row.seq) {
      throw new LogBrokenError([issue("chain-broken", "seq", `expected seq ${expectedSeq}; run tertial verify`, { ...place, actual: String(event.seq) })]);
    }
    if (event.prevHash !== previousHash) throw new LogBrokenError([issue("chain-broken", "prevHash", "does not match the previous event's hash; run tertial verify", place)]);
    requireIntact(ref, row, checked);
    expectedSeq += 1;
    previousHash = event.hash;
    yield event;
  }
  if (expectedSeq <= toSeq) throw new LogBrokenError([issue("chain-broken", "seq", `expected seq ${expectedSeq}; run tertial verify`, { file: ref.display, line: lineOfSeq(expectedSeq) })]);
}

/**
 * The events of these types among seqs 0..toSeq, in order, each body checked against its own hash
 * (not against its neighbours), found by the (log, type, seq) index a page at a time: what an
 * append needs again of a log it has verified up to its head (the facts the rules learn from).
 */
export async function* readEventsOfTypes(db: Queryable, ref: LogRef, types: readonly string[], toSeq: number, pageSize: number): AsyncGenerator<StoredEvent> {
  if (types.length === 0) return;
  for (let after = -1; ; ) {
    const page = await db.query<{ seq: string; body: string }>(
      "SELECT seq, body FROM tertial_events WHERE log = $1 AND type = ANY($2::text[]) AND seq > $3 AND seq <= $4 ORDER BY seq LIMIT $5",
      [ref.log, types, after, toSeq, pageSize],
    );
    for (const row of page.rows) {
      const read = { seq: Number(row.seq), body: row.body };
      const checked = parseRowChecked(ref, read);
      const { event } = checked;
      requireIntact(ref, read, checked);
      yield event;
    }
    if (page.rows.length < pageSize) return;
    after = Number(page.rows[page.rows.length - 1]?.seq);
  }
}
