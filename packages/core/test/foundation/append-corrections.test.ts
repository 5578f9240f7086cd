import { describe, expect, it } from "vitest";
import { defaultCatalog, IdIndex, learnLog, prepareAppend, type EventDraft, type EventSource, type Prepared } from "@tertial/core";
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
/** The preamble's area "fou-barn" (pre5), established again with another name: a fact the rules keep. */
const areaRestated: EventDraft = { id: "area-again", type: "reference.area-established", effectiveAt: "2017-01-01", supersedes: "pre5", data: { areaId: "fou-barn", name: "Barn och unga", parentId: "fou", kind: "sub-area" } };

/** The seeded log with costs, a position opened and closed and another open, its append state, and a source that counts whole reads of the log. */
const fixture = async () => {
  const clock = tickingClock();
  const store = await seededStore(clock);
  const booked = await store.append([...costIds.map((id) => cost(id, "100")), opened("o1", "p1", "2020-01-01"), closed("x1", "p1", "2020-02-01"), opened("o2", "p2", "2020-01-01")]);
  if (!booked.ok) throw new Error("the costs must append");
  const state = await learnLog(store, defaultCatalog);
  let reads = 0;
  const source: EventSource = {
    read: (options) => {
      reads += 1;
      return store.read(options);
    },
  };
  const prepare = (drafts: readonly EventDraft[]): Promise<Prepared> => prepareAppend(source, drafts, { catalog: defaultCatalog, now: clock(), newId: () => "generated" }, state);
  return { store, prepare, reads: () => reads };
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
