import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { areaCardsOf, defaultCatalog, jsonlStore, period, planBaselineProjection, replay } from "@tertial/core";

const LOG = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2022-plan/events.jsonl");

describe("a plan laid out per area reads the same baseline, grouped by area", () => {
  it("gives each described or budgeted area its purpose, target group, goals, activities, budget, financing and staff", async () => {
    const result = await replay(jsonlStore({ path: LOG, catalog: defaultCatalog }), defaultCatalog, planBaselineProjection, { period: period("2022"), knownAt: "2021-12-31" });
    const plan = result.plans.find((each) => each.planId === "vp-2022-2024");
    if (plan === undefined) throw new Error("no plan");
    const cards = areaCardsOf(result, plan, 2022);
    // 19 described areas, then the budgeted ones without a description (Ledning och stab).
    const costs = plan.budget.find((year) => year.year === 2022)?.costs ?? [];
    expect(cards.length).toBe(plan.areas.length + costs.filter((row) => !plan.areas.some((area) => area.areaId === row.areaId)).length);
    expect(cards.map((card) => card.areaId)).toContain("ledning-och-stab");
    const utbildning = cards.find((card) => card.areaId === "fourum-utbildning");
    expect(utbildning?.name).toBe("FoUrum utbildning");
    expect(utbildning?.purpose).not.toBeNull();
    expect([utbildning?.budget?.amount, utbildning?.funds?.available, utbildning?.multiYear.map((entry) => [entry.year, entry.row.amount])]).toEqual(["3129000", "6840000", [[2023, "3192000"], [2024, "3281000"]]]);
    expect(utbildning?.financing.map((entry) => entry.total)).toEqual(["3200000"]);
    // Fjärrundervisning sits under FoUrum utbildning, so its 0,6 is on the card too.
    expect(utbildning?.staff.map((line) => [line.lineId, line.fte])).toEqual([
      ["fjarrundervisning", "0.6"],
      ["fourum-utbildning", "2.1"],
    ]);
    // A card's totals are the budget appendix's rows: the cards' net costs add up to the plan's total.
    const net = cards.reduce((total, card) => total + Number(card.budget?.net ?? "0"), 0);
    expect(String(net)).toBe(plan.budget.find((year) => year.year === 2022)?.netTotal);
    // FoUrum social's card holds the staff of every line under it: the 4.1 list's 35,35.
    const social = cards.find((card) => card.areaId === "fourum-social");
    expect(social?.staff.reduce((total, line) => total + Number(line.fte) * 100, 0)).toBe(3535);
    // Chapter 4's activities name their area; this plan's goals are the organisation's (chapter 3), tied to no area.
    expect(cards.filter((card) => card.activities.length > 0).length).toBeGreaterThan(0);
    expect(cards.every((card) => card.goals.length === 0)).toBe(true);
  });
});
