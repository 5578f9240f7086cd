import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dec,
  defaultCatalog,
  type EventSource,
  type StoredEvent,
  period,
  planBaselineProjection,
  planBudget,
  planFollowUpProjection,
  budgetFollowUpProjection,
  replayMany,
  planNetCost,
  planRevenue,
  planStaff,
  replay,
  sum,
  type ComputedFigure,
  type EventDraft,
  type PlanBaselineResult,
} from "@tertial/core";
import { arbLogScript, buildLog, correctionInvarianceLaw, defaultWorld, determinismLaw, knownAtPrefixLaw, referencePreamble } from "@tertial/core/testing";

const PLAN = "vp";
const adopted: EventDraft = { type: "plan.adopted", effectiveAt: "2019-12-31", data: { planId: PLAN, kind: "verksamhetsplan", title: "VP 2020-2022", fromYear: 2020, toYear: 2022, detailedYear: 2020, comparisonYear: 2019 } };
const YEARS = [2019, 2020, 2021, 2022];
const amount = fc.integer({ min: -2_000_000, max: 60_000_000 }).map(String);

/** Plan facts over the default world's areas; the store's rules drop any that do not fit. */
const arbPlanDraft: fc.Arbitrary<EventDraft> = fc.oneof(
  fc.record({ areaId: fc.constantFrom(...defaultWorld.areas), year: fc.constantFrom(...YEARS), amount, basis: fc.constantFrom("net", "gross") }).map((data) => ({ type: "plan.cost-planned", effectiveAt: "2019-12-31", data: { planId: PLAN, ...data } })),
  fc.record({ areaId: fc.constantFrom(...defaultWorld.areas), year: fc.constantFrom(...YEARS), amount: fc.integer({ min: 0, max: 5_000_000 }).map(String) }).map((data) => ({ type: "plan.overhead-allocated", effectiveAt: "2019-12-31", data: { planId: PLAN, ...data } })),
  fc.record({ year: fc.constantFrom(...YEARS), category: fc.constantFrom("municipalities", "carried-over-state", "other"), amount }).map((data) => ({ type: "plan.revenue-planned", effectiveAt: "2019-12-31", data: { planId: PLAN, ...data } })),
  fc
    .record({ lineId: fc.constantFrom("a", "b", "c"), year: fc.constantFrom(2020, 2021), areaIds: fc.subarray([...defaultWorld.areas], { minLength: 1 }), fte: fc.integer({ min: 0, max: 2000 }).map((n) => dec(n).dividedBy(100).toString()), staffClass: fc.constantFrom("fou", "management", "other") })
    .map((data) => ({ type: "plan.staff-planned", effectiveAt: "2019-12-31", data: { planId: PLAN, ...data } })),
);

/** A revision restates the amount or FTE of an earlier fact. */
const restate = (draft: EventDraft, variant: number): EventDraft | undefined => {
  const data = draft.data as Record<string, unknown>;
  if (typeof data.amount === "string") return { ...draft, data: { ...data, amount: String(variant % 9_000_000) } };
  if (typeof data.fte === "string") return { ...draft, data: { ...data, fte: String(variant % 30) } };
  return undefined;
};

const log = arbLogScript({ preamble: [...referencePreamble(), adopted], draft: arbPlanDraft, restate, maxEvents: 14 });
const subject = { catalog: defaultCatalog, log, restate, period: fc.constantFrom(period("2020"), period("2021-T2"), period("2022")) };
const RUNS = { numRuns: 60 };
const sourceOf = (events: readonly StoredEvent[]): EventSource => ({
  read: async function* () {
    yield* events;
  },
});

