import pg from "pg";
import { describe, it } from "vitest";
import { defaultCatalog } from "@tertial/core";
import { describeStoreConformance, killWriterProcess, runWriterProcesses } from "@tertial/core/testing";
import { postgresStore } from "@tertial/store-postgres";
import { writerCommand } from "../../core/test/store-conformance/process-command.js";
import { freshLogUrl } from "./helpers.js";

const writer = new URL("./writer-process.ts", import.meta.url);

describeStoreConformance(
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
      delaysMs: [50, 300, 1000],
      run: (log, job, delayMs) => killWriterProcess(writerCommand(writer, [log.url], "kill", job), delayMs),
    },
  },
);
