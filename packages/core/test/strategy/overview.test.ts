import { describe, expect, it } from "vitest";
import { focusAreasCountFigure, foldEvents, goalsCountFigure, period, strategyOverviewProjection } from "@tertial/core";
import { domainEvent } from "../meetings/fixtures.js";

const goal = (goalId: string, effectiveAt: string, kind = "strategic") => domainEvent("strategy.goal-established", effectiveAt, { goalId, kind, number: goalId, title: `Mål ${goalId}` }, `goal-${goalId}`);
const focus = (focusAreaId: string, year: number, toYear: number, areaId?: string) =>
  domainEvent("strategy.focus-area-established", "2019-06-10", { focusAreaId, number: 1, title: focusAreaId, year, toYear, ...(areaId === undefined ? {} : { areaId }) }, `focus-${focusAreaId}`);

const count = (key: "strategy.goals" | "strategy.focus-areas", events: ReturnType<typeof goal>[], params: Record<string, string> = {}) => {
  const result = foldEvents(strategyOverviewProjection, events, { period: period("2020-T1..T2") });
  return key === "strategy.goals" ? goalsCountFigure.compute(result, params) : focusAreasCountFigure.compute(result, {});
};

describe("the counts of goals and focus areas a text prints", () => {
  it("count goals in force by the period's end, strategic and area apart", () => {
    const events = [goal("1", "2020-01-01"), goal("2", "2020-01-01"), goal("2.2", "2020-01-01", "area"), goal("7", "2020-09-01")];
    expect(count("strategy.goals", events)?.exact.toString()).toBe("2");
    expect(count("strategy.goals", events)?.evidence).toEqual(["goal-1", "goal-2"]);
    expect(count("strategy.goals", events, { kind: "area" })?.exact.toString()).toBe("1");
    expect(count("strategy.goals", events, { kind: "annat" })).toBeUndefined();
  });

  it("count the whole organisation's focus areas for the period's year, not one area's or another year's", () => {
    const events = [focus("a", 2020, 2020), focus("b", 2019, 2021), focus("c", 2021, 2022), focus("d", 2020, 2020, "fourum-fritid")];
    expect(count("strategy.focus-areas", events)?.exact.toString()).toBe("2");
  });
});
