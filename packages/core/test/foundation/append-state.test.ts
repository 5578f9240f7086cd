import { appendFile, copyFile, readdir, readFile, rm, truncate, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { deserialize, serialize } from "node:v8";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  APPEND_STATE_FORMAT,
  contentOf,
  contentsPath,
  createCatalog,
  decodeAppendCore,
  defaultCatalog,
  encodeAppendCore,
  forgetAppendState,
  initLog,
  jsonlStore,
  learnLog,
  lineOf,
  loadAppendState,
  prepareAppend,
  saveAppendState,
  sealed,
  statePath,
  type AppendOutcome,
  type EventDraft,
  type StoredEvent,
} from "@tertial/core";
import { arbFoundationLog } from "@tertial/core/testing";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
const EXAMPLE = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2020/events.jsonl");
const municipality = (id: string): EventDraft => ({ id, type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } });

/** Small limits file every rule collection but an empty one and journal up to three changes, so few appends go every way. */
const SMALL_LIMITS = { journalLimit: 3, rulesFiledFrom: 1, rulesJournalLimit: 3 };

const fileStore = async (name: string, clock: () => number, limits: Pick<Parameters<typeof jsonlStore>[0], "journalLimit" | "rulesFiledFrom" | "rulesJournalLimit"> = {}) => {
  const path = join(await tempDir(), name);
  await initLog(path);
  let generated = 0;
  return jsonlStore({ path, catalog: defaultCatalog, clock, newId: () => `generated-${(generated += 1)}`, ...limits });
};

/**
 * Drafts that may well be refused, aimed at what the saved state answers: an id reused with
 * other content, a retraction or a correction of an earlier (maybe already corrected) event.
 */
const arbTroublemaker = fc.record({ target: fc.nat(), kind: fc.constantFrom("reuse", "retract", "supersede", "retract-retraction"), id: fc.nat({ max: 5 }) });
const troublemaker = (drafts: readonly EventDraft[], made: { target: number; kind: string; id: number }): EventDraft => {
  const target = drafts[made.target % Math.max(1, drafts.length)] ?? municipality("nobody");
  const targetId = target.id ?? "nobody";
  if (made.kind === "reuse") return { ...target, data: { ...(target.data as object), troublemaker: true } };
  if (made.kind === "supersede") return { ...target, id: `s${made.id}`, supersedes: targetId };
  const retracts = made.kind === "retract" ? targetId : `r${made.id}`;
  return { id: `r${made.id + (made.kind === "retract" ? 0 : 1)}`, type: "log.event-retracted", effectiveAt: "2017-01-01", retracts, data: { reason: "test" } };
};

/** A rule state as plain data, whatever holds it: Maps and Sets (lazy or not) as sorted entries, class instances named. */
const normal = (value: unknown): unknown => {
  if (value instanceof Map) return { map: [...value].map(([key, item]) => [key, normal(item)]).sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)) };
  if (value instanceof Set) return { set: [...value].map(String).sort() };
  if (Array.isArray(value)) return value.map(normal);
  if (typeof value !== "object" || value === null) return value;
  const kind = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name ?? "null";
  return { kind, fields: Object.fromEntries(Object.entries(value).map(([key, item]) => [key, normal(item)])) };
};

const acceptance = (outcome: AppendOutcome) => (outcome.ok ? { ok: true, ids: outcome.appended.map((event) => event.id), present: outcome.alreadyPresent } : { ok: false, issues: outcome.issues.map((found) => [found.code, found.eventId, found.path]) });

