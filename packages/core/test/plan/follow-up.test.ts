import { describe, expect, it } from "vitest";
import {
  countingEvents,
  memoryStore,
  defaultCatalog,
  FigureComputer,
  period,
  planActivities,
  planActivitiesMoved,
  planForecastCost,
  planForecastDeviation,
  planForecastDeviationShare,
  planMetricTarget,
  planOutcomeDeviation,
  planOutcomeDeviationShare,
  type DomainEvent,
  type EventDraft,
  type FigureSource,
} from "@tertial/core";
import { PLAN, planPreamble } from "./support.js";

const AFTER_ADOPTION = "2022-03-01T00:00:00.000Z";
const REVISED = "2022-06-01T00:00:00.000Z";

const metric = (id: string, target: string, extra: Partial<EventDraft> = {}): EventDraft => ({
  id,
  type: "strategy.metric-defined",
  effectiveAt: "2022-01-01",
  data: { metricId: "m1", goalId: "mal-1", name: "Nöjda deltagare", unit: "percent", dataSource: "enkät", frequency: "year", direction: "higher-is-better", target: { kind: "none" }, result: { from: "recorded" }, targets: [{ year: 2022, target: { kind: "fixed", value: target } }] },
  ...extra,
});

/** A plan for 2022 (Social 1 000 000 kr), its books for the first tertial, a metric target and two activities; all recorded by March 2022. */
const adopted: EventDraft[] = [
  { id: "cost-social", type: "plan.cost-planned", effectiveAt: "2021-12-31", data: { planId: PLAN, areaId: "social", year: 2022, amount: "1000000", basis: "net" } },
  { id: "cost-stab", type: "plan.cost-planned", effectiveAt: "2021-12-31", data: { planId: PLAN, areaId: "stab", year: 2022, amount: "500000", basis: "net" } },
  metric("metric-m1", "80"),
  { type: "finance.opening-balance-recorded", effectiveAt: "2021-12-31", data: { areaId: "social", asOf: "2021-12-31", amount: "200000" } },
  { type: "finance.funds-received", effectiveAt: "2022-04-30", data: { areaId: "social", from: "2022-01-01", to: "2022-04-30", amount: "1000000", source: "kommunerna" } },
  { type: "finance.cost-booked", effectiveAt: "2022-04-30", data: { areaId: "social", from: "2022-01-01", to: "2022-04-30", amount: "400000" } },
  { type: "finance.forecast-made", effectiveAt: "2022-04-30", data: { areaId: "social", horizon: "2022-12-31", amount: "300000" } },
  { id: "a1", type: "activities.activity-planned", effectiveAt: "2022-01-01", data: { activityId: "a1", title: "Nätverksträffar", goalId: "mal-1", year: 2022, planId: PLAN, areaId: "social" } },
  { id: "a2", type: "activities.activity-planned", effectiveAt: "2022-01-01", data: { activityId: "a2", title: "Förstudie", goalId: "mal-1", year: 2022, planId: PLAN, areaId: "social" } },
  { type: "activities.status-changed", effectiveAt: "2022-03-15", data: { activityId: "a1", status: "done" } },
  { type: "activities.moved-to-next-year", effectiveAt: "2022-04-01", data: { activityId: "a2", toYear: 2023 } },
].map((draft, index) => ({ ...draft, recordedAt: new Date(Date.parse(AFTER_ADOPTION) + index * 1000).toISOString() }));

/** A revision recorded in June: a higher budget and a higher target for 2022. */
const revision: EventDraft[] = [
  { type: "plan.cost-planned", effectiveAt: "2021-12-31", supersedes: "cost-social", recordedAt: REVISED, data: { planId: PLAN, areaId: "social", year: 2022, amount: "1200000", basis: "net" } },
  metric("metric-m1-revised", "90", { supersedes: "metric-m1", recordedAt: "2022-06-01T00:00:01.000Z" }),
];

const computerAt = async (knownAt: string | undefined): Promise<FigureComputer> => {
  // The clock stands after everything; each draft carries the instant it was recorded.
  const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
  const preamble = planPreamble().map((draft, index) => ({ ...draft, recordedAt: new Date(Date.UTC(2021, 11, 31, 8) + index * 1000).toISOString() }));
  const outcome = await store.append([...preamble, ...adopted, ...revision]);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const events: DomainEvent[] = [];
  for await (const event of countingEvents(store, defaultCatalog, knownAt)) events.push(event);
  return new FigureComputer(events, knownAt);
};

const value = (computer: FigureComputer, figure: FigureSource, params: Record<string, string>, when = "2022-T1"): string | undefined => {
  const computed = computer.compute(figure, params, period(when));
  return computed === undefined ? undefined : (computed.text ?? computed.exact.toFixed());
};

describe("a follow-up's plan columns", () => {
  it("set the plan's budget against the outcome and the forecast, with the deviation in kr and as a share", async () => {
    const computer = await computerAt("2022-05-15");
    const social = { area: "social" };
    expect(value(computer, planOutcomeDeviation, social)).toBe("600000");
    expect(value(computer, planOutcomeDeviationShare, social)).toBe("0.6");
    // Forecast cost: disponibla 1 200 000 less prognos kvarvarande 300 000.
    expect(value(computer, planForecastCost, social)).toBe("900000");
    expect(value(computer, planForecastDeviation, social)).toBe("100000");
    expect(value(computer, planForecastDeviationShare, social)).toBe("0.1");
    // An area the books say nothing of has no deviation, not a deviation of its whole budget.
    expect(value(computer, planOutcomeDeviation, { area: "stab" })).toBeUndefined();
  });

  it("give the year's target from the plan, and the year's activities by status and those moved on", async () => {
    const computer = await computerAt("2022-05-15");
    expect(value(computer, planMetricTarget, { metric: "m1" })).toBe("80");
    expect(value(computer, planActivities, {})).toBe("1");
    expect(value(computer, planActivities, { status: "done" })).toBe("1");
    expect(value(computer, planActivities, { status: "not-started" })).toBe("0");
    expect(value(computer, planActivitiesMoved, {})).toBe("1");
  });

  it("use the plan as known at the report's cut-off: a revision recorded later changes nothing, and shows once known", async () => {
    const before = await computerAt("2022-05-15");
    const now = await computerAt(undefined);
    expect([value(before, planMetricTarget, { metric: "m1" }), value(now, planMetricTarget, { metric: "m1" })]).toEqual(["80", "90"]);
    expect([value(before, planOutcomeDeviation, { area: "social" }), value(now, planOutcomeDeviation, { area: "social" })]).toEqual(["600000", "800000"]);
    // Before the plan was recorded at all there is nothing to compare against: never a later target.
    const early = await computerAt("2022-02-01");
    expect(value(early, planMetricTarget, { metric: "m1" })).toBeUndefined();
  });
});
