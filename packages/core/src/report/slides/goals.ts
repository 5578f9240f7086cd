import { GoalEstablished, MetricDefined } from "../../domains/strategy/events.js";
import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { compareSectionNumbers } from "../builders/goals.js";

interface SlideGoal {
  readonly title: string;
  readonly number: string;
  readonly parentGoalId: string | null;
}

interface SlideMetric {
  readonly goalId: string;
  /** The figure the metric's result is computed from ("courses.held"), or null for a recorded result. */
  readonly figureKey: string | null;
}

export interface SlideGoalsResult {
  readonly goals: Readonly<Record<string, SlideGoal>>;
  readonly metrics: Readonly<Record<string, SlideMetric>>;
}

interface SlideGoalsState {
  goals: Record<string, SlideGoal>;
  metrics: Record<string, SlideMetric>;
}

/**
 * The organisation's goals and which goal each metric measures, as in force at the period's end:
 * what a slide's heading is taken from. Local to the slides (read only, like the report's goals).
 */
export const slideGoalsProjection = defineProjection<SlideGoalsState, SlideGoalsResult>({
  name: "slide-goals",
  description: "Goals (title, number, parent) and the goal and result figure of each metric, in force at the period's end: the slides' headings.",
  init: () => ({ goals: {}, metrics: {} }),
  evolve: (state, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (date === undefined || date > period.end) return state;
    if (GoalEstablished.is(event)) state.goals[event.data.goalId] = { title: event.data.title, number: event.data.number, parentGoalId: event.data.parentGoalId ?? null };
    if (MetricDefined.is(event)) state.metrics[event.data.metricId] = { goalId: event.data.goalId, figureKey: event.data.result.from === "figure" ? event.data.result.key : null };
    return state;
  },
  result: (state) => state,
});

/**
 * What a slide shows, so that its heading can be the strategic goal the organisation measures it
 * under: metrics by id (the deck's own choice), and the figures a metric's result may come from.
 */
export interface SlideMeasures {
  readonly metrics?: readonly string[];
  readonly figures?: readonly string[];
}

/** The strategic goal above a goal (an area goal's parent), or the goal itself. */
const strategicOf = (goals: SlideGoalsResult["goals"], goalId: string): SlideGoal | undefined => {
  const goal = goals[goalId];
  return goal?.parentGoalId === null || goal === undefined ? goal : (goals[goal.parentGoalId] ?? goal);
};

/**
 * The title of the strategic goal the slide's measures belong to: the first of its named metrics
 * the log defines, else the metric (lowest goal number, then id) whose result is one of its
 * figures; undefined when the log ties none of them to a goal, and the slide keeps its own
 * neutral heading.
 */
export const slideGoalTitle = (result: SlideGoalsResult | undefined, measures: SlideMeasures): string | undefined => {
  if (result === undefined) return undefined;
  const named = (measures.metrics ?? []).filter((metricId) => result.metrics[metricId] !== undefined);
  const byFigure = (measures.figures ?? []).flatMap((key) =>
    Object.entries(result.metrics)
      .filter(([, metric]) => metric.figureKey === key)
      .sort(([a, left], [b, right]) => compareSectionNumbers(result.goals[left.goalId]?.number ?? "999", result.goals[right.goalId]?.number ?? "999") || (a < b ? -1 : 1))
      .map(([metricId]) => metricId),
  );
  for (const metricId of [...named, ...byFigure]) {
    const metric = result.metrics[metricId];
    const goal = metric === undefined ? undefined : strategicOf(result.goals, metric.goalId);
    if (goal !== undefined) return goal.title;
  }
  return undefined;
};
