/**
 * One writer process of the store conformance suite, for the PostgreSQL store:
 *   writer-process.ts <postgres URL with ?log=> write|kill <job as JSON>
 */
import { defaultCatalog } from "@tertial/core";
import { runKilledWriterJob, runWriterJob, type WriterJob } from "@tertial/core/testing";
import { postgresStore } from "@tertial/store-postgres";

const [url, mode, jobText] = process.argv.slice(2);
if (url === undefined || jobText === undefined) throw new Error("usage: writer-process.ts <url> write|kill <job>");
const job = JSON.parse(jobText) as WriterJob;
const store = postgresStore({ location: url, catalog: defaultCatalog, maxConnections: 1 });
try {
  await (mode === "kill" ? runKilledWriterJob(store, job, (line) => process.stdout.write(line)) : runWriterJob(store, job));
} finally {
  await store.close();
}
