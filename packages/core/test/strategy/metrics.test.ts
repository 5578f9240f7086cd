import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, foldEvents, loadState, metricsProjection, period, saveState, type DomainEvent } from "@tertial/core";
import { domainEvent, referenceEvents, storeWithReference, tryAppend } from "../meetings/fixtures.js";

const T12 = period("2020-T1..T2");

const base = (): DomainEvent[] => [
  ...referenceEvents(),
  domainEvent("strategy.goal-established", "2020-01-01", { goalId: "mal-2", kind: "strategic", number: "2", title: "Partnerskap" }),
  domainEvent("strategy.goal-established", "2020-01-01", { goalId: "mal-3-2", kind: "area", number: "3.2", title: "Aktiva representanter", parentGoalId: "mal-2" }),
  domainEvent("strategy.metric-defined", "2020-01-01", {
    metricId: "narvaro",
    goalId: "mal-3-2",
    name: "Närvaro",
    unit: "percent",
    dataSource: "närvaroregistrering",
    frequency: "per-meeting",
    direction: "higher-is-better",
    target: { kind: "fixed", value: "0.8" },
    result: { from: "figure", key: "attendance.share", params: { network: "net" } },
    comparisons: ["same-period-last-year"],
    trendAgainst: "same-period-last-year",
  }),
];

const summary = (from: string, to: string, present: number) =>
  domainEvent("meetings.attendance-summary-recorded", to, { networkId: "net", from, to, meetings: 2, bySide: { kommun: { expected: 6, present } } });

const idOf = (events: readonly DomainEvent[], type: string): string => events.find((event) => event.type === type)?.id ?? "none";

const rowOf = (events: DomainEvent[]) => (foldEvents(metricsProjection, events, { period: T12 })).rows[0]!;

describe("metrics from pluggable sources", () => {
  it("takes the result from the attendance projection and the comparison from last year's facts", () => {
    const events = [...base(), summary("2019-01-01", "2019-08-31", 3), summary("2020-01-01", "2020-08-31", 5)];
    const row = rowOf(events);
    expect(row.result?.source).toBe("computed");
    expect(dec(row.result?.value ?? "0").equals(dec(5).dividedBy(6))).toBe(true);
    // The target rests on the metric's definition, not on the result's evidence.
    expect(row.target).toEqual({ kind: "fixed", printed: "0.8", effective: "0.8", evidence: [idOf(events, "strategy.metric-defined")] });
    expect(row.status).toEqual({ derived: "met", assessed: null, shown: "met", overridden: false });
    expect(row.comparisons[0]).toMatchObject({ comparison: "same-period-last-year", period: "2019-T1..T2", value: { value: "0.5", source: "computed" } });
    expect(row.trend).toEqual({ against: "same-period-last-year", period: "2019-T1..T2", comparedWith: "0.5", value: "up" });
  });

  it("falls back to a recorded result where the facts say nothing, and shows no result without either", () => {
    const recorded = domainEvent("strategy.metric-result-recorded", "2019-08-31", { metricId: "narvaro", from: "2019-01-01", to: "2019-08-31", value: "0.9" });
    const row = rowOf([...base(), recorded, summary("2020-01-01", "2020-08-31", 4)]);
    expect(row.comparisons[0]?.value).toMatchObject({ value: "0.9", source: "recorded" });
    expect(row.trend?.value).toBe("down");
    expect(rowOf(base()).status.shown).toBe("no-result");
  });

  it("judges trend and status on the values as printed: no arrow between two equal printed shares", () => {
    // 0.5783 and 0.5801 both print "58 %"; 0.7960 prints "80 %", the target.
    const recorded = (from: string, to: string, value: string) => domainEvent("strategy.metric-result-recorded", to, { metricId: "narvaro", from, to, value });
    const row = rowOf([...base(), recorded("2019-01-01", "2019-08-31", "0.5801"), recorded("2020-01-01", "2020-08-31", "0.5783")]);
    expect(row.trend?.value).toBe("unchanged");
    const atTarget = rowOf([...base(), recorded("2020-01-01", "2020-08-31", "0.796")]);
    expect(atTarget.status.derived).toBe("met");
    const below = rowOf([...base(), recorded("2020-01-01", "2020-08-31", "0.794")]);
    expect(below.status.derived).toBe("partly-met");
  });

  it("law: an authored assessment wins over the derived status and is reported as an override", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.constantFrom("met", "partly-met", "not-met", "no-result"), (present, assessed) => {
        const assessment = domainEvent("strategy.metric-status-assessed", "2020-08-31", { metricId: "narvaro", from: "2020-01-01", to: "2020-08-31", status: assessed, comment: "bedömning" });
        const row = rowOf([...base(), summary("2020-01-01", "2020-08-31", present), assessment]);
        expect(row.status.shown).toBe(assessed);
        expect(row.status.assessed).toBe(assessed);
        expect(row.status.overridden).toBe(assessed !== row.status.derived);
        expect(row.status.comment).toBe("bedömning");
      }),
      { numRuns: 200 },
    );
  });

  it("a share-of-base target prints the base and holds the result against share × base", () => {
    const events = base().slice(0, -1);
    events.push(
      domainEvent("strategy.metric-defined", "2020-01-01", {
        metricId: "beviljade",
        goalId: "mal-3-2",
        name: "Beviljade",
        unit: "st",
        dataSource: "ansökningar",
        frequency: "tertial",
        direction: "higher-is-better",
        target: { kind: "share-of-base", share: "0.5" },
        result: { from: "recorded" },
      }),
      domainEvent("strategy.metric-result-recorded", "2020-08-31", { metricId: "beviljade", from: "2020-01-01", to: "2020-08-31", value: "3", base: "8" }),
    );
    const row = rowOf(events);
    const [defined, recorded] = events.slice(-2).map((event) => event.id);
    expect(row.target).toEqual({ kind: "share-of-base", share: "0.5", printed: "8", effective: "4", evidence: [defined, recorded] });
    expect(row.shareOfBase).toBe("0.375");
    expect(row.status.derived).toBe("partly-met");
  });

  it("holds the result against the target a plan set for the period's year, and the metric's own target in other years", () => {
    const metric = (targets: readonly unknown[]) =>
      domainEvent("strategy.metric-defined", "2019-01-01", {
        metricId: "utbildningar",
        goalId: "mal-3-2",
        name: "Utbildningar",
        unit: "st",
        dataSource: "kursregistret",
        frequency: "tertial",
        direction: "higher-is-better",
        target: { kind: "fixed", value: "10" },
        targets,
        result: { from: "recorded" },
      });
    const results = [
      domainEvent("strategy.metric-result-recorded", "2020-08-31", { metricId: "utbildningar", from: "2020-01-01", to: "2020-08-31", value: "11" }),
      domainEvent("strategy.metric-result-recorded", "2019-08-31", { metricId: "utbildningar", from: "2019-01-01", to: "2019-08-31", value: "11" }),
    ];
    const planned = [...base().slice(0, -1), metric([{ year: 2020, target: { kind: "fixed", value: "12" } }, { year: 2021, target: { kind: "none" } }]), ...results];
    const in2020 = rowOf(planned);
    expect([in2020.target.printed, in2020.status.derived]).toEqual(["12", "partly-met"]);
    const in2019 = foldEvents(metricsProjection, planned, { period: period("2019-T1..T2") }).rows[0]!;
    expect([in2019.target.printed, in2019.status.derived]).toEqual(["10", "met"]);
    const unplanned = rowOf([...base().slice(0, -1), metric([]), ...results]);
    expect([unplanned.target.printed, unplanned.status.derived]).toEqual(["10", "met"]);
  });
});

