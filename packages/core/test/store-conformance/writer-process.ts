/**
 * One writer process of the store conformance suite, for the JSONL store:
 *   writer-process.ts <log path> write|kill <job as JSON>
 */
import { defaultCatalog, jsonlStore } from "@tertial/core";
import { runKilledWriterJob, runWriterJob, type WriterJob } from "@tertial/core/testing";

const [path, mode, jobText] = process.argv.slice(2);
if (path === undefined || jobText === undefined) throw new Error("usage: writer-process.ts <log> write|kill <job>");
const job = JSON.parse(jobText) as WriterJob;
const store = jsonlStore({ path, catalog: defaultCatalog, lockTimeoutMs: 120_000 });
await (mode === "kill" ? runKilledWriterJob(store, job, (line) => process.stdout.write(line)) : runWriterJob(store, job));
