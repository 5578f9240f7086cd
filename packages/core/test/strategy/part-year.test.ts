import { describe, expect, it } from "vitest";
import { dec, foldEvents, judgePartYear, metricFigures, metricsProjection, period, shareOfYear, type DomainEvent, type PartYearInput, type ResultReader } from "@tertial/core";
import { domainEvent, referenceEvents, storeWithReference, tryAppend } from "../meetings/fixtures.js";

const T1_2020 = period("2020-T1");
const T1_2021 = period("2021-T1");

const judged = (input: Partial<PartYearInput>) => judgePartYear({ judgement: undefined, unit: "courses", targetKind: "fixed", effective: "14", period: T1_2020, ...input });

describe("the part of its year a period covers", () => {
  it("counts the days exactly: T1 is 121 of 366 days in the leap year 2020, 120 of 365 in 2021; January–August 2021 243 of 365; a year all of it", () => {
    expect(shareOfYear(T1_2020)).toEqual({ days: 121, daysInYear: 366, yearEnd: "2020-12-31" });
    expect(shareOfYear(T1_2021)).toEqual({ days: 120, daysInYear: 365, yearEnd: "2021-12-31" });
    expect(shareOfYear(period("2021-T1..T2"))).toMatchObject({ days: 243, daysInYear: 365 });
    expect(shareOfYear(period("2021"))).toMatchObject({ days: 365, daysInYear: 365 });
    // A period across the new year counts its days in the year it ends in, whose target it is held against.
    expect(shareOfYear(period("2019-T3..2020-T1"))).toEqual({ days: 121, daysInYear: 366, yearEnd: "2020-12-31" });
  });
});

describe("a target judged for part of the year", () => {
  it("by default, and as `year-target`, is the year's target, with nothing to say", () => {
    expect(judged({})).toEqual({ effective: "14", judged: true });
    expect(judged({ judgement: "year-target" })).toEqual({ effective: "14", judged: true });
  });

  it("pro rata is the year's target × days ÷ days of the year, exactly, and says how", () => {
    const scaled = dec(14).times(121).dividedBy(366);
    const found = judged({ judgement: "pro-rata" });
    expect(dec(found.effective ?? "0").equals(scaled)).toBe(true);
    expect(found.judged).toBe(true);
    expect(found.partYear).toEqual({ judgement: "pro-rata", yearTarget: "14", days: 121, daysInYear: 366, derivation: "pro-rata: 14 × 121/366 days (2020-01-01..2020-04-30 of 2020) = 4.628415…" });
    expect(found.effective?.startsWith("4.6284153005464480874")).toBe(true);
    expect(judged({ judgement: "pro-rata", period: T1_2021, effective: "730000" }).effective).toBe("240000");
  });

  it("pro rata over the whole year is the year's target", () => {
    expect(judged({ judgement: "pro-rata", period: period("2020") })).toEqual({ effective: "14", judged: true });
  });

  it("pro rata never scales a percent (a level), a share of the period's own base, or last year's result for the same period", () => {
    const percent = judged({ judgement: "pro-rata", unit: "percent", effective: "0.8" });
    expect(percent).toMatchObject({ effective: "0.8", judged: true, partYear: { judgement: "year-target", requested: "pro-rata" } });
    expect(percent.partYear?.derivation).toContain("a percent result is a level");
    expect(judged({ judgement: "pro-rata", targetKind: "share-of-base", effective: "4" })).toMatchObject({ effective: "4", partYear: { judgement: "year-target" } });
    expect(judged({ judgement: "pro-rata", targetKind: "same-period-last-year", effective: "78" })).toMatchObject({ effective: "78", partYear: { judgement: "year-target" } });
    expect(judged({ judgement: "pro-rata", targetKind: "none", effective: null })).toEqual({ effective: null, judged: true });
  });

  it("year-end-only is not judged before the measured period reaches 31 December, and is judged as usual then", () => {
    expect(judged({ judgement: "year-end-only" })).toMatchObject({ effective: "14", judged: false, partYear: { judgement: "year-end-only", judgedFrom: "2020-12-31" } });
    expect(judged({ judgement: "year-end-only", period: period("2020-T1..T2") }).judged).toBe(false);
    expect(judged({ judgement: "year-end-only", period: period("2020") })).toEqual({ effective: "14", judged: true });
    // A percent metric too may wait for the year's end: only pro rata is refused it.
    expect(judged({ judgement: "year-end-only", unit: "percent", effective: "0.8" }).judged).toBe(false);
  });
});