describe("the append state saved beside the log", () => {
  it("never changes what an append accepts or writes: with it and without it, the same outcomes and the same bytes (property)", async () => {
    await fc.assert(
      fc.asyncProperty(arbFoundationLog({ maxEvents: 10 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 14, maxLength: 14 }), fc.array(fc.tuple(fc.nat(), arbTroublemaker), { maxLength: 4 }), async (script, sizes, trouble) => {
        const at = script.entries.map((entry) => entry.at);
        const clockFor = () => {
          let index = 0;
          return () => at[Math.min(index++, at.length - 1)] ?? 0;
        };
        // Journals of three ids and three rule changes: batches of one to four go now into a journal, now into a new base run or rules file.
        const saved = await fileStore("saved.jsonl", clockFor(), SMALL_LIMITS);
        const reread = await fileStore("reread.jsonl", clockFor());
        const drafts = script.entries.map((entry) => entry.draft);
        for (const [at, made] of trouble) drafts.splice(at % (drafts.length + 1), 0, troublemaker(drafts, made));
        let appended = false;
        for (let start = 0, batch = 0; start < drafts.length; start += sizes[batch] ?? 1, batch += 1) {
          const slice = drafts.slice(start, start + (sizes[batch] ?? 1));
          // Saved after every append that wrote: so from then on it is what answers.
          if (appended) expect(await loadAppendState(saved.path, defaultCatalog)).toBeDefined();
          await forgetAppendState(reread.path);
          const outcome = await saved.append(slice);
          expect(acceptance(outcome)).toEqual(acceptance(await reread.append(slice)));
          appended ||= outcome.ok && outcome.appended.length > 0;
        }
        expect(await readFile(saved.path, "utf8")).toBe(await readFile(reread.path, "utf8"));
      }),
      { numRuns: 60 },
    );
  });

  it("holds the same ids, corrections and rule state as reading the example log from the start", async () => {
    const path = join(await tempDir(), "events.jsonl");
    await copyFile(EXAMPLE, path);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    const learnt = await learnLog(store, defaultCatalog);
    await saveAppendState(path, defaultCatalog, learnt);
    const loaded = await loadAppendState(path, defaultCatalog);
    expect(loaded?.head).toEqual(learnt.head);
    expect(loaded?.removed).toEqual(learnt.removed);
    let events = 0;
    for await (const _event of store.read()) events += 1;
    expect(events).toBeGreaterThan(700);
    expect(loaded?.ids.size).toBe(events);
    expect(loaded?.rules.states.map(normal)).toEqual(learnt.rules.states.map(normal));
    for await (const event of store.read()) expect(loaded?.ids.lookup(event.id)).toEqual(learnt.ids.lookup(event.id));
  });

  it("is not used once the log changed behind it: an edited line is refused as a full read refuses it", async () => {
    const store = await fileStore("events.jsonl", Date.now);
    expect((await store.append(["a", "b", "c"].map(municipality))).ok).toBe(true);
    const text = await readFile(store.path, "utf8");
    await writeFile(store.path, text.replace('"name":"Kommun b"', '"name":"Kommun B"'));
    const outcome = await store.append([municipality("d")]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.path, found.line])).toEqual([["chain-broken", "hash", 2]]);
  });

  it("catches up with lines another writer added without it (an earlier version)", async () => {
    const store = await fileStore("events.jsonl", Date.now);
    const first = await store.append(["a"].map(municipality));
    if (!first.ok) throw new Error("must append");
    const z = sealed({ id: "z", type: "reference.municipality-established", schemaVersion: 1, effectiveAt: "2017-01-01", recordedAt: new Date().toISOString(), seq: 1, prevHash: first.head.hash, data: { municipalityId: "z", name: "Kommun z" } });
    await appendFile(store.path, `${lineOf(z)}\n`);
    const again = await store.append([municipality("z"), municipality("e")]);
    expect(acceptance(again)).toEqual({ ok: true, ids: ["e"], present: ["z"] });
  });

  it("saved by an earlier version (format 1, ids without the learned-from flag) is rebuilt from the log, never misread", async () => {
    expect(APPEND_STATE_FORMAT).toBe("tertial-append-state/3");
    const store = await fileStore("events.jsonl", Date.now);
    const area = { id: "area-x", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "x", name: "X", kind: "group" } };
    expect((await store.append([municipality("a"), area])).ok).toBe(true);
    // What version 1 wrote: the state in one file, its format name, and records whose flag byte knows only retractions.
    const saved = deserialize(await readFile(statePath(store.path))) as Record<string, unknown>;
    const ids = (await learnLog(store, defaultCatalog)).ids.toBuffer();
    for (let flag = 31; flag < ids.length; flag += 32) ids[flag] = (ids[flag] ?? 0) & 1;
    await writeFile(statePath(store.path), serialize({ ...saved, format: "tertial-append-state/1", ids }));
    expect(await loadAppendState(store.path, defaultCatalog)).toBeUndefined();
    // Misread, the retracted area would look like a fact no rule keeps, and the cost on it would pass.
    const cost = { id: "cost-x", type: "finance.cost-booked", effectiveAt: "2020-01-31", data: { areaId: "x", from: "2020-01-01", to: "2020-01-31", amount: "10" } };
    const outcome = await store.append([{ id: "r", type: "log.event-retracted", effectiveAt: "2017-01-01", retracts: "area-x", data: { reason: "fel" } }, cost]);
    expect(acceptance(outcome)).toEqual({ ok: false, issues: [["unknown-reference", "cost-x", "data.areaId"]] });
    expect((await store.append([municipality("b")])).ok).toBe(true);
    expect((await loadAppendState(store.path, defaultCatalog))?.ids.lookup("area-x")?.learnedFrom).toBe(true);
  });

  it("is not taken from a log with a line written otherwise than canonically: the line was changed, and nothing is appended", async () => {
    const store = await fileStore("events.jsonl", Date.now);
    expect((await store.append([municipality("m1")])).ok).toBe(true);
    expect((await store.append([{ ...municipality("m2"), supersedes: "m1" }])).ok).toBe(true);
    // The same event, a space before a colon: its content still hashes to its hash, but a stored line is canonical JSON, so this one was changed.
    const lines = (await readFile(store.path, "utf8")).split("\n");
    lines[1] = (lines[1] ?? "").replace('"supersedes":', '"supersedes" :');
    await writeFile(store.path, lines.join("\n"));
    await rm(statePath(store.path), { force: true });
    const before = await readFile(store.path, "utf8");
    const again = await store.append([{ ...municipality("m3"), supersedes: "m1" }]);
    expect(again).toMatchObject({ ok: false, logBroken: true, issues: [{ code: "not-canonical", line: 2 }] });
    expect(await readFile(store.path, "utf8")).toBe(before);
  });

  it("saved by version 2 (no content log) is rebuilt from the log, and then finds a batch appended before", async () => {
    const store = await fileStore("events.jsonl", Date.now);
    const town = (id: string): EventDraft => ({ type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: id, name: `Kommun ${id}` } });
    expect((await store.append([town("a"), town("b")])).ok).toBe(true);
    const { contents: _contents, ...saved } = deserialize(await readFile(statePath(store.path))) as { format: string; contents: Uint8Array };
    await writeFile(statePath(store.path), serialize({ ...saved, format: "tertial-append-state/2" }));
    expect(await loadAppendState(store.path, defaultCatalog)).toBeUndefined();
    expect(await store.findContentRun?.([town("a"), town("b")].map((draft) => contentOf({ ...draft, schemaVersion: 1 })))).toBe("unknown");
    expect((await store.append([town("c")])).ok).toBe(true);
    expect((await loadAppendState(store.path, defaultCatalog))?.contents?.size).toBe(3);
    expect(await store.findContentRun?.([town("a"), town("b")].map((draft) => contentOf({ ...draft, schemaVersion: 1 })))).toEqual({ firstSeq: 0 });
  });

  it("kept without its ids (as a database keeps it) is not read back from bytes of format 1", async () => {
    const state = await learnLog(jsonlStore({ path: EXAMPLE, catalog: defaultCatalog }), defaultCatalog);
    const bytes = encodeAppendCore(state);
    if (bytes === undefined) throw new Error("the example's state must encode");
    expect(decodeAppendCore(bytes, defaultCatalog)?.head).toEqual(state.head);
    const older = serialize({ ...(deserialize(bytes) as object), format: "tertial-append-state/1" });
    expect(decodeAppendCore(older, defaultCatalog)).toBeUndefined();
  });

  it("saved by version 3 (ids and fingerprints inside the state file) or 4 (rules' collections inside it) is rebuilt from the log as version 5", async () => {
    const store = await fileStore("events.jsonl", Date.now);
    expect((await store.append(["a", "b"].map(municipality))).ok).toBe(true);
    const learnt = await learnLog(store, defaultCatalog);
    const saved = deserialize(await readFile(statePath(store.path))) as Record<string, unknown>;
    expect(saved.format).toBe("tertial-append-state/5");
    await writeFile(statePath(store.path), serialize({ ...saved, format: "tertial-append-state/4" }));
    expect(await loadAppendState(store.path, defaultCatalog)).toBeUndefined();
    await writeFile(statePath(store.path), serialize({ ...saved, format: "tertial-append-state/3", ids: learnt.ids.toBuffer(), contents: learnt.contents?.toBuffer() }));
    expect(await loadAppendState(store.path, defaultCatalog)).toBeUndefined();
    expect(acceptance(await store.append(["a", "c"].map(municipality)))).toEqual({ ok: true, ids: ["c"], present: ["a"] });
    expect((await loadAppendState(store.path, defaultCatalog))?.ids.size).toBe(3);
  });

  it("keeps ids in a base run and a journal: an append writes its batch's records, a full journal is merged into a new base, and the old file goes", async () => {
    const store = await fileStore("events.jsonl", Date.now, { journalLimit: 5 });
    const dir = dirname(store.path);
    const idFiles = async () => (await readdir(dir)).filter((name) => name.startsWith("events.jsonl.append-ids.")).sort();
    let written = 0;
    const seen: { base: number; journal: number }[] = [];
    for (let batch = 0; batch < 8; batch += 1) {
      const drafts = Array.from({ length: 1 + (batch % 3) }, () => municipality(`m${(written += 1)}`));
      expect((await store.append(drafts)).ok).toBe(true);
      const loaded = await loadAppendState(store.path, defaultCatalog);
      if (loaded === undefined) throw new Error("the state must load after every append");
      seen.push({ base: loaded.ids.baseCount, journal: loaded.ids.journalCount });
      const learnt = await learnLog(store, defaultCatalog);
      for await (const event of store.read()) expect(loaded.ids.lookup(event.id)).toEqual(learnt.ids.lookup(event.id));
      expect(loaded.ids.lookup("nobody")).toBeUndefined();
      expect(loaded.contents?.toBuffer()).toEqual(learnt.contents?.toBuffer());
      expect(await idFiles()).toEqual([`events.jsonl.append-ids.${loaded.ids.baseFile === undefined ? "?" : loaded.ids.baseFile.path.split(".").at(-1)}`]);
    }
    // Batches of 1, 2, 3, 1, 2, 3, 1, 2: the first state is learnt (all in the base); the journal then grows until it would pass 5.
    expect(seen).toEqual([
      { base: 1, journal: 0 },
      { base: 1, journal: 2 },
      { base: 1, journal: 5 },
      { base: 7, journal: 0 },
      { base: 7, journal: 2 },
      { base: 7, journal: 5 },
      { base: 13, journal: 0 },
      { base: 13, journal: 2 },
    ]);
  });

  it("is rebuilt when its id or content file holds less than it says, and reads no further than it says", async () => {
    const store = await fileStore("events.jsonl", Date.now, { journalLimit: 100 });
    expect((await store.append(["a", "b"].map(municipality))).ok).toBe(true);
    expect((await store.append(["c"].map(municipality))).ok).toBe(true);
    const loaded = await loadAppendState(store.path, defaultCatalog);
    const idFile = loaded?.ids.baseFile?.path;
    if (idFile === undefined) throw new Error("the state keeps its ids in a file");
    // What an append that stopped after writing its records, before its state, leaves: bytes past the journal, never read.
    await appendFile(idFile, Buffer.alloc(32, 0xff));
    await appendFile(contentsPath(store.path), Buffer.alloc(15, 0xff));
    expect((await loadAppendState(store.path, defaultCatalog))?.ids.size).toBe(3);
    expect(acceptance(await store.append(["c", "d"].map(municipality)))).toEqual({ ok: true, ids: ["d"], present: ["c"] });
    expect((await loadAppendState(store.path, defaultCatalog))?.contents?.size).toBe(4);
    await truncate(idFile, 3 * 32);
    expect(await loadAppendState(store.path, defaultCatalog)).toBeUndefined();
    expect(acceptance(await store.append(["d", "e"].map(municipality)))).toEqual({ ok: true, ids: ["e"], present: ["d"] });
    await truncate(contentsPath(store.path), 15);
    expect(await loadAppendState(store.path, defaultCatalog)).toBeUndefined();
    expect(acceptance(await store.append(["e", "f"].map(municipality)))).toEqual({ ok: true, ids: ["f"], present: ["e"] });
    expect((await loadAppendState(store.path, defaultCatalog))?.ids.size).toBe(6);
  });

  it("is not used by other rules than those that saved it", async () => {
    const store = await fileStore("events.jsonl", Date.now);
    expect((await store.append(["a"].map(municipality))).ok).toBe(true);
    expect(await loadAppendState(store.path, defaultCatalog)).toBeDefined();
    const lawless = createCatalog(defaultCatalog.modules.map((module) => ({ ...module, rules: [] })));
    expect(await loadAppendState(store.path, lawless)).toBeUndefined();
  });

  it("keeps a rule's big Map in a rules file of its own: an append journals its changes in the state, a journal past its limit goes to a new file and the old one goes, and a short file is rebuilt", async () => {
    const store = await fileStore("events.jsonl", Date.now, { rulesJournalLimit: 50 });
    const area: EventDraft = { id: "area-x", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "x", name: "X", kind: "group" } };
    const position = (n: number): EventDraft => ({ id: `open-${n}`, type: "staff.position-opened", effectiveAt: "2020-01-01", data: { positionId: `pos-${n}`, areaId: "x", employmentForm: "visstid", fte: "1.00", financing: "grund" } });
    const positions = (from: number, count: number): EventDraft[] => Array.from({ length: count }, (_, index) => position(from + index));
    const rulesFiles = async (): Promise<string[]> => (await readdir(dirname(store.path))).filter((name) => name.includes(".append-rules."));
    expect((await store.append([area, ...positions(0, 2500)])).ok).toBe(true);
    const [first] = await rulesFiles();
    expect(await rulesFiles()).toHaveLength(1);
    const filed = await readFile(join(dirname(store.path), first ?? ""));
    // 2 500 positions: beyond 64 KiB of records, so they are filed; the state file keeps far less than they take.
    expect(filed.length).toBeGreaterThan(64 * 1024);
    expect((await readFile(statePath(store.path))).length).toBeLessThan(filed.length / 2);
    expect(acceptance(await store.append(positions(2500, 10)))).toEqual({ ok: true, ids: positions(2500, 10).map((draft) => draft.id), present: [] });
    // Ten changes: journalled in the state file; the rules file is as it was.
    expect(await rulesFiles()).toEqual([first]);
    expect(await readFile(join(dirname(store.path), first ?? ""))).toEqual(filed);
    expect(acceptance(await store.append([{ ...position(2505), id: "again-2505" }]))).toEqual({ ok: false, issues: [["conflict", "again-2505", "data.positionId"]] });
    expect(acceptance(await store.append([{ ...position(7), id: "again-7" }]))).toEqual({ ok: false, issues: [["conflict", "again-7", "data.positionId"]] });
    // Sixty more: past the journal's 50, written anew in a file of its own; the old one is removed.
    expect((await store.append(positions(2510, 60))).ok).toBe(true);
    const [second] = await rulesFiles();
    expect(await rulesFiles()).toHaveLength(1);
    expect(second).not.toBe(first);
    expect(acceptance(await store.append([{ ...position(2569), id: "again-2569" }, position(9000)]))).toEqual({ ok: false, issues: [["conflict", "again-2569", "data.positionId"]] });
    // A rules file shorter than the state says: the state is not used, and the log answers.
    await truncate(join(dirname(store.path), second ?? ""), 100);
    expect(await loadAppendState(store.path, defaultCatalog)).toBeUndefined();
    expect(acceptance(await store.append([{ ...position(1234), id: "again-1234" }]))).toEqual({ ok: false, issues: [["conflict", "again-1234", "data.positionId"]] });
    expect((await store.append([position(9001)])).ok).toBe(true);
    expect(await loadAppendState(store.path, defaultCatalog)).toBeDefined();
  });

  it("knows where each fact the rules learned is, so a restated position is read at its line and forgotten, with no read of the log", async () => {
    const store = await fileStore("events.jsonl", Date.now);
    const area: EventDraft = { id: "area-x", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "x", name: "X", kind: "group" } };
    const position = (n: number, fte = "1.00"): EventDraft => ({ id: `open-${n}`, type: "staff.position-opened", effectiveAt: "2020-01-01", data: { positionId: `pos-${n}`, areaId: "x", employmentForm: "visstid", fte, financing: "grund" } });
    expect((await store.append([area, ...Array.from({ length: 300 }, (_, index) => position(index))])).ok).toBe(true);
    const lineAt = async (where: string | undefined): Promise<string> => {
      const [start, end] = (where ?? "0:0").split(":").map(Number);
      return (await readFile(store.path)).subarray(start, end).toString("utf8");
    };
    const before = await loadAppendState(store.path, defaultCatalog);
    expect(JSON.parse(await lineAt(before?.facts?.get("open-7"))) as unknown).toMatchObject({ id: "open-7" });
    const restated: EventDraft = { ...position(7, "0.50"), id: "restated-7", supersedes: "open-7" };
    expect(acceptance(await store.append([restated]))).toEqual({ ok: true, ids: ["restated-7"], present: [] });
    const after = await loadAppendState(store.path, defaultCatalog);
    expect(after?.facts?.has("open-7")).toBe(false);
    expect(JSON.parse(await lineAt(after?.facts?.get("restated-7"))) as unknown).toMatchObject({ id: "restated-7", supersedes: "open-7" });
    // The batch's check from the saved state, over a log that cannot be read: with the fact at hand it needs no read.
    const state = await loadAppendState(store.path, defaultCatalog);
    if (state === undefined) throw new Error("the state must load");
    const unreadable = { read: () => { throw new Error("the log was read"); }, readTypes: () => { throw new Error("the log was read"); } };
    const again: EventDraft = { ...position(7, "0.25"), id: "restated-7b", supersedes: "restated-7" };
    const fact = JSON.parse(await lineAt(state.facts?.get("restated-7"))) as StoredEvent;
    const context = { catalog: defaultCatalog, now: Date.now(), newId: () => "x" };
    expect((await prepareAppend(unreadable, [again], { ...context, earlierEvents: new Map([["restated-7", fact]]) }, state)).ok).toBe(true);
    const reloaded = await loadAppendState(store.path, defaultCatalog);
    if (reloaded === undefined) throw new Error("the state must load");
    await expect(prepareAppend(unreadable, [again], context, reloaded)).rejects.toThrow("the log was read");
    // The store reads it there itself: the append is accepted as a full read accepts it.
    expect(acceptance(await store.append([again]))).toEqual({ ok: true, ids: ["restated-7b"], present: [] });
    expect(acceptance(await store.append([{ ...position(7), id: "open-7-again" }]))).toEqual({ ok: false, issues: [["conflict", "open-7-again", "data.positionId"]] });
  });
});
