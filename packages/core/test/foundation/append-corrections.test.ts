import * as fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { defaultCatalog, defineRule, IdIndex, learnLog, prepareAppend, RuleBook, staffIntegrity, type ConsistencyRule, type DomainEvent, type EventDraft, type EventSource, type Prepared } from "@tertial/core";
import { changed, closed, opened, retraction, seededStore, tickingClock } from "./helpers.js";

/**
 * A batch that corrects (supersedes or retracts) from a saved append state reads the log only
 * when it corrects a fact some consistency rule keeps, and then once, right before the rules
 * next check an event (or at the end). Verdicts stay those of appending the drafts one by one.
 */

const cost = (id: string, amount: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "finance.cost-booked",
  effectiveAt: "2020-01-31",
  data: { areaId: "fou-barn", from: "2020-01-01", to: "2020-01-31", amount, source: "kommunerna" },
  ...extra,
});
const COSTS = 50;
const costIds = Array.from({ length: COSTS }, (_, index) => `c${index}`);
const corrections = (amount: string): EventDraft[] => costIds.map((id) => cost(`${id}-${amount}`, amount, { supersedes: id }));
const POSITIONS = 50;
/** Position pq<i>, opened by event q<i> in the fixture: facts the staff rules keep. */
const positionIds = Array.from({ length: POSITIONS }, (_, index) => index);
/** Position pq<i> opened again, superseding the event that opened it (`q<i>` unless told): a restatement of a kept fact. */
const restated = (id: string, index: number, target = `q${index}`, fte = "0.50"): EventDraft => opened(id, `pq${index}`, "2020-01-01", fte, { supersedes: target });
/** The preamble's area "fou-barn" (pre5), established again with another name: a fact the rules keep. */
const areaRestated: EventDraft = { id: "area-again", type: "reference.area-established", effectiveAt: "2017-01-01", supersedes: "pre5", data: { areaId: "fou-barn", name: "Barn och unga", parentId: "fou", kind: "sub-area" } };

/**
 * The seeded log with costs, a position opened and closed and another open, 50 more open, one
 * opened and retracted, its append state, and a source that counts whole reads of the log (and,
 * `byType`, offers reads by type as the stores do, counted apart).
 */
const fixture = async (byType = false, catalog = defaultCatalog) => {
  const clock = tickingClock();
  const store = await seededStore(clock);
  const booked = await store.append([...costIds.map((id) => cost(id, "100")), opened("o1", "p1", "2020-01-01"), closed("x1", "p1", "2020-02-01"), opened("o2", "p2", "2020-01-01"), ...positionIds.map((index) => opened(`q${index}`, `pq${index}`, "2020-01-01"))]);
  if (!booked.ok) throw new Error("the costs must append");
  // A kept fact the log itself took back: the rules forgot it, and so must every rebuild.
  const gone = await store.append([opened("q-gone", "p-gone", "2020-01-01"), retraction("r-gone", "q-gone")]);
  if (!gone.ok) throw new Error("the retracted position must append");
  const state = await learnLog(store, catalog);
  let reads = 0;
  let typeReads = 0;
  const source: EventSource = {
    read: (options) => {
      reads += 1;
      return store.read(options);
    },
    ...(byType
      ? {
          readTypes: (types: ReadonlySet<string>) => {
            typeReads += 1;
            if (store.readTypes === undefined) throw new Error("the seeded store reads by type");
            return store.readTypes(types);
          },
        }
      : {}),
  };
  const prepare = (drafts: readonly EventDraft[]): Promise<Prepared> => prepareAppend(source, drafts, { catalog, now: clock(), newId: () => "generated" }, state);
  return { store, prepare, reads: () => reads, typeReads: () => typeReads };
};

const verdict = (prepared: Prepared) =>
  prepared.ok ? { ok: true, ids: prepared.events.map((event) => event.id) } : { ok: false, issues: prepared.issues.map((found) => [found.code, found.path, found.eventId]) };

/** What appending the drafts one by one to a store that reads its whole log each time accepts and refuses. */
const oneByOne = async (drafts: readonly EventDraft[]) => {
  const { store } = await fixture();
  const accepted: string[] = [];
  const issues: (string | undefined)[][] = [];
  for (const draft of drafts) {
    const outcome = await store.append([draft]);
    if (outcome.ok) accepted.push(...outcome.appended.map((event) => event.id));
    else issues.push(...outcome.issues.map((found) => [found.code, found.path, found.eventId]));
  }
  return issues.length === 0 ? { ok: true, ids: accepted } : { ok: false, issues };
};

