/**
 * The store conformance suite: what every EventStore must do, runnable by any implementation
 * under any test runner that has `describe` and `it` (vitest, node:test, …). Assertions use
 * node:assert, so the core does not depend on a test framework at run time.
 *
 *   describeStoreConformance({ describe, it, itFails: it.fails }, subject)
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import type { Catalog } from "../events/catalog.js";
import { GENESIS_HASH, type EventDraft, type StoredEvent } from "../events/envelope.js";
import { issue, type Issue } from "../events/issues.js";
import { hashOf, lineOf } from "../log/chain.js";
import { contentOf } from "../log/prepare-append.js";
import type { CorrectionView } from "../corrections/resolve.js";
import { defineProjection } from "../projection/projection.js";
import { replay } from "../projection/replay.js";
import { period } from "../time/period.js";
import type { EventStore, LockedLog } from "../log/store.js";
import { conformanceDraft, killWriterProcess, SHARED_WRITER_EVENT_ID, writerIds, type ProcessCommand, type WriterJob } from "./store-conformance-writers.js";

export * from "./store-conformance-writers.js";

type TestBody = () => Promise<void>;

/** The little of a test runner the suite needs. */
export interface ConformanceTestApi {
  readonly describe: (name: string, body: () => void) => void;
  readonly it: (name: string, body: TestBody, timeoutMs?: number) => void;
  /** A test expected to fail (vitest's `it.fails`): used for a store's known failures only. */
  readonly itFails?: (name: string, body: TestBody, timeoutMs?: number) => void;
  /** A test not run, with the reason in its name (vitest's `it.skip`). */
  readonly itSkip?: (name: string, body: TestBody) => void;
}

/** One log under test, freshly created and empty. */
export interface ConformanceLog {
  readonly store: EventStore;
  /** The store's own end-to-end check, every hash recomputed (`tertial verify`). */
  readonly verify: () => Promise<{ readonly events: number; readonly head: string; readonly issues: readonly Issue[] }>;
  /** Changes the stored data of the event at `seq` behind the store's back, as someone with access to the disk or database could. */
  readonly tamper: (seq: number) => Promise<void>;
  readonly close: () => Promise<void>;
}

/** When to kill a writer: `wait` resolves at that moment; `writerEnded` is aborted if the writer finishes first. */
export interface KillMoment<L> {
  readonly name: string;
  readonly wait: (log: L, writerEnded: AbortSignal) => Promise<void>;
}

/** A moment `ms` after the writer says it is appending. */
export const killAfterMs = (ms: number): KillMoment<unknown> => ({
  name: `${ms} ms after it starts appending`,
  wait: () => new Promise((resolve) => setTimeout(resolve, ms)),
});

export type ConformanceCase = "append-read" | "all-or-nothing" | "idempotent" | "corrections" | "expected-seq" | "precondition" | "known-at" | "read-types" | "concurrent-writers" | "tamper" | "killed-writer";

/** `L` is the subject's own handle on a log, e.g. with the file's path, handed back to its writers. */
export interface StoreConformanceSubject<L extends ConformanceLog = ConformanceLog> {
  readonly name: string;
  readonly catalog: Catalog;
  /**
   * A fresh, empty log whose store reads time from `clock`: once per append, as the built-in
   * stores do (the cases' clock moves a day per reading, and the known-at case counts on it).
   */
  readonly create: (clock: () => number) => Promise<L>;
  /** Writers appending at once: separate processes where the store allows it. */
  readonly concurrency: {
    readonly writers: number;
    readonly batches: number;
    readonly batchSize: number;
    readonly run: (log: L, jobs: readonly WriterJob[]) => Promise<void>;
  };
  /**
   * A writer process appending one batch, killed with SIGKILL at each of the store's moments in
   * turn (e.g. "while its INSERT runs"). Absent for stores that live in one process (memory):
   * there is nothing to kill.
   */
  readonly killWriter?: {
    readonly batchSize: number;
    /** The command line of a writer process that runs `runKilledWriterJob` on this log. */
    readonly command: (log: L, job: WriterJob) => ProcessCommand;
    readonly moments: readonly KillMoment<L>[];
  };
  /** Cases this store is known to fail today, each with the reason (an issue number): run as expected failures. */
  readonly knownFailures?: Partial<Record<ConformanceCase, string>>;
  /** Milliseconds a case may take. */
  readonly timeoutMs?: number;
}

