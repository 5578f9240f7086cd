import { dec } from "../../numbers/decimal.js";
import { defineProjection } from "../../projection/projection.js";
import { defineFigure, type FigureSource } from "../../reconciliation/figure-source.js";
import { effectiveDateOf } from "../../time/effective.js";
import { FocusAreaEstablished, GoalEstablished } from "./events.js";

export interface StrategyOverviewResult {
  /** Goal id → the event that established it, for goals in force by the period's end, by kind. */
  readonly goals: Readonly<Record<"strategic" | "area", Readonly<Record<string, string>>>>;
  /** Focus areas of the whole organisation whose years hold the period's end year: id → event. */
  readonly focusAreas: Readonly<Record<string, string>>;
}

interface StrategyOverviewState {
  goals: { strategic: Record<string, string>; area: Record<string, string> };
  focusAreas: Record<string, string>;
}

/** How many goals and focus areas the organisation works to in the period: the counts its texts print ("sex strategiska mål"). */
export const strategyOverviewProjection = defineProjection<StrategyOverviewState, StrategyOverviewResult>({
  name: "strategy-overview",
  description: "Strategic and area goals in force at the period's end, and the whole organisation's focus areas for the period's year.",
  init: () => ({ goals: { strategic: {}, area: {} }, focusAreas: {} }),
  evolve: (state, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (date === undefined || date > period.end) return state;
    if (GoalEstablished.is(event)) state.goals[event.data.kind === "area" ? "area" : "strategic"][event.data.goalId] = event.id;
    if (FocusAreaEstablished.is(event) && event.data.areaId === undefined) {
      const year = Number(period.end.slice(0, 4));
      if (event.data.year <= year && year <= event.data.toYear) state.focusAreas[event.data.focusAreaId] = event.id;
      else delete state.focusAreas[event.data.focusAreaId];
    }
    return state;
  },
  result: (state) => ({ goals: state.goals, focusAreas: state.focusAreas }),
});

const counted = (ids: Readonly<Record<string, string>>, derivation: string) => ({ exact: dec(String(Object.keys(ids).length)), evidence: Object.values(ids).sort(), derivation });

export const goalsCountFigure = defineFigure(strategyOverviewProjection, {
  key: "strategy.goals",
  description: "How many goals are in force at the period's end (\"Kommunal utveckling har sex strategiska mål\").",
  params: { kind: "strategic (default) or area" },
  unit: "count",
  example: { kind: "strategic" },
  compute: (result, params) => (params.kind !== undefined && params.kind !== "strategic" && params.kind !== "area" ? undefined : counted(result.goals[params.kind === "area" ? "area" : "strategic"], `${params.kind ?? "strategic"} goals in force`)),
});

export const focusAreasCountFigure = defineFigure(strategyOverviewProjection, {
  key: "strategy.focus-areas",
  description: "How many focus areas the whole organisation has for the period's year (\"tre fokusområden\").",
  params: {},
  unit: "count",
  example: {},
  compute: (result) => counted(result.focusAreas, "focus areas of the whole organisation for the year"),
});

export const strategyOverviewFigures: readonly FigureSource[] = [goalsCountFigure, focusAreasCountFigure];