/** The rules' state append returns equals the one learnt by reading the log with the batch in it. */
const expectSameRules = async (prepared: Prepared, drafts: readonly EventDraft[]) => {
  if (!prepared.ok) throw new Error("the batch must be accepted");
  const { store } = await fixture();
  expect((await store.append(drafts)).ok).toBe(true);
  expect(JSON.stringify(prepared.state.rules.states, replacer)).toBe(JSON.stringify((await learnLog(store, defaultCatalog)).rules.states, replacer));
};
const replacer = (_key: string, value: unknown): unknown => (value instanceof Map ? { map: [...value] } : value instanceof Set ? { set: [...value] } : value);

describe("an append that corrects, from the append state", () => {
  it("reads nothing of the log for a batch correcting only costs (no rule keeps a cost)", async () => {
    const { prepare, reads } = await fixture();
    const drafts = corrections("200");
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: true, ids: drafts.map((draft) => draft.id) });
    expect(reads()).toBe(0);
    await expectSameRules(prepared, drafts);
  });

  it("reads nothing either for retractions of costs and position changes", async () => {
    const { prepare, reads } = await fixture();
    const drafts = [retraction("r1", "c1"), changed("ch1", "p2", "2020-01-15", { fte: "0.50" }), changed("ch2", "p2", "2020-01-15", { fte: "0.75" }, { supersedes: "ch1" }), retraction("r2", "c2")];
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    expect(reads()).toBe(0);
    await expectSameRules(prepared, drafts);
  });

  it("reads the log once for a whole batch that corrects a fact the rules keep (an area's definition) among cost corrections", async () => {
    const { prepare, reads } = await fixture();
    const drafts = [areaRestated, ...corrections("300")];
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: true, ids: drafts.map((draft) => draft.id) });
    expect(reads()).toBe(1);
    await expectSameRules(prepared, drafts);
  });

  it("reads it once, at the end, when nothing after the correction is checked", async () => {
    const { prepare, reads } = await fixture();
    const drafts = [...corrections("400"), retraction("r1", "x1")];
    const prepared = await prepare(drafts);
    expect(verdict(prepared).ok).toBe(true);
    expect(reads()).toBe(1);
    await expectSameRules(prepared, drafts);
  });

  it("checks each later event against rules that forgot the corrected fact: a retracted area refuses a cost on it", async () => {
    const { prepare, reads } = await fixture();
    const drafts = [cost("c-early", "5"), retraction("r1", "pre5"), cost("c-late", "5")];
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: false, issues: [["unknown-reference", "data.areaId", "c-late"]] });
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    expect(reads()).toBe(1);
  });

  it("checks each later event against rules that forgot the corrected fact: a retracted closing lets the position change", async () => {
    const { prepare } = await fixture();
    const drafts = [changed("ch-before", "p1", "2020-03-01", { fte: "0.50" }), retraction("r1", "x1"), changed("ch-after", "p1", "2020-03-01", { fte: "0.50" })];
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: false, issues: [["conflict", "data.positionId", "ch-before"]] });
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    const accepted = drafts.filter((draft) => draft.id !== "ch-before");
    const { prepare: again } = await fixture();
    const clean = await again(accepted);
    expect(verdict(clean)).toEqual({ ok: true, ids: ["r1", "ch-after"] });
    await expectSameRules(clean, accepted);
  });

  it("knows, per id, whether a rule learned from the event: costs and position changes no, areas and positions yes", async () => {
    const { store } = await fixture();
    const state = await learnLog(store, defaultCatalog);
    expect(["c0", "pre5", "o1", "x1"].map((id) => state.ids.lookup(id)?.learnedFrom)).toEqual([false, true, true, true]);
    const reloaded = new IdIndex(state.ids.toBuffer());
    expect(["c0", "pre5", "o1", "x1"].map((id) => reloaded.lookup(id)?.learnedFrom)).toEqual([false, true, true, true]);
  });
});

/** A cost on an area; `costs` above books them on "fou-barn". */
const costOn = (id: string, areaId: string): EventDraft => cost(id, "5", { data: { areaId, from: "2020-01-01", to: "2020-01-31", amount: "5", source: "kommunerna" } });
/** The area "fou-barn" (pre5, or what `target` names) established again, as `areaId`: the old id is no longer an area unless it is the same. */
const areaAs = (id: string, areaId: string, target = "pre5"): EventDraft => ({ ...areaRestated, id, supersedes: target, data: { areaId, name: "Barn och unga", parentId: "fou", kind: "sub-area" } });
/** A first restatement whose check makes the rules rebuild, reading the log: later rebuilds in the batch fold what that read kept. */
const readFirst = [restated("q0-again", 0), changed("ch0", "pq0", "2020-03-01", { fte: "0.25" })];

