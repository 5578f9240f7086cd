import { describe, expect, it } from "vitest";
import { defaultCatalog, period, planBaselineProjection, planEarmarkedFunds, planOpeningBalance, planPassThrough, planTurnoverExpected, replay, type PlanBaselineResult } from "@tertial/core";
import { PLAN, planStore } from "./support.js";

/** A plan whose text speaks of funds beside its tables, read for the whole span as a plan document reads it. */
const baseline = async (): Promise<PlanBaselineResult> => {
  const store = await planStore([
    { type: "plan.turnover-expected", effectiveAt: "2021-12-31", data: { planId: PLAN, year: 2021, amount: "43000000", knownTo: "1000000" } },
    { type: "plan.opening-balance-forecast", effectiveAt: "2021-12-31", data: { planId: PLAN, year: 2022, areaId: "social", amount: "1000000" } },
    { type: "plan.opening-balance-forecast", effectiveAt: "2021-12-31", data: { planId: PLAN, year: 2022, areaId: "stab", amount: "250000" } },
    {
      type: "plan.earmarked-funds-registered",
      effectiveAt: "2021-12-31",
      data: {
        planId: PLAN,
        programmeId: "psykisk-halsa",
        name: "Psykisk hälsa",
        year: 2022,
        opening: "43000000",
        allocations: [
          { areaId: "social", amount: "25600000" },
          { areaId: "social", purpose: "Ungdomsmottagningar", amount: "6000000" },
          { areaId: "stab", amount: "11700000" },
        ],
        knownTo: "100000",
      },
    },
    { type: "plan.pass-through-planned", effectiveAt: "2021-12-31", data: { planId: PLAN, year: 2022, recipients: "Kommunerna", purpose: "Nära vård", amount: "19800000", programmeId: "psykisk-halsa" } },
    { type: "plan.pass-through-planned", effectiveAt: "2021-12-31", data: { planId: PLAN, year: 2022, recipients: "Regionen", purpose: "Utan belopp", programmeId: "psykisk-halsa" } },
  ]);
  return replay(store, defaultCatalog, planBaselineProjection, { period: period("2022..2024") });
};

const amount = (figure: { readonly exact: { toString(): string } } | undefined): string | undefined => figure?.exact.toString();

describe("the funds a plan's text speaks of", () => {
  it("reads the year a figure names, not the year the plan's span ends in", async () => {
    const result = await baseline();
    expect(amount(planTurnoverExpected.compute(result, { plan: PLAN, year: "2021" }))).toBe("43000000");
    expect(planTurnoverExpected.compute(result, { plan: PLAN })).toBeUndefined();
    expect(planTurnoverExpected.compute(result, { plan: PLAN, year: "tjugo" })).toBeUndefined();
    expect(amount(planOpeningBalance.compute(result, { plan: PLAN, year: "2022" }))).toBe("1250000");
  });

  it("leaves a row out of a funds total when asked, and refuses to leave one out of a single row", async () => {
    const result = await baseline();
    expect(amount(planOpeningBalance.compute(result, { plan: PLAN, year: "2022", except: "stab" }))).toBe("1000000");
    expect(planOpeningBalance.compute(result, { plan: PLAN, year: "2022", row: "social", except: "stab" })).toBeUndefined();
  });

  it("gives an area's share of earmarked funds without the purposes inside it, a purpose on its own, and the opening amount", async () => {
    const result = await baseline();
    const earmarked = (params: Record<string, string>) => amount(planEarmarkedFunds.compute(result, { plan: PLAN, year: "2022", programme: "psykisk-halsa", ...params }));
    expect(earmarked({ measure: "opening" })).toBe("43000000");
    expect(earmarked({ measure: "allocated", area: "social" })).toBe("25600000");
    expect(earmarked({ measure: "allocated", purpose: "ungdomsmottagningar" })).toBe("6000000");
    expect(earmarked({ measure: "allocated" })).toBe("43300000");
    // The plan states no remaining funds for this programme: a blank, not a zero.
    expect(earmarked({ measure: "remaining" })).toBeUndefined();
    expect(earmarked({ measure: "spent" })).toBeUndefined();
    expect(planEarmarkedFunds.compute(result, { plan: PLAN, year: "2022", programme: "psykisk-halsa", measure: "opening" })?.uncertainty?.toString()).toBe("50000");
  });

  it("sums the payments passed on whose amount the plan gives", async () => {
    const result = await baseline();
    const paid = planPassThrough.compute(result, { plan: PLAN, year: "2022", programme: "psykisk-halsa" });
    expect(amount(paid)).toBe("19800000");
    expect(paid?.evidence.length).toBe(1);
    expect(planPassThrough.compute(result, { plan: PLAN, year: "2023" })).toBeUndefined();
  });
});