const collect = async (events: AsyncIterable<StoredEvent>): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
};

const ids = (events: readonly StoredEvent[]): string[] => events.map((event) => event.id);

const collectViews = async (views: AsyncIterable<CorrectionView>): Promise<CorrectionView[]> => {
  const out: CorrectionView[] = [];
  for await (const view of views) out.push(view);
  return out;
};

/** Each municipality's names as the facts that count give them: a superseded fact and a retracted one count for nothing. */
const namesByMunicipality = defineProjection<Record<string, string[]>, Record<string, string[]>>({
  name: "conformance-municipality-names",
  description: "names of the municipalities established, by id",
  init: () => ({}),
  evolve: (state, event) => {
    if (event.type !== "reference.municipality-established") return state;
    const { municipalityId, name } = event.data as { municipalityId: string; name: string };
    (state[municipalityId] ??= []).push(name);
    return state;
  },
  result: (state) => state,
});

/** Seq from 0 without gaps, each prevHash the previous hash, each hash the event's own. */
const assertChained = (events: readonly StoredEvent[]): void => {
  let previous = GENESIS_HASH;
  events.forEach((event, index) => {
    strictEqual(event.seq, index, `seq of event ${event.id}`);
    strictEqual(event.prevHash, previous, `prevHash of event ${event.id}`);
    strictEqual(hashOf(event), event.hash, `hash of event ${event.id}`);
    previous = event.hash;
  });
};

const assertVerifies = async (log: ConformanceLog, events: readonly StoredEvent[]): Promise<void> => {
  const report = await log.verify();
  deepStrictEqual(report.issues, []);
  strictEqual(report.events, events.length);
  strictEqual(report.head, events[events.length - 1]?.hash ?? GENESIS_HASH);
};

const appended = async (store: EventStore, drafts: readonly EventDraft[]): Promise<readonly StoredEvent[]> => {
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(`append refused: ${outcome.issues.map((found) => found.message).join("; ")}`);
  return outcome.appended;
};

const batch = (prefix: string, size: number): EventDraft[] => Array.from({ length: size }, (_, index) => conformanceDraft(`${prefix}-${index}`));

/** Clock readings a day apart from 2020-09-01T08:00Z: each append records at the next one. */
const dailyClock = (): (() => number) => {
  let next = Date.parse("2020-09-01T08:00:00.000Z");
  return () => {
    const now = next;
    next += 24 * 3600 * 1000;
    return now;
  };
};

