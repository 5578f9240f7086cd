import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, it } from "vitest";
import { defaultCatalog, initLog, jsonlStore, verifyLog } from "@tertial/core";
import { describeStoreConformance, killAfterMs, runWriterProcesses } from "@tertial/core/testing";
import { useTempDir } from "../foundation/temp-dir.js";
import { writerCommand } from "./process-command.js";

const tempDir = useTempDir();
const writer = new URL("./writer-process.ts", import.meta.url);

describeStoreConformance(
  { describe, it, itFails: it.fails, itSkip: it.skip },
  {
    name: "jsonl",
    catalog: defaultCatalog,
    timeoutMs: 180_000,
    create: async (clock) => {
      const path = join(await tempDir(), "events.jsonl");
      await initLog(path);
      return {
        store: jsonlStore({ path, catalog: defaultCatalog, clock }),
        verify: () => verifyLog(path, defaultCatalog),
        tamper: async (seq) => {
          const lines = (await readFile(path, "utf8")).split("\n");
          lines[seq] = (lines[seq] ?? "").replace("Kommun", "Komun");
          await writeFile(path, lines.join("\n"));
        },
        close: async () => undefined,
        path,
      };
    },
    concurrency: {
      writers: 4,
      batches: 3,
      batchSize: 10,
      run: (log, jobs) => runWriterProcesses(jobs.map((job) => writerCommand(writer, [log.path], "write", job))),
    },
    killWriter: {
      batchSize: 5000,
      command: (log, job) => writerCommand(writer, [log.path], "kill", job),
      moments: [killAfterMs(50), killAfterMs(400)],
    },
  },
);