describe("a batch restating many facts the rules keep", () => {
  it("reads the log once for 50 restated positions, each followed by an event the rules check", async () => {
    const { prepare, reads } = await fixture();
    const drafts = positionIds.flatMap((index) => [restated(`q${index}-again`, index), changed(`ch${index}`, `pq${index}`, "2020-03-01", { fte: "0.25" })]);
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: true, ids: drafts.map((draft) => draft.id) });
    expect(reads()).toBe(1);
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    await expectSameRules(prepared, drafts);
  });

  it("starts the staff rules over once for 50 restated positions: after the read, each earlier opening is forgotten exactly", async () => {
    const { prepare } = await fixture();
    const drafts = positionIds.flatMap((index) => [restated(`q${index}-again`, index), changed(`ch${index}`, `pq${index}`, "2020-03-01", { fte: "0.25" })]);
    const inits = vi.spyOn(staffIntegrity, "init");
    const forgets = vi.spyOn(staffIntegrity as Required<Pick<ConsistencyRule<unknown>, "forget">>, "forget");
    try {
      const prepared = await prepare(drafts);
      expect(verdict(prepared)).toEqual({ ok: true, ids: drafts.map((draft) => draft.id) });
      expect(inits).toHaveBeenCalledTimes(1);
      expect(forgets.mock.results.map((result) => result.value)).toEqual(positionIds.slice(1).map(() => true));
      await expectSameRules(prepared, drafts);
    } finally {
      inits.mockRestore();
      forgets.mockRestore();
    }
  });

  it("keeps nothing when a rule learns from every type (the facts would be the whole log): it reads again for each rebuild, with the same verdicts", async () => {
    const everything = defineRule<{ seen: number }>({ name: "sees-everything", init: () => ({ seen: 0 }), check: () => [], learn: (state) => void (state.seen += 1) });
    const catalog = defaultCatalog.with({ name: "watcher", events: [], rules: [everything] });
    const { prepare, reads, typeReads } = await fixture(true, catalog);
    const drafts = positionIds.slice(0, 5).flatMap((index) => [restated(`q${index}-again`, index), changed(`ch${index}`, `pq${index}`, "2020-03-01", { fte: "0.25" })]);
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    expect([reads(), typeReads()]).toEqual([5, 0]);
  });

  it("reads only the facts the rules keep, by type, where the source can: no whole read", async () => {
    const { prepare, reads, typeReads } = await fixture(true);
    const drafts = positionIds.flatMap((index) => [restated(`q${index}-again`, index), changed(`ch${index}`, `pq${index}`, "2020-03-01", { fte: "0.25" })]);
    const prepared = await prepare(drafts);
    expect([reads(), typeReads()]).toEqual([0, 1]);
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    await expectSameRules(prepared, drafts);
  });

  it("reads it once for an area restated 50 times in turn, each time with costs on it checked between", async () => {
    const { prepare, reads } = await fixture();
    const drafts = positionIds.flatMap((index) => [areaAs(`area-${index}`, "fou-barn", index === 0 ? "pre5" : `area-${index - 1}`), costOn(`on-${index}`, "fou-barn")]);
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: true, ids: drafts.map((draft) => draft.id) });
    expect(reads()).toBe(1);
    await expectSameRules(prepared, drafts);
  });

  it("reads it once for two kept facts restated back to back: the second is checked after a rebuild, and corrects again", async () => {
    const { prepare, reads } = await fixture();
    const drafts = [restated("q0-again", 0), restated("q1-again", 1)];
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: true, ids: drafts.map((draft) => draft.id) });
    expect(reads()).toBe(1);
    await expectSameRules(prepared, drafts);
  });

  it("reads nothing for 50 restated costs among checked events: no rule learned from a cost", async () => {
    const { prepare, reads } = await fixture();
    const drafts = corrections("600").flatMap((draft, index) => [draft, changed(`ch${index}`, `pq${index}`, "2020-03-01", { fte: "0.25" })]);
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: true, ids: drafts.map((draft) => draft.id) });
    expect(reads()).toBe(0);
  });

  it("refuses a later event that relied on a fact an earlier restatement took away, after the log was read", async () => {
    const { prepare, reads } = await fixture();
    const drafts = [...readFirst, areaAs("area-moved", "fou-barn-ny"), costOn("c-old", "fou-barn"), opened("o-old", "p-old", "2020-03-01"), changed("ch-gone", "p-gone", "2020-03-01", { fte: "0.25" })];
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({
      ok: false,
      issues: [["unknown-reference", "data.areaId", "c-old"], ["unknown-reference", "data.areaId", "o-old"], ["unknown-reference", "data.positionId", "ch-gone"]],
    });
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    expect(reads()).toBe(1);
  });

  it("accepts a later event that relies on a fact an earlier restatement added, and forgets a restatement restated again", async () => {
    const { prepare, reads } = await fixture();
    const drafts = [...readFirst, areaAs("area-moved", "fou-barn-ny"), costOn("c-new", "fou-barn-ny"), areaAs("area-back", "fou-barn", "area-moved"), costOn("c-back", "fou-barn"), costOn("c-gone", "fou-barn-ny")];
    const prepared = await prepare(drafts);
    expect(verdict(prepared)).toEqual({ ok: false, issues: [["unknown-reference", "data.areaId", "c-gone"]] });
    expect(verdict(prepared)).toEqual(await oneByOne(drafts));
    expect(reads()).toBe(1);
    const accepted = drafts.filter((draft) => draft.id !== "c-gone");
    const { prepare: again } = await fixture();
    const clean = await again(accepted);
    expect(verdict(clean)).toEqual({ ok: true, ids: accepted.map((draft) => draft.id) });
    await expectSameRules(clean, accepted);
  });

  /** One draft of a generated batch: a restatement or retraction of a kept fact (of the log or of an earlier draft), or an event the rules check. */
  const draftOf = (step: { kind: number; position: number; target: number; moved: boolean }, index: number): EventDraft => {
    const id = `d${index}`;
    const earlier = [`q${step.position}`, "pre5", "x1", "o1", "c0", ...Array.from({ length: index }, (_, before) => `d${before}`)];
    const target = earlier[step.target % earlier.length] as string;
    const area = step.moved ? "fou-barn-ny" : "fou-barn";
    const drafts: EventDraft[] = [
      restated(id, step.position, target),
      areaAs(id, area, target),
      retraction(id, target),
      costOn(id, area),
      changed(id, step.position === 2 ? "p-gone" : `pq${step.position}`, "2020-03-01", { fte: "0.25" }),
      closed(id, step.position === 3 ? "p1" : `pq${step.position}`, "2020-04-01"),
      opened(id, `new${index}`, "2020-03-01", "1.00", { data: { positionId: `new${index}`, areaId: area, employmentForm: "tillsvidare", fte: "1.00", financing: "grund" } }),
    ];
    return drafts[step.kind % drafts.length] as EventDraft;
  };

  it.each([["whole reads", false], ["reads by type", true]])("gives the verdicts of appending the drafts one by one, and the same rules' state, for generated batches, with %s (property)", async (_name, byType) => {
    const step = fc.record({ kind: fc.nat(6), position: fc.nat(3), target: fc.nat(30), moved: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
        const drafts = steps.map(draftOf);
        const { prepare, reads, typeReads } = await fixture(byType);
        const prepared = await prepare(drafts);
        expect(verdict(prepared)).toEqual(await oneByOne(drafts));
        expect(reads() + typeReads()).toBeLessThanOrEqual(1);
        if (byType) expect(reads()).toBe(0);
        if (prepared.ok) await expectSameRules(prepared, drafts);
      }),
      { numRuns: 40 },
    );
  });
});