describe("metrics checkpoints", () => {
  it("law: resuming from a saved state gives the same rows as a full fold", () => {
    const events = [...base(), summary("2019-01-01", "2019-08-31", 3), summary("2020-01-01", "2020-08-31", 5)];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: events.length }), (cut) => {
        const context = { period: T12 };
        let state = metricsProjection.init(context);
        for (const event of events.slice(0, cut)) state = metricsProjection.evolve(state, event, context);
        const resumed = loadState(metricsProjection, JSON.parse(JSON.stringify(saveState(metricsProjection, state))));
        expect(foldEvents(metricsProjection, events.slice(cut), context, resumed)).toEqual(foldEvents(metricsProjection, events, context));
      }),
      { numRuns: 200 },
    );
  });
});

describe("strategy: bad input is refused whole", () => {
  it("a metric of an unknown goal, from an unknown source, and a status outside the four", async () => {
    const store = await storeWithReference();
    const { issues, appended } = await tryAppend(store, [
      { type: "strategy.metric-defined", effectiveAt: "2020-01-01", data: { metricId: "m", goalId: "nej", name: "M", unit: "percent", dataSource: "x", frequency: "tertial", direction: "higher-is-better", target: { kind: "none" }, result: { from: "figure", key: "no.such" } } },
    ]);
    expect(appended).toBe(0);
    expect(issues.map((found) => found.path)).toEqual(["data.goalId", "data.result.key"]);
    const status = await tryAppend(store, [{ type: "strategy.metric-status-assessed", effectiveAt: "2020-08-31", data: { metricId: "m", from: "2020-01-01", to: "2020-08-31", status: "bra" } }]);
    expect(status.issues[0]).toMatchObject({ path: "data.status", expected: 'one of "met", "partly-met", "not-met", "no-result"' });
  });

  it("a strategic goal numbered by no positive whole number (7 and 12 are fine: any organisation may have as many goals as it has)", async () => {
    const store = await storeWithReference();
    const { issues } = await tryAppend(store, [{ type: "strategy.goal-established", effectiveAt: "2020-01-01", data: { goalId: "mal-0", kind: "strategic", number: "0", title: "Noll" } }]);
    expect(issues[0]).toMatchObject({ path: "data.number", actual: "0" });
  });
});