describe("the plan baseline obeys Tertial's laws", () => {
  it("a plan as known at t is unchanged by anything recorded after t, revisions included", async () => {
    await fc.assert(knownAtPrefixLaw(planBaselineProjection, subject), RUNS);
  });

  it("takes revisions (supersedes) and retractions into account like any correction, and is deterministic", async () => {
    await fc.assert(correctionInvarianceLaw(planBaselineProjection, subject), RUNS);
    await fc.assert(determinismLaw(planBaselineProjection, subject), RUNS);
  });

  it("budget rows foot to their totals, and staff lines to their classes, for any generated plan", async () => {
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(log, async (script) => {
        const { events } = await buildLog(defaultCatalog, script);
        const result: PlanBaselineResult = await replay(sourceOf(events), defaultCatalog, planBaselineProjection, { period: period("2020") });
        for (const plan of result.plans) {
          for (const year of plan.budget) {
            rows += year.costs.length;
            expect(sum(year.costs.map((row) => dec(row.net))).eq(year.netTotal)).toBe(true);
            expect(sum(year.costs.map((row) => dec(row.amount).minus(row.overheadAllocated))).eq(year.netTotal)).toBe(true);
            expect(dec(year.grossTotal).minus(sum(year.costs.map((row) => dec(row.overheadAllocated)))).eq(year.netTotal)).toBe(true);
            if (year.revenueTotal !== null) expect(sum(year.revenue.map((line) => dec(line.amount))).eq(year.revenueTotal)).toBe(true);
          }
          for (const staff of plan.staff) {
            expect(sum(staff.lines.map((line) => dec(line.fte))).eq(staff.total)).toBe(true);
            expect(sum(Object.values(staff.byClass).map((value) => dec(value))).eq(staff.total)).toBe(true);
          }
        }
      }),
      RUNS,
    );
    // The generated logs must hold plan facts, or the footing above proves nothing.
    expect(rows).toBeGreaterThan(0);
  });

  it("a follow-up as known at t compares against the plan as known at t: a revision recorded after t changes nothing", async () => {
    await fc.assert(knownAtPrefixLaw(planFollowUpProjection, subject), RUNS);
  });

  it("a follow-up read from the folds a report shares (the plans, the period's ledger) is the follow-up replayed alone", async () => {
    let plans = 0;
    await fc.assert(
      fc.asyncProperty(log, subject.period, async (script, asked) => {
        const { events } = await buildLog(defaultCatalog, script);
        const options = { period: asked };
        const many = await replayMany(sourceOf(events), defaultCatalog, [{ projection: planFollowUpProjection, period: "report" }, { projection: budgetFollowUpProjection, period: "report" }], options);
        const alone = await replay(sourceOf(events), defaultCatalog, planFollowUpProjection, options);
        plans += alone.baseline.plans.length;
        expect(many.results.get(planFollowUpProjection)).toEqual(alone);
      }),
      RUNS,
    );
    expect(plans).toBeGreaterThan(0);
  });

  it("the plan's figures foot: rows over the declared parameter add up to the figure without it, for any generated plan", async () => {
    let compared = 0;
    const valueOf = (figure: ComputedFigure | undefined) => figure?.exact ?? dec(0);
    await fc.assert(
      fc.asyncProperty(log, async (script) => {
        const { events } = await buildLog(defaultCatalog, script);
        const result: PlanBaselineResult = await replay(sourceOf(events), defaultCatalog, planBaselineProjection, { period: period("2020") });
        for (const plan of result.plans) {
          const ofPlan = { plan: plan.planId };
          const year = plan.budget.find((entry) => entry.year === result.year);
          if (year !== undefined && year.costs.length > 0) {
            compared += 1;
            const areas = year.costs.map((row) => row.areaId);
            expect(sum(areas.map((area) => valueOf(planNetCost.compute(result, { ...ofPlan, area })))).eq(valueOf(planNetCost.compute(result, ofPlan)))).toBe(true);
            const rows = [...areas, "overhead"];
            expect(sum(rows.map((row) => valueOf(planBudget.compute(result, { ...ofPlan, row })))).eq(valueOf(planBudget.compute(result, ofPlan)))).toBe(true);
            expect(valueOf(planBudget.compute(result, ofPlan)).eq(valueOf(planNetCost.compute(result, ofPlan)))).toBe(true);
          }
          if (year !== undefined && year.revenue.length > 0) {
            const categories = [...new Set(year.revenue.map((line) => line.category))];
            expect(sum(categories.map((category) => valueOf(planRevenue.compute(result, { ...ofPlan, category })))).eq(valueOf(planRevenue.compute(result, ofPlan)))).toBe(true);
          }
          const classes = ["fou", "management", "other"];
          expect(sum(classes.map((each) => valueOf(planStaff.compute(result, { ...ofPlan, class: each })))).eq(valueOf(planStaff.compute(result, ofPlan)))).toBe(true);
        }
      }),
      RUNS,
    );
    expect(compared).toBeGreaterThan(0);
  });
});