const cases = <L extends ConformanceLog>(subject: StoreConformanceSubject<L>): Record<ConformanceCase, { readonly name: string; readonly body?: TestBody; readonly skipReason?: string }> => {
  const withLog = (body: (log: L) => Promise<void>, clock: () => number = dailyClock()): TestBody => async () => {
    const log = await subject.create(clock);
    try {
      await body(log);
    } finally {
      await log.close();
    }
  };
  return {
    "append-read": {
      name: "appends events chained from the genesis hash and reads them back in order, from any seq",
      body: withLog(async (log) => {
        strictEqual((await log.store.head()).seq, -1);
        deepStrictEqual(await collect(log.store.read()), []);
        const first = await appended(log.store, batch("a", 3));
        const second = await appended(log.store, batch("b", 4));
        const events = await collect(log.store.read());
        // As the lines they are stored as: an event read back with an absent field as undefined is the same event.
        deepStrictEqual(events.map(lineOf), [...first, ...second].map(lineOf));
        assertChained(events);
        deepStrictEqual(ids(await collect(log.store.read({ fromSeq: 5 }))), ["b-2", "b-3"]);
        const head = await log.store.head();
        deepStrictEqual([head.seq, head.hash, head.recordedAt], [6, events[6]?.hash, events[6]?.recordedAt]);
        await assertVerifies(log, events);
      }),
    },
    "all-or-nothing": {
      name: "writes a batch whole or not at all: one invalid event and nothing of its batch lands",
      body: withLog(async (log) => {
        await appended(log.store, batch("a", 2));
        const before = await log.store.head();
        const outcome = await log.store.append([...batch("b", 3), { type: "reference.municipality-established", effectiveAt: "2017-01-01", id: "bad", data: { name: 7 } }]);
        strictEqual(outcome.ok, false);
        deepStrictEqual(await log.store.head(), before);
        deepStrictEqual(ids(await collect(log.store.read())), ["a-0", "a-1"]);
      }),
    },
    idempotent: {
      name: "treats an event appended again with the same id and content as present; refuses the id with other content",
      body: withLog(async (log) => {
        await appended(log.store, batch("a", 2));
        const again = await log.store.append([conformanceDraft("a-1"), conformanceDraft("c-0")]);
        ok(again.ok);
        deepStrictEqual([again.alreadyPresent, ids(again.appended)], [["a-1"], ["c-0"]]);
        const clash = await log.store.append([{ ...conformanceDraft("a-0"), data: { municipalityId: "a-0", name: "Another name" } }]);
        deepStrictEqual(clash.ok ? [] : clash.issues.map((found) => found.code), ["duplicate-id"]);
        deepStrictEqual(ids(await collect(log.store.read())), ["a-0", "a-1", "c-0"]);
      }),
    },
    "expected-seq": {
      name: "refuses an append whose expected last seq is not the log's, and writes nothing",
      body: withLog(async (log) => {
        await appended(log.store, batch("a", 2));
        const stale = await log.store.append(batch("b", 1), { expectedSeq: 0 });
        deepStrictEqual(stale.ok ? [] : stale.issues.map((found) => found.code), ["conflict"]);
        const fresh = await log.store.append(batch("b", 1), { expectedSeq: 1 });
        ok(fresh.ok);
        strictEqual((await log.store.head()).seq, 2);
      }),
    },
    precondition: {
      name: "checks an append's precondition under the log's lock, against the log as it stands: of appends racing on one condition, one lands",
      body: withLog(async (log) => {
        await appended(log.store, batch("a", 2));
        // Each may land only onto the head it names; all ask for seq 1, so the first to hold the lock changes it for the rest.
        const seen: number[] = [];
        const offered: (readonly string[])[] = [];
        const onHead = async (locked: LockedLog): Promise<readonly Issue[]> => {
          seen.push(locked.head.seq);
          if (locked.head.seq === 1 && locked.batchContents !== undefined) offered.push(locked.batchContents());
          const read: StoredEvent[] = [];
          for await (const event of locked.read()) read.push(event);
          strictEqual(read[read.length - 1]?.seq ?? -1, locked.head.seq);
          return locked.head.seq === 1 ? [] : [issue("conflict", "", "the head moved")];
        };
        const outcomes = await Promise.all(["b", "c", "d"].map((prefix) => log.store.append(batch(prefix, 1), { precondition: onHead })));
        deepStrictEqual(outcomes.map((outcome) => outcome.ok).filter(Boolean), [true]);
        deepStrictEqual([...seen].sort(), [1, 2, 2]);
        strictEqual((await log.store.head()).seq, 2);
        // Where a store offers the batch's fingerprints, they are those of the events it appended, in order.
        const landed = (await collect(log.store.read())).slice(2);
        for (const contents of offered) deepStrictEqual(contents, landed.map(contentOf));
      }),
    },
    corrections: {
      name: "keeps corrections: refuses one of an unknown or already corrected event, and its scan of corrections and reads after an anchor (where offered) agree with its read, so a replay counts each fact once",
      body: withLog(async (log) => {
        await appended(log.store, batch("a", 3));
        const unknown = await log.store.append([{ ...conformanceDraft("x-0"), supersedes: "no-such-event" }]);
        deepStrictEqual(unknown.ok ? [] : unknown.issues.map((found) => found.code), ["unknown-reference"]);
        await appended(log.store, [{ ...conformanceDraft("a-0-renamed"), data: { municipalityId: "a-0", name: "Kommun a-0, omdöpt" }, supersedes: "a-0" }]);
        await appended(log.store, [{ type: "log.event-retracted", effectiveAt: "2017-01-01", id: "r-a-1", retracts: "a-1", data: { reason: "fel kommun" } }]);
        const twice = await log.store.append([{ ...conformanceDraft("a-0-again"), data: { municipalityId: "a-0", name: "Kommun a-0 igen" }, supersedes: "a-0" }]);
        deepStrictEqual(twice.ok ? [] : twice.issues.map((found) => found.code), ["conflict"]);
        const events = await collect(log.store.read());
        deepStrictEqual(events.map((event) => [event.id, event.supersedes ?? null, event.retracts ?? null]), [
          ["a-0", null, null],
          ["a-1", null, null],
          ["a-2", null, null],
          ["a-0-renamed", "a-0", null],
          ["r-a-1", null, "a-1"],
        ]);
        const counted = await replay(log.store, subject.catalog, namesByMunicipality, { period: period("2017") });
        deepStrictEqual(counted, { "a-0": ["Kommun a-0, omdöpt"], "a-2": ["Kommun a-2"] });
        const scan = log.store.scanCorrections;
        if (scan !== undefined) {
          const corrections = await collectViews(scan(false));
          deepStrictEqual(
            corrections.filter((view) => view.supersedes !== undefined || view.retracts !== undefined).map((view) => [view.id, view.supersedes ?? null, view.retracts ?? null]),
            [["a-0-renamed", "a-0", null], ["r-a-1", null, "a-1"]],
          );
          deepStrictEqual((await collectViews(scan(true))).map((view) => [view.id, view.recordedAt]), events.map((event) => [event.id, event.recordedAt]));
        }
        const readAfter = log.store.readAfter;
        if (readAfter !== undefined) {
          const batches: { events: readonly StoredEvent[]; positionAt: (index: number) => string }[] = [];
          for await (const each of readAfter(undefined)) batches.push(each);
          deepStrictEqual(batches.flatMap((each) => each.events).map(lineOf), events.map(lineOf));
          const [where] = batches.flatMap((each) => each.events.map((event, index) => ({ event, position: () => each.positionAt(index) }))).filter(({ event }) => event.seq === 1);
          if (where === undefined) throw new Error("no event at seq 1");
          const after: StoredEvent[] = [];
          for await (const each of readAfter({ seq: 1, hash: where.event.hash, position: where.position() })) after.push(...each.events);
          deepStrictEqual(after.map(lineOf), events.slice(2).map(lineOf));
        }
      }),
    },
    "read-types": {
      name: "reads the events of some types exactly as a read filtered to them gives them, in order (a store offering readTypes)",
      body: withLog(async (log) => {
        const area = { type: "reference.area-established", effectiveAt: "2017-01-01", id: "area-fou", data: { areaId: "fou", name: "FoU" } };
        const cost = (id: string) => ({ type: "finance.cost-booked", effectiveAt: "2020-04-30", id, data: { areaId: "fou", from: "2020-04-01", to: "2020-04-30", amount: "1000" } });
        await appended(log.store, [...batch("a", 2), area, cost("cost-1")]);
        await appended(log.store, [...batch("b", 1), cost("cost-2")]);
        // Optional: a store without it is read whole where it would be used (a batch's relearning).
        const readTypes = log.store.readTypes;
        if (readTypes === undefined) return;
        const wanted = new Set([area.type, "finance.cost-booked"]);
        const all = await collect(log.store.read());
        deepStrictEqual(await collect(readTypes(wanted)), all.filter((event) => wanted.has(event.type)));
        deepStrictEqual(ids(await collect(readTypes(new Set(["finance.cost-booked"])))), ["cost-1", "cost-2"]);
        deepStrictEqual(await collect(readTypes(new Set())), []);
      }),
    },
    "known-at": {
      name: "reads the log as known at a date or an instant: exactly the events recorded by then",
      body: withLog(async (log) => {
        await appended(log.store, batch("a", 2)); // recorded 2020-09-01T08:00Z
        await appended(log.store, batch("b", 2)); // 2020-09-02T08:00Z
        await appended(log.store, batch("c", 1)); // 2020-09-03T08:00Z
        const knownAt = async (at: string): Promise<string[]> => ids(await collect(log.store.readKnownAt(at)));
        deepStrictEqual(await knownAt("2020-08-31"), []);
        deepStrictEqual(await knownAt("2020-09-01"), ["a-0", "a-1"]);
        deepStrictEqual(await knownAt("2020-09-02T07:59:59.999Z"), ["a-0", "a-1"]);
        deepStrictEqual(await knownAt("2020-09-02T08:00:00.000Z"), ["a-0", "a-1", "b-0", "b-1"]);
        deepStrictEqual(await knownAt("2020-09-02T10:00:00.000+02:00"), ["a-0", "a-1", "b-0", "b-1"]);
        deepStrictEqual(await knownAt("2020-09-03"), ["a-0", "a-1", "b-0", "b-1", "c-0"]);
      }),
    },
    "concurrent-writers": {
      name: `loses nothing under ${subject.concurrency.writers} concurrent writers × ${subject.concurrency.batches * subject.concurrency.batchSize} events, duplicates nothing, keeps the chain valid`,
      body: withLog(async (log) => {
        const { writers, batches, batchSize } = subject.concurrency;
        const jobs = Array.from({ length: writers }, (_, writer) => ({ writer, batches, batchSize }));
        await subject.concurrency.run(log, jobs);
        const events = await collect(log.store.read());
        assertChained(events);
        const found = ids(events);
        strictEqual(new Set(found).size, found.length, "no id twice");
        strictEqual(found.filter((id) => id === SHARED_WRITER_EVENT_ID).length, 1, "the shared event once");
        deepStrictEqual([...found].filter((id) => id !== SHARED_WRITER_EVENT_ID).sort(), jobs.flatMap(writerIds).sort());
        // Each writer's batches keep their order and stay contiguous: a batch is never interleaved.
        for (const job of jobs) {
          const own = found.filter((id) => id.startsWith(`w${job.writer}-`));
          deepStrictEqual(own, writerIds(job));
        }
        await assertVerifies(log, events);
      }, Date.now),
    },
    tamper: {
      name: "verify finds an event changed behind the store's back",
      body: withLog(async (log) => {
        await appended(log.store, batch("a", 5));
        const events = await collect(log.store.read());
        await assertVerifies(log, events);
        await log.tamper(2);
        const report = await log.verify();
        ok(report.issues.length > 0, "a tampered log must not verify");
        ok(
          report.issues.some((found) => found.code === "chain-broken" || found.code === "not-canonical"),
          `issues name the broken chain: ${report.issues.map((found) => found.code).join(", ")}`,
        );
      }),
    },
    "killed-writer": subject.killWriter === undefined
      ? { name: "a killed writer leaves no partial batch", skipReason: `${subject.name} lives in one process: there is no writer process to kill` }
      : {
          name: `a writer killed (SIGKILL) during a ${subject.killWriter.batchSize}-event append leaves the whole batch or none of it, and the log appendable`,
          body: withLog(async (log) => {
            const killer = subject.killWriter;
            if (killer === undefined) return;
            await appended(log.store, batch("before", 3));
            for (const [trial, moment] of killer.moments.entries()) {
              const head = await log.store.head();
              await killWriterProcess(killer.command(log, { writer: trial, batches: 1, batchSize: killer.batchSize }), (ended) => moment.wait(log, ended));
              const events = await collect(log.store.read());
              const added = events.length - (head.seq + 1);
              ok(added === 0 || added === killer.batchSize, `killed ${moment.name}: ${added} events of the batch landed`);
              await assertVerifies(log, events);
              const after = await log.store.append([conformanceDraft(`after-${trial}`)]);
              ok(after.ok, `an append after the kill must succeed: ${after.ok ? "" : after.issues.map((found) => found.message).join("; ")}`);
            }
          }, Date.now),
        },
  };
};

/** Registers the whole suite for one store. */
export const describeStoreConformance = <L extends ConformanceLog>(api: ConformanceTestApi, subject: StoreConformanceSubject<L>): void => {
  api.describe(`store conformance: ${subject.name}`, () => {
    for (const [key, spec] of Object.entries(cases(subject)) as [ConformanceCase, ReturnType<typeof cases<L>>[ConformanceCase]][]) {
      const known = subject.knownFailures?.[key];
      if (spec.body === undefined || spec.skipReason !== undefined) {
        api.itSkip?.(`${spec.name} (not applicable: ${spec.skipReason ?? ""})`, async () => undefined);
        continue;
      }
      if (known !== undefined) {
        if (api.itFails === undefined) throw new Error(`${subject.name} declares a known failure of "${key}" but the test API has no itFails`);
        api.itFails(`${spec.name} (known failure: ${known})`, spec.body, subject.timeoutMs);
      } else api.it(spec.name, spec.body, subject.timeoutMs);
    }
  });
};