/** A metric of `unit` with a fixed target for the year, judged as `judgement` says, and a recorded result for `at`. */
const metricLog = (judgement: string | undefined, unit: string, target: string, at: string, value: string): DomainEvent[] => {
  const p = period(at);
  return [
    ...referenceEvents(),
    domainEvent("strategy.goal-established", "2020-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: "Kompetens" }),
    domainEvent("strategy.metric-defined", "2020-01-01", {
      metricId: "m",
      goalId: "mal-1",
      name: "Mätetal",
      unit,
      dataSource: "register",
      frequency: "tertial",
      direction: "higher-is-better",
      target: { kind: "fixed", value: target },
      result: { from: "recorded" },
      ...(judgement === undefined ? {} : { partYearJudgement: judgement }),
    }),
    domainEvent("strategy.metric-result-recorded", p.end, { metricId: "m", from: p.start, to: p.end, value }),
  ];
};

const rowFor = (events: DomainEvent[], at: string) => foldEvents(metricsProjection, events, { period: period(at) }).rows[0]!;
const statusOf = (judgement: string | undefined, unit: string, target: string, at: string, value: string) => rowFor(metricLog(judgement, unit, target, at, value), at).status.derived;

describe("the status derived for part of the year", () => {
  it("by the year's target: 3 and 5 of 14 courses after T1 are not met", () => {
    expect(statusOf(undefined, "courses", "14", "2020-T1", "3")).toBe("not-met");
    expect(statusOf("year-target", "courses", "14", "2020-T1", "5")).toBe("not-met");
  });

  it("pro rata: 3 of 14 × 121/366 (printed 5) is partly met, 5 met, 2 not met; the annual report holds 14 against 14", () => {
    expect(statusOf("pro-rata", "courses", "14", "2020-T1", "3")).toBe("partly-met");
    expect(statusOf("pro-rata", "courses", "14", "2020-T1", "5")).toBe("met");
    expect(statusOf("pro-rata", "courses", "14", "2020-T1", "2")).toBe("not-met");
    expect(statusOf("pro-rata", "courses", "14", "2020", "13")).toBe("partly-met");
    expect(statusOf("pro-rata", "courses", "14", "2020", "14")).toBe("met");
    // 730 000 kronor a year is 240 000 for January–April 2021.
    expect(statusOf("pro-rata", "kronor", "730000", "2021-T1", "240000")).toBe("met");
    expect(statusOf("pro-rata", "kronor", "730000", "2021-T1", "239999")).toBe("partly-met");
  });

  it("pro rata leaves a percent metric held against the year's level: 60 % against 80 % is partly met however short the period", () => {
    const row = rowFor(metricLog("pro-rata", "percent", "0.8", "2020-T1", "0.6"), "2020-T1");
    expect(row.target.effective).toBe("0.8");
    expect(row.status.derived).toBe("partly-met");
    expect(statusOf("pro-rata", "percent", "0.8", "2020-T1", "0.3")).toBe("not-met");
  });

  it("year-end-only: no status after T1 or August, a status for the year; a missing result is still \"no result\"; an authored assessment still wins", () => {
    expect(statusOf("year-end-only", "courses", "14", "2020-T1", "3")).toBeNull();
    expect(statusOf("year-end-only", "courses", "14", "2020-T1..T2", "30")).toBeNull();
    expect(statusOf("year-end-only", "courses", "14", "2020", "3")).toBe("not-met");
    expect(statusOf("year-end-only", "courses", "14", "2020", "14")).toBe("met");
    const withoutResult = metricLog("year-end-only", "courses", "14", "2020-T1", "3").slice(0, -1);
    expect(rowFor(withoutResult, "2020-T1").status.derived).toBe("no-result");
    const assessed = domainEvent("strategy.metric-status-assessed", "2020-04-30", { metricId: "m", from: "2020-01-01", to: "2020-04-30", status: "partly-met" });
    expect(rowFor([...metricLog("year-end-only", "courses", "14", "2020-T1", "3"), assessed], "2020-T1").status).toMatchObject({ derived: null, shown: "partly-met", overridden: true });
  });

  it("the audit's derivations give the scaled target: the status against it, the printed target still the year's", () => {
    const result = foldEvents(metricsProjection, metricLog("pro-rata", "courses", "14", "2020-T1", "3"), { period: T1_2020 });
    const read = ((projection: unknown) => (projection === metricsProjection ? result : undefined)) as ResultReader;
    const status = metricFigures.status.evaluate(read, { metric: "m" });
    expect(status?.text).toBe("◆");
    expect(status?.derivation).toBe("default rule: partly-met (result 3 against 4.628415…; pro-rata: 14 × 121/366 days (2020-01-01..2020-04-30 of 2020) = 4.628415…; judged as printed: 3 against 5)");
    const target = metricFigures.target.evaluate(read, { metric: "m" });
    expect(target?.exact.toString()).toBe("14");
    expect(target?.derivation).toContain("pro-rata: 14 × 121/366 days");
  });

  it("says which printed values the status compared where the scaled target prints rounded: 4 of 13 × 121/366 ≈ 4.3 courses is met, as the reader sees 4 against 4", () => {
    const result = foldEvents(metricsProjection, metricLog("pro-rata", "courses", "13", "2020-T1", "4"), { period: T1_2020 });
    const read = ((projection: unknown) => (projection === metricsProjection ? result : undefined)) as ResultReader;
    const status = metricFigures.status.evaluate(read, { metric: "m" });
    expect(status?.text).toBe("●");
    expect(status?.derivation).toBe("default rule: met (result 4 against 4.297814…; pro-rata: 13 × 121/366 days (2020-01-01..2020-04-30 of 2020) = 4.297814…; judged as printed: 4 against 4)");
  });
});

const metricDraft = (data: Record<string, unknown>, schemaVersion?: number) => ({
  type: "strategy.metric-defined",
  effectiveAt: "2020-01-01",
  ...(schemaVersion === undefined ? {} : { schemaVersion }),
  data: { metricId: "m", goalId: "mal-1", name: "M", unit: "courses", dataSource: "x", frequency: "tertial", direction: "higher-is-better", target: { kind: "fixed", value: "14" }, result: { from: "recorded" }, ...data },
});
const goal = { type: "strategy.goal-established", effectiveAt: "2020-01-01", data: { goalId: "mal-1", kind: "strategic", number: "1", title: "Ett" } };

describe("partYearJudgement in the log", () => {
  it("takes one of three values, and says which when given another", async () => {
    const store = await storeWithReference();
    const refused = await tryAppend(store, [goal, metricDraft({ partYearJudgement: "halvår" })]);
    expect(refused.appended).toBe(0);
    expect(refused.issues[0]).toMatchObject({ path: "data.partYearJudgement", expected: 'one of "year-target", "pro-rata", "year-end-only"' });
    expect((await tryAppend(store, [goal, metricDraft({ partYearJudgement: "pro-rata" })])).issues).toEqual([]);
  });

  it("refuses pro rata for a percent metric, whose result is a level", async () => {
    const store = await storeWithReference();
    const refused = await tryAppend(store, [goal, metricDraft({ unit: "percent", target: { kind: "fixed", value: "0.8" }, partYearJudgement: "pro-rata" })]);
    expect(refused.appended).toBe(0);
    expect(refused.issues).toMatchObject([{ path: "data.partYearJudgement", expected: '"year-target" or "year-end-only"', actual: "pro-rata" }]);
    expect((await tryAppend(store, [goal, metricDraft({ unit: "percent", target: { kind: "fixed", value: "0.8" }, partYearJudgement: "year-end-only" })])).issues).toEqual([]);
  });

  it("refuses year-end-only for a metric measured over the first half-year, which would never be judged", async () => {
    const store = await storeWithReference();
    const refused = await tryAppend(store, [goal, metricDraft({ measuredOver: "first-half-year", partYearJudgement: "year-end-only" })]);
    expect(refused.appended).toBe(0);
    expect(refused.issues).toMatchObject([{ path: "data.partYearJudgement", message: "a metric measured over the first half-year never reaches the year's end, so it would never be judged" }]);
    expect((await tryAppend(store, [goal, metricDraft({ measuredOver: "first-half-year", partYearJudgement: "pro-rata" })])).issues).toEqual([]);
  });

  it("is new in version 4: a version 3 line without it is stored as it is and decodes to the year's target; a version 3 line with it is refused", async () => {
    const store = await storeWithReference();
    expect((await tryAppend(store, [goal, metricDraft({ shortName: "Kurser" }, 3)])).issues).toEqual([]);
    const stored = store.events().find((event) => event.type === "strategy.metric-defined");
    expect(stored?.schemaVersion).toBe(3);
    expect(stored?.data).not.toHaveProperty("partYearJudgement");
    const refused = await tryAppend(store, [metricDraft({ metricId: "m3", partYearJudgement: "pro-rata" }, 3)]);
    expect(refused.appended).toBe(0);
    expect(refused.issues[0]?.path).toBe("data.partYearJudgement");
    expect((await tryAppend(store, [metricDraft({ metricId: "m4", partYearJudgement: "pro-rata" })])).issues).toEqual([]);
    expect(store.events().at(-1)?.schemaVersion).toBe(4);
  });
});
