import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, GENESIS_HASH, initLog, jsonlStore, lineOf, LogReadError, logExists, memoryStore, verifyLog, type EventDraft, type EventStore, type StoredEvent } from "@tertial/core";
import { arbFoundationLog, referencePreamble } from "@tertial/core/testing";
import { ids, opened, seededStore, tickingClock } from "./helpers.js";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
const preamble = (): EventDraft[] => referencePreamble().map((draft, index) => ({ ...draft, id: `pre${index}` }));

const collect = async (source: { read: EventStore["read"] }, fromSeq?: number): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const event of source.read(fromSeq === undefined ? undefined : { fromSeq })) out.push(event);
  return out;
};

const fileStore = async (clock = tickingClock()) => {
  const path = join(await tempDir(), "events.jsonl");
  await initLog(path);
  return jsonlStore({ path, catalog: defaultCatalog, clock, newId: () => "generated" });
};

describe.each([
  ["memory", async (clock?: () => number) => memoryStore({ catalog: defaultCatalog, clock: clock ?? tickingClock(), newId: () => "generated" })],
  ["jsonl", fileStore],
] as const)("the %s store", (_name, makeStore) => {
  it("chains events from the genesis hash, with gap-free seq", async () => {
    const store = await makeStore();
    const outcome = await store.append(preamble());
    expect(outcome.ok).toBe(true);
    const events = await collect(store);
    expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
    expect(events[0]?.prevHash).toBe(GENESIS_HASH);
    events.slice(1).forEach((event, index) => expect(event.prevHash).toBe(events[index]?.hash));
    expect(await store.head()).toMatchObject({ seq: events.length - 1, hash: events[events.length - 1]?.hash });
    expect(ids(await collect(store, 5))).toEqual(ids(events.slice(5)));
  });

  it("appending the same event twice is a no-op, not a duplicate", async () => {
    const store = await makeStore();
    await store.append(preamble());
    const first = await store.append([opened("o1", "p1", "2020-01-01")]);
    const again = await store.append([opened("o1", "p1", "2020-01-01"), opened("o2", "p2", "2020-01-01")]);
    expect(first.ok && first.appended.length).toBe(1);
    expect(again.ok && [again.alreadyPresent, ids(again.appended)]).toEqual([["o1"], ["o2"]]);
    expect(ids(await collect(store)).filter((id) => id.startsWith("o"))).toEqual(["o1", "o2"]);
  });

  it("refuses an id reused with other content, and writes nothing of the batch", async () => {
    const store = await makeStore();
    await store.append(preamble());
    const before = await store.head();
    const outcome = await store.append([opened("o1", "p1", "2020-01-01"), opened("pre0", "p2", "2020-01-01")]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.eventId])).toEqual([["duplicate-id", "pre0"]]);
    expect(await store.head()).toEqual(before);
  });

  it("keeps transaction time monotonic even when the clock goes back", async () => {
    let now = Date.parse("2020-09-02T08:00:00Z");
    const store = await makeStore(() => now);
    await store.append(preamble().slice(0, 1));
    now = Date.parse("2020-09-01T08:00:00Z");
    await store.append(preamble().slice(1, 2));
    const [a, b] = await collect(store);
    expect(b?.recordedAt).toBe(a?.recordedAt);
  });

  it("accepts an imported recordedAt only between the last event and now", async () => {
    const store = await makeStore(() => Date.parse("2020-09-10T00:00:00Z"));
    await store.append([{ ...preamble()[0]!, recordedAt: "2020-09-05T00:00:00+02:00" }]);
    const back = await store.append([{ ...preamble()[1]!, recordedAt: "2020-09-04T00:00:00Z" }]);
    const future = await store.append([{ ...preamble()[1]!, recordedAt: "2020-09-11T00:00:00Z" }]);
    expect(back.ok ? [] : back.issues.map((found) => [found.code, found.path])).toEqual([["out-of-order", "recordedAt"]]);
    expect(future.ok ? [] : future.issues.map((found) => [found.code, found.path, found.message])).toEqual([["invalid-field", "recordedAt", "is in the future"]]);
    expect((await collect(store))[0]?.recordedAt).toBe("2020-09-04T22:00:00.000Z");
  });

  it("checks ids and imported recordedAt across the drafts of one batch too", async () => {
    const store = await makeStore(() => Date.parse("2020-09-10T00:00:00Z"));
    const [a, b, c] = preamble();
    const outcome = await store.append([
      { ...a!, recordedAt: "2020-09-05T00:00:00Z" },
      { ...b!, recordedAt: "2020-09-04T23:59:59.999Z" },
      { ...c!, id: a!.id ?? "" },
      { ...a!, recordedAt: "2020-09-06T00:00:00Z" },
    ]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.path, found.eventId])).toEqual([
      ["out-of-order", "recordedAt", "pre1"],
      ["duplicate-id", "id", "pre0"],
    ]);
    expect((await store.head()).seq).toBe(-1);
    const fine = await store.append([{ ...a!, recordedAt: "2020-09-05T00:00:00Z" }, { ...b!, recordedAt: "2020-09-05T00:00:00Z" }, { ...a!, recordedAt: "2020-09-06T00:00:00Z" }]);
    expect(fine.ok && [ids(fine.appended), fine.alreadyPresent]).toEqual([["pre0", "pre1"], ["pre0"]]);
  });

  it("fails an append whose expected seq is stale, writing nothing", async () => {
    const store = await makeStore();
    await store.append(preamble().slice(0, 2));
    const outcome = await store.append(preamble().slice(2, 3), { expectedSeq: 0 });
    expect(outcome.ok ? [] : outcome.issues.map((found) => found.code)).toEqual(["conflict"]);
    expect((await store.append(preamble().slice(2, 3), { expectedSeq: 1 })).ok).toBe(true);
  });

  it("reads only what was recorded by a known-at date", async () => {
    const store = await makeStore(tickingClock(Date.parse("2020-10-15T21:59:58.000Z")));
    for (const draft of preamble().slice(0, 4)) await store.append([draft]);
    expect(ids(await collectKnownAt(store, "2020-10-15"))).toEqual(["pre0", "pre1"]);
    expect(ids(await collectKnownAt(store, "2020-10-15T22:00:00.000Z"))).toEqual(["pre0", "pre1", "pre2"]);
    expect(() => store.readKnownAt("igår")).toThrow(RangeError);
  });
});

