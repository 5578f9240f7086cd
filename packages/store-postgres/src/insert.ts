import { contentOf, lineOf, parseInstant, type StoredEvent } from "@tertial/core";
import type { Queryable } from "./rows.js";

/** Rows per INSERT: one round trip per this many events, well under the parameter limits. */
const ROWS_PER_STATEMENT = 1000;

const instantOf = (event: StoredEvent): string => {
  const ms = parseInstant(event.recordedAt);
  if (ms === undefined) throw new RangeError(`event ${event.id}: recordedAt "${event.recordedAt}" is not an instant`);
  return new Date(ms).toISOString();
};

/** Writes sealed events as they are: body is the canonical line, the columns repeat its keys and its content fingerprint. */
export const insertEvents = async (db: Queryable, log: string, events: readonly StoredEvent[]): Promise<void> => {
  for (let start = 0; start < events.length; start += ROWS_PER_STATEMENT) {
    const chunk = events.slice(start, start + ROWS_PER_STATEMENT);
    await db.query(
      `INSERT INTO tertial_events (log, seq, id, type, recorded_at, prev_hash, hash, body, content)
       SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::text[])`,
      [
        log,
        chunk.map((event) => event.seq),
        chunk.map((event) => event.id),
        chunk.map((event) => event.type),
        chunk.map(instantOf),
        chunk.map((event) => event.prevHash),
        chunk.map((event) => event.hash),
        chunk.map(lineOf),
        chunk.map(contentOf),
      ],
    );
  }
};
