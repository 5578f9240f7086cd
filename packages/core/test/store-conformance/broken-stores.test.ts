import { describe, it } from "vitest";
import { defaultCatalog, memoryStore, type CorrectionView, type EventBatch, type EventStore } from "@tertial/core";
import { describeStoreConformance, runWriterJob, type StoreConformanceSubject } from "@tertial/core/testing";

/**
 * The suite must fail a store that gets corrections wrong: each store here is the memory store
 * with one part broken, and the case that must catch it is declared a known failure (so it runs
 * as an expected failure, and this test fails if the case ever passes for it).
 */
const brokenSubject = (name: string, breakStore: (store: EventStore) => EventStore): StoreConformanceSubject => ({
  name,
  catalog: defaultCatalog,
  create: async (clock) => {
    const store = breakStore(memoryStore({ catalog: defaultCatalog, clock }));
    return { store, verify: async () => ({ events: 0, head: "", issues: [], end: { kind: "clean" } }), tamper: async () => undefined, close: async () => undefined };
  },
  concurrency: { writers: 2, batches: 1, batchSize: 2, run: async (log, jobs) => void (await Promise.all(jobs.map((job) => runWriterJob(log.store, job)))) },
  knownFailures: { corrections: "the part of it this store breaks", "append-read": "its verify says nothing", "concurrent-writers": "its verify says nothing", tamper: "its verify says nothing" },
});

const empty = async function* (): AsyncGenerator<never> {};

describeStoreConformance(
  { describe, it, itFails: it.fails, itSkip: it.skip },
  brokenSubject("a store whose scan of corrections finds none", (store) => ({ ...store, scanCorrections: (): AsyncIterable<CorrectionView> => empty() })),
);

describeStoreConformance(
  { describe, it, itFails: it.fails, itSkip: it.skip },
  brokenSubject("a store whose reads after an anchor start from the beginning", (store) => ({
    ...store,
    readAfter: (): AsyncIterable<EventBatch> =>
      (async function* () {
        const events = [];
        for await (const event of store.read()) events.push(event);
        yield { events, positionAt: (index: number) => String(index) };
      })(),
  })),
);