const collectKnownAt = async (store: EventStore, knownAt: string): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for await (const event of store.readKnownAt(knownAt)) out.push(event);
  return out;
};

describe("memory and file stores agree", () => {
  it("the same drafts and clock give the same bytes in both, and the file verifies (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 8 }), async (script) => {
        const at = script.entries.map((entry) => entry.at);
        const clockFor = () => {
          let index = 0;
          return () => at[Math.min(index++, at.length - 1)] ?? 0;
        };
        const memory = memoryStore({ catalog: defaultCatalog, clock: clockFor() });
        const file = await fileStore(clockFor());
        for (const entry of script.entries) {
          const [a, b] = [await memory.append([entry.draft]), await file.append([entry.draft])];
          expect(a.ok).toBe(b.ok);
        }
        const [m, f] = [await collect(memory), await collect(file)];
        expect(f.map(lineOf)).toEqual(m.map(lineOf));
        expect((await readFile(file.path, "utf8")).split("\n").slice(0, -1)).toEqual(m.map(lineOf));
        expect((await verifyLog(file.path, defaultCatalog)).issues).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the JSONL file store", () => {
  it("refuses to read past a torn last line, and says where", async () => {
    const store = await fileStore();
    await store.append(preamble().slice(0, 2));
    await writeFile(store.path, `${await readFile(store.path, "utf8")}{"id":`);
    await expect(collect(store)).rejects.toBeInstanceOf(LogReadError);
    await expect(collect(store)).rejects.toMatchObject({ issues: [expect.objectContaining({ code: "torn-line", line: 3 })] });
  });

  it("refuses a log whose seq has a gap", async () => {
    const store = await fileStore();
    await store.append(preamble().slice(0, 3));
    const lines = (await readFile(store.path, "utf8")).split("\n");
    await writeFile(store.path, `${[lines[0], lines[2]].join("\n")}\n`);
    await expect(collect(store)).rejects.toMatchObject({ issues: [expect.objectContaining({ code: "chain-broken", line: 2 })] });
  });

  it("refuses to append to a log that was never created, saying how to create it, and creates nothing", async () => {
    const path = join(await tempDir(), "missing.jsonl");
    const outcome = await jsonlStore({ path, catalog: defaultCatalog }).append(preamble().slice(0, 1));
    expect(outcome).toEqual({ ok: false, issues: [expect.objectContaining({ code: "io", file: path, message: expect.stringMatching(/no log at .*missing\.jsonl: create it first with initLog \(or tertial init\)/) })] });
    expect(await logExists(path)).toBe(false);
  });

  it("init never overwrites a log", async () => {
    const store = await fileStore();
    await store.append(preamble().slice(0, 1));
    await expect(initLog(store.path)).rejects.toMatchObject({ code: "EEXIST" });
    expect((await collect(store)).length).toBe(1);
  });
});

describe("seeded memory store", () => {
  it("holds the preamble", async () => {
    expect((await collect(await seededStore())).length).toBe(referencePreamble().length);
  });
});
