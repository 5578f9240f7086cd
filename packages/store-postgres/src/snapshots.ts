import { parseSnapshot, snapshotText, type SnapshotStore } from "@tertial/core";
import type { LogRef, Queryable } from "./rows.js";

/**
 * Snapshots kept in the database beside the log (`tertial_snapshots`, one row per plan and seq),
 * so every machine that reports from the log shares them. A cache, trusted as the log's own
 * table is: a row that cannot be read is skipped (and said so), never used.
 */
export const postgresSnapshots = (db: Queryable, ref: LogRef, onIgnored: (where: string, problem: string) => void = () => undefined): SnapshotStore => ({
  nearest: async (plan, cutoffMs) => {
    const rows = await db.query<{ seq: string; body: string }>(
      "SELECT seq, body FROM tertial_snapshots WHERE log = $1 AND plan = $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3::timestamptz) ORDER BY seq DESC LIMIT 5",
      [ref.log, plan, cutoffMs === undefined ? null : new Date(cutoffMs).toISOString()],
    );
    for (const row of rows.rows) {
      const where = `${ref.display} (snapshot after seq ${row.seq})`;
      const parsed = parseSnapshot(row.body, plan, where);
      if (typeof parsed !== "string") return parsed;
      onIgnored(where, parsed);
    }
    return undefined;
  },
  save: async (snapshot) => {
    await db.query(
      `INSERT INTO tertial_snapshots (log, plan, seq, recorded_at, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (log, plan, seq) DO UPDATE SET recorded_at = EXCLUDED.recorded_at, body = EXCLUDED.body`,
      [ref.log, snapshot.plan, snapshot.anchor.seq, snapshot.recordedAt, snapshotText(snapshot)],
    );
  },
});
