import { describe, expect, it } from "vitest";
import { budgetFollowUpProjection, checkpoint, defaultCatalog, defineProjection, fromArray, jsonlStore, memorySnapshots, metricsProjection, period, planFollowUpProjection, replay, replayMany, resume, type StoredEvent } from "@tertial/core";
import { AS_PUBLISHED, EXAMPLE_LOG } from "../finance/support.js";
import { ReportResults } from "../../src/report/replay-many.js";

const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });

describe("several projections over one read of the log", () => {
  it.each([
    ["2020-T2", undefined],
    ["2020-T1..T2", AS_PUBLISHED],
    ["2020", undefined],
  ] as const)("give each the result it has replayed alone, the metrics and the follow-up against the plan reading the shared folds (%s, known at %s)", async (name, knownAt) => {
    const options = { period: period(name), ...(knownAt === undefined ? {} : { knownAt }) };
    const many = await replayMany(store, defaultCatalog, [{ projection: metricsProjection, period: "report" }, { projection: budgetFollowUpProjection, period: "report" }, { projection: budgetFollowUpProjection, period: "previous-year" }, { projection: planFollowUpProjection, period: "report" }], options);
    expect(many.results.get(metricsProjection)).toEqual(await replay(store, defaultCatalog, metricsProjection, options));
    expect(many.results.get(budgetFollowUpProjection)).toEqual(await replay(store, defaultCatalog, budgetFollowUpProjection, options));
    // The follow-up against the plan reads the same ledger fold as the money tables.
    expect(many.results.get(planFollowUpProjection)).toEqual(await replay(store, defaultCatalog, planFollowUpProjection, options));
    expect(many.results.get(metricsProjection)?.rows.length).toBeGreaterThan(0);
  });
});

describe("a result several readers of one run ask for", () => {
  it("is made once: the money table's, the plan columns' books and a projection reading it through the shared folds are one object", async () => {
    let made = 0;
    const counted = defineProjection<{ events: number }, { events: number }>({
      name: "counted",
      description: "events folded, and how many times its result was made",
      init: () => ({ events: 0 }),
      evolve: (state) => {
        state.events += 1;
        return state;
      },
      result: (state) => {
        made += 1;
        return { events: state.events };
      },
    });
    const reader = defineProjection<{ events: number }, { read: { events: number } | undefined }>({
      ...counted,
      name: "reader",
      result: (state) => ({ read: counted.result(state, { period: period("2020") }) }),
      shared: { own: { name: "nothing", init: () => null, evolve: (state) => state }, reads: (at) => [{ fold: counted, period: at }], result: (_own, _stateOf, { period: at }, resultFor) => ({ read: resultFor?.(counted, at) }) },
    });
    const many = await replayMany(store, defaultCatalog, [{ projection: reader, period: "report" }, { projection: counted, period: "report" }, { projection: budgetFollowUpProjection, period: "report" }, { projection: planFollowUpProjection, period: "report" }], { period: period("2020") });
    expect(many.results.get(reader)?.read).toBe(many.results.get(counted));
    expect(made).toBe(1);
    expect(many.results.get(planFollowUpProjection)?.books).toBe(many.results.get(budgetFollowUpProjection));
  });
});

describe("results made when first read", () => {
  it("are made once, and a result that fails to be made fails again rather than reading as absent", () => {
    const results = new ReportResults();
    let made = 0;
    results.setLazily(budgetFollowUpProjection, "report", () => {
      made += 1;
      throw new Error("the view failed");
    });
    expect(() => results.get(budgetFollowUpProjection)).toThrow("the view failed");
    expect(results.has(budgetFollowUpProjection, "report")).toBe(true);
    expect(() => results.get(budgetFollowUpProjection)).toThrow("the view failed");
    expect(made).toBe(2);
    const once = new ReportResults();
    let calls = 0;
    once.setLazily(metricsProjection, "previous-year", () => {
      calls += 1;
      return { marker: calls } as never;
    });
    expect(once.get(metricsProjection, "report")).toBeUndefined();
    expect(once.get(metricsProjection, "previous-year")).toEqual({ marker: 1 });
    expect(once.get(metricsProjection, "previous-year")).toEqual({ marker: 1 });
    expect(calls).toBe(1);
  });
});

describe("a pass that stops at a seq", () => {
  it("folds only the events before it, and never resumes from a snapshot taken after it", async () => {
    const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
    const events: StoredEvent[] = [];
    for await (const event of store.read()) events.push(event);
    const needs = [{ projection: budgetFollowUpProjection, period: "report" as const }];
    const interim = period("2020-T1..T2");
    const snapshots = memorySnapshots();
    await replayMany(store, defaultCatalog, needs, { period: interim, snapshots: { store: snapshots, code: "test", every: 50 } });
    expect(snapshots.all().some((snapshot) => snapshot.anchor.seq >= 200)).toBe(true);
    const bounded = await replayMany(store, defaultCatalog, needs, { period: interim, untilSeq: 200, snapshots: { store: snapshots, code: "test" } });
    const prefix = await replayMany(fromArray(events.slice(0, 200)), defaultCatalog, needs, { period: interim });
    expect(bounded.head).toEqual(prefix.head);
    expect(bounded.resumedAt).toBeUndefined();
    expect(bounded.results.get(budgetFollowUpProjection)).toEqual(prefix.results.get(budgetFollowUpProjection));
  });
});

describe("a fold's revision", () => {
  it("keeps its snapshots from code of another revision: a revised fold folds from the first line, its own revision resumes", async () => {
    const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
    const counting = defineProjection({
      name: "events-counted",
      description: "events folded",
      init: () => ({ events: 0 }),
      evolve: (state: { events: number }) => {
        state.events += 1;
        return state;
      },
      result: (state) => state.events,
    });
    const interim = period("2020-T1..T2");
    const snapshots = memorySnapshots();
    const options = { period: interim, snapshots: { store: snapshots, code: "test", every: 100 } };
    await replayMany(store, defaultCatalog, [{ projection: counting, period: "report" }], options);
    expect((await replayMany(store, defaultCatalog, [{ projection: counting, period: "report" }], options)).resumedAt).toBeDefined();
    const revised = { ...counting, revision: 2 };
    const first = await replayMany(store, defaultCatalog, [{ projection: revised, period: "report" }], options);
    expect(first.resumedAt).toBeUndefined();
    expect(first.results.get(revised)).toBe(await replay(store, defaultCatalog, counting, { period: interim }));
    expect((await replayMany(store, defaultCatalog, [{ projection: revised, period: "report" }], options)).resumedAt).toBeDefined();
  });

  it("is written into a checkpoint, and a checkpoint of another revision is refused", async () => {
    const store = jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog });
    const options = { period: period("2020-T1..T2") };
    // A view's state is its domain fold's: the fold's revision is the one that counts.
    const ledger = budgetFollowUpProjection.fold;
    if (ledger === undefined) throw new Error("budget-follow-up is a view of the ledger");
    const other = (ledger.revision ?? 1) + 1;
    const revised = { ...budgetFollowUpProjection, fold: { ...ledger, revision: other } };
    const saved = await checkpoint(store, defaultCatalog, revised, options);
    expect(saved.revision).toBe(other);
    await expect(resume(store, defaultCatalog, budgetFollowUpProjection, options, saved)).rejects.toThrow(`revision ${other} of budget-follow-up, and this code folds revision ${ledger.revision ?? 1};`);
    await expect(resume(store, defaultCatalog, revised, options, saved)).resolves.toEqual(await replay(store, defaultCatalog, budgetFollowUpProjection, options));
  });
});
