import { describe, expect, it } from "vitest";
import { defaultCatalog, memoryStore, period, replay, type EventDraft } from "@tertial/core";
import { storeWithReference } from "./support.js";

const cost = (data: Record<string, unknown>): EventDraft => ({ id: "cost-1", type: "finance.cost-booked", effectiveAt: "2020-08-31", data: { from: "2020-01-01", to: "2020-08-31", amount: "1000", ...data } });

describe("finance bad input", () => {
  it("rejects a cost on an unknown area with a clear issue, and appends nothing", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([cost({ areaId: "nowhere", source: "staten" })]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([expect.objectContaining({ code: "unknown-reference", path: "data.areaId", actual: "nowhere" })]);
    expect(store.events()).toHaveLength(4);
  });

  it("rejects a cost from an unknown financing source", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([cost({ areaId: "kok", source: "lotteriet" })]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]).toEqual(expect.objectContaining({ path: "data.source" }));
    expect(outcome.issues[0]?.expected).toContain("kommunerna");
    expect(store.events()).toHaveLength(4);
  });

  it("accepts a cost financed internally on the area's line, and rejects one on the internal-charge line", async () => {
    const store = await storeWithReference();
    expect((await store.append([cost({ areaId: "kok", source: "internal" })])).ok).toBe(true);
    const outcome = await store.append([{ ...cost({ areaId: "kok", source: "internal", line: "internal-charge" }), id: "cost-2" }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([expect.objectContaining({ code: "invalid-field", path: "data.source", actual: "internal" })]);
    expect(store.events()).toHaveLength(5);
  });

  it("rejects an accounting period that does not end on the effective date", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([{ ...cost({ areaId: "kok" }), effectiveAt: "2020-06-30" }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]).toEqual(expect.objectContaining({ path: "effectiveAt", expected: "2020-08-31" }));
  });

  it("rejects a second budget for the same area and year unless it supersedes the first", async () => {
    const store = await storeWithReference();
    const budget = (id: string, amount: string): EventDraft => ({ id, type: "finance.budget-adopted", effectiveAt: "2020-01-01", data: { areaId: "kok", year: 2020, amount } });
    expect((await store.append([budget("b1", "2000000")])).ok).toBe(true);
    const again = await store.append([budget("b2", "2100000")]);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.issues[0]).toEqual(expect.objectContaining({ code: "conflict" }));
    expect((await store.append([{ ...budget("b3", "2100000"), supersedes: "b1" }])).ok).toBe(true);
  });

  it("accepts a well-formed cost", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([cost({ areaId: "kok", source: "kommunerna" })]);
    expect(outcome.ok).toBe(true);
  });
});

describe("finance as known at a date", () => {
  it("a superseding cost replaces the first from the day it was recorded", async () => {
    let now = Date.UTC(2020, 8, 1);
    const store = memoryStore({ catalog: defaultCatalog, clock: () => now });
    const area: EventDraft = { id: "a", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "kok", name: "Kurs och konferens" } };
    expect((await store.append([area, cost({ areaId: "kok" })])).ok).toBe(true);
    now = Date.UTC(2020, 9, 1);
    expect((await store.append([{ ...cost({ areaId: "kok", amount: "2000" }), id: "cost-2", supersedes: "cost-1" }])).ok).toBe(true);
    const projection = defaultCatalog.projection("budget-follow-up");
    if (projection === undefined) throw new Error("no projection");
    const outcomeAt = async (knownAt?: string) => {
      const result = (await replay(store, defaultCatalog, projection, { period: period("2020-T1..T2"), ...(knownAt === undefined ? {} : { knownAt }) })) as { total: { outcome: { exact: string | null } } };
      return result.total.outcome.exact;
    };
    expect(await outcomeAt("2020-09-15")).toBe("1000");
    expect(await outcomeAt()).toBe("2000");
  });
});
