import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "vitest";
import { defaultCatalog, lineOf, memoryStore, verifyLog, type StoredEvent } from "@tertial/core";
import { describeStoreConformance, runWriterJob } from "@tertial/core/testing";
import { useTempDir } from "../foundation/temp-dir.js";

const tempDir = useTempDir();

describeStoreConformance(
  { describe, it, itFails: it.fails, itSkip: it.skip },
  {
    name: "memory",
    catalog: defaultCatalog,
    create: async (clock) => {
      const store = memoryStore({ catalog: defaultCatalog, clock });
      return {
        store,
        // A memory log has no bytes of its own: verify checks them as a file would hold them.
        verify: async () => {
          const path = join(await tempDir(), "memory.jsonl");
          await writeFile(path, store.events().map((event) => `${lineOf(event)}\n`).join(""));
          return verifyLog(path, defaultCatalog);
        },
        tamper: async (seq) => {
          const events = store.events() as StoredEvent[];
          const target = events[seq];
          if (target === undefined) throw new Error(`no event at seq ${seq}`);
          events[seq] = { ...target, data: { ...(target.data as object), name: "Tampered" } };
        },
        close: async () => undefined,
      };
    },
    concurrency: {
      writers: 8,
      batches: 5,
      batchSize: 20,
      // One process: the writers interleave their appends on the one store.
      run: async (log, jobs) => {
        await Promise.all(jobs.map((job) => runWriterJob(log.store, job)));
      },
    },
  },
);
