import { describe, expect, it } from "vitest";
import type { EventDraft } from "@tertial/core";
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

  it("rejects an accounting period that does not end on the effective date", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([{ ...cost({ areaId: "kok" }), effectiveAt: "2020-06-30" }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues[0]).toEqual(expect.objectContaining({ path: "effectiveAt", expected: "2020-08-31" }));
  });

  it("accepts a well-formed cost", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([cost({ areaId: "kok", source: "kommunerna" })]);
    expect(outcome.ok).toBe(true);
  });
});