describe("the rules a correction makes start over", () => {
  /** A rule counting the events of the types it learns from: its state shows whether it started over. */
  const counting = (name: string, learnsFrom?: readonly string[]) =>
    defineRule<{ seen: number }>({
      name,
      init: () => ({ seen: 0 }),
      check: () => [],
      learn: (state, learnt) => void (state.seen += learnsFrom === undefined || learnsFrom.includes(learnt.type) ? 1 : 0),
      ...(learnsFrom === undefined ? {} : { learnsFrom }),
    });
  const event = (type: string): DomainEvent => ({ id: type, type, schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: "", hash: "", data: {} });

  it("are those that learn from the corrected type and those that declare no types (they learn from every one); the others keep their state", () => {
    const book = new RuleBook([counting("every type"), counting("areas", ["area"]), counting("costs", ["cost"]), counting("nothing", [])]);
    book.learn(event("area"));
    book.learn(event("cost"));
    const kept = book.states[2];
    const { book: next, restarted } = book.restarting(new Set(["area"]));
    expect(next.states).toEqual([{ seen: 0 }, { seen: 0 }, { seen: 1 }, { seen: 0 }]);
    expect(next.states[2]).toBe(kept);
    restarted.learn(event("area"));
    expect(next.states).toEqual([{ seen: 1 }, { seen: 1 }, { seen: 1 }, { seen: 0 }]);
    expect(restarted.learnsFrom("cost")).toBe(true);
    expect(book.restarting(new Set(["cost"])).restarted.states).toEqual([{ seen: 0 }, { seen: 0 }]);
  });
});
