import pg from "pg";
import { describe, it } from "vitest";
import { defaultCatalog } from "@tertial/core";
import { describeStoreConformance, killAfterMs, runWriterProcesses, type ConformanceLog } from "@tertial/core/testing";
import { postgresStore, type PostgresStore } from "@tertial/store-postgres";
import { writerCommand } from "../../core/test/store-conformance/process-command.js";
import { freshLogUrl } from "./helpers.js";

const writer = new URL("./writer-process.ts", import.meta.url);

interface PostgresLog extends ConformanceLog {
  readonly url: string;
  readonly store: PostgresStore;
}

const withApplicationName = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.searchParams.set("application_name", name);
  return parsed.toString();
};

const killedWriterName = (log: PostgresLog, writer: number): string => `killed-${log.store.location.log.slice(-12)}-${writer}`;

/**
 * Resolves when the killed writer's connection shows `condition` in pg_stat_activity (`skip` more
 * sightings first, so the kill lands later in the same phase): the kill then provably lands inside
 * the append's transaction. Fails if the writer finished before.
 */
const whenSeen = async (log: PostgresLog, ended: AbortSignal, condition: string, skip: number): Promise<void> => {
  const client = new pg.Client({ connectionString: log.store.location.connectionString });
  await client.connect();
  try {
    let seen = 0;
    for (;;) {
      if (ended.aborted) throw new Error(`the writer finished before pg_stat_activity showed ${condition}`);
      const found = await client.query(`SELECT 1 FROM pg_stat_activity WHERE application_name LIKE $1 AND ${condition}`, [`killed-${log.store.location.log.slice(-12)}-%`]);
      if (found.rowCount !== null && found.rowCount > 0 && ++seen > skip) return;
    }
  } finally {
    await client.end();
  }
};

describeStoreConformance<PostgresLog>(
  { describe, it, itFails: it.fails, itSkip: it.skip },
  {
    name: "postgres",
    catalog: defaultCatalog,
    timeoutMs: 180_000,
    create: async (clock) => {
      const url = freshLogUrl("conformance");
      const store = postgresStore({ location: url, catalog: defaultCatalog, clock });
      await store.create();
      return {
        url,
        store,
        verify: () => store.verify(defaultCatalog),
        tamper: async (seq) => {
          const client = new pg.Client({ connectionString: store.location.connectionString });
          await client.connect();
          try {
            await client.query("UPDATE tertial_events SET body = replace(body, 'Kommun', 'Komun') WHERE log = $1 AND seq = $2", [store.location.log, seq]);
          } finally {
            await client.end();
          }
        },
        close: () => store.close(),
      };
    },
    concurrency: {
      writers: 8,
      batches: 5,
      batchSize: 50,
      run: (log, jobs) => runWriterProcesses(jobs.map((job) => writerCommand(writer, [log.url], "write", job))),
    },
    killWriter: {
      batchSize: 5000,
      command: (log, job) => writerCommand(writer, [withApplicationName(log.url, killedWriterName(log, job.writer))], "kill", job),
      moments: [
        killAfterMs(50),
        // After BEGIN and the lock, the writer reads the log and validates its batch with the transaction
        // open: a window as long as the validation, unlike the instant the lock query itself shows.
        { name: "while it holds the log's lock, before inserting", wait: (log, ended) => whenSeen(log, ended, "state = 'idle in transaction' AND query <> 'BEGIN' AND query NOT LIKE 'INSERT INTO tertial_events%'", 0) },
        { name: "while its INSERT runs, before COMMIT", wait: (log, ended) => whenSeen(log, ended, "query LIKE 'INSERT INTO tertial_events%'", 1) },
        { name: "after it inserted its first rows, before COMMIT", wait: (log, ended) => whenSeen(log, ended, "query LIKE 'INSERT INTO tertial_events%'", 2) },
      ],
    },
  },
);
