import { NetworkGroupDefined } from "../../domains/meetings/events.js";
import { GoalEstablished, GoalRenamed, MetricDefined } from "../../domains/strategy/events.js";
import { wordingDateOf } from "../../domains/strategy/wording.js";
import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { compareSectionNumbers } from "../builders/goals.js";

interface SlideGoal {
  readonly title: string;
  /** The date the goal took this wording: its establishment's or its latest rename's. */
  readonly from: string;
  /** How the log words the goal in a tight heading, when it shortens it. */
  readonly shortTitle?: string;
  readonly number: string;
  readonly parentGoalId: string | null;
}

interface SlideMetric {
  readonly goalId: string;
  /** The figure the metric's result is computed from ("courses.held"), or null for a recorded result. */
  readonly figureKey: string | null;
  /** How the log names the metric on a slide's row, when it gives a short name. */
  readonly shortName?: string;
}

export interface SlideGoalsResult {
  readonly goals: Readonly<Record<string, SlideGoal>>;
  readonly metrics: Readonly<Record<string, SlideMetric>>;
  /** The short name the log gives a network group, by group id (a group without one is absent). */
  readonly groupShortNames: Readonly<Record<string, string>>;
}

interface SlideGoalsState {
  goals: Record<string, SlideGoal>;
  metrics: Record<string, SlideMetric>;
  groupShortNames: Record<string, string>;
}

/** A fact's short wording, kept only when the log gives one. */
const shortly = <K extends string>(key: K, text: string | undefined): { [P in K]?: string } => (text === undefined ? {} : ({ [key]: text } as { [P in K]: string }));

/**
 * The organisation's goals and which goal each metric measures, with the short names the log
 * gives goals, metrics and network groups, as in force at the period's end: what a slide's heading
 * and row labels are taken from. A goal's wording is the latest rename effective by then (ties by
 * log order), which replaces the short title too. Local to the slides (read only, like the report's goals).
 */
export const slideGoalsProjection = defineProjection<SlideGoalsState, SlideGoalsResult>({
  name: "slide-goals",
  description: "Goals (title, short title, number, parent), the goal, result figure and short name of each metric, and each network group's short name, in force at the period's end: the slides' headings and row labels.",
  // Revision 2: the state holds goals' short titles and metrics' and groups' short names. Revision 3: a goal's wording may be a rename's, from its date.
  revision: 3,
  init: () => ({ goals: {}, metrics: {}, groupShortNames: {} }),
  evolve: (state, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (date === undefined || date > period.end) return state;
    const worded = date <= wordingDateOf(period);
    if (GoalEstablished.is(event) && worded) {
      const { goalId, title, number, parentGoalId, shortTitle } = event.data;
      state.goals[goalId] = { title, from: date, number, parentGoalId: parentGoalId ?? null, ...shortly("shortTitle", shortTitle) };
    }
    if (GoalRenamed.is(event)) {
      const known = state.goals[event.data.goalId];
      const { title, shortTitle } = event.data;
      if (known !== undefined && worded && date >= known.from) state.goals[event.data.goalId] = { title, from: date, number: known.number, parentGoalId: known.parentGoalId, ...shortly("shortTitle", shortTitle) };
    }
    if (MetricDefined.is(event)) {
      const { metricId, goalId, result, shortName } = event.data;
      state.metrics[metricId] = { goalId, figureKey: result.from === "figure" ? result.key : null, ...shortly("shortName", shortName) };
    }
    if (NetworkGroupDefined.is(event)) {
      // A later definition without a short name takes the earlier one back: the row is the group's name again.
      if (event.data.shortName === undefined) delete state.groupShortNames[event.data.groupId];
      else state.groupShortNames[event.data.groupId] = event.data.shortName;
    }
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
 * The title of the strategic goal the slide's measures belong to, in its short wording when the
 * log gives one (`shortTitle`): the first of its named metrics the log defines, else the metric
 * (lowest goal number, then id) whose result is one of its figures; undefined when the log ties
 * none of them to a goal, and the slide keeps its own neutral heading.
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
    if (goal !== undefined) return goal.shortTitle ?? goal.title;
  }
  return undefined;
};
