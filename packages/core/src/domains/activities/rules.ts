import { defineFigureRule } from "../../events/consistency.js";
import type { DataOf } from "../../events/definition.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { FocusAreaEstablished, GoalEstablished, MetricDefined } from "../strategy/events.js";
import { requireThemes, ThemeDefined } from "../narrative/themes.js";
import { PlanAdopted } from "../plan/events.js";
import { builtInFigures, inlineFigureProblems } from "../narrative/inline-figures.js";
import { ActivityMovedToNextYear, ActivityPlanned, ActivityStatusChanged } from "./events.js";

interface ActivitiesKnowledge {
  readonly references: KnownReferences;
  readonly goals: Set<string>;
  readonly metrics: Set<string>;
  readonly focusAreas: Set<string>;
  readonly plans: Set<string>;
  /** The themes the log defines, by id (the event that defines each). */
  readonly themes: Map<string, string>;
  /** activityId → the year it is planned for now. */
  readonly activities: Map<string, number>;
  /** activityId → the event planning it: a correction may restate its own target's activity, never another's. */
  readonly plannedBy: Map<string, string>;
}

const unknownActivity = (activityId: string): Issue[] => [issue("unknown-reference", "data.activityId", `unknown activity "${activityId}"`, { expected: "an activity planned earlier in the log", actual: activityId })];

const TIMING_LIMITS = { tertial: 3, month: 12 } as const;

/** What a plan adds to an activity must point at known metrics, focus areas and themes, and its timing must exist. */
const planDetailIssues = (known: ActivitiesKnowledge, data: DataOf<typeof ActivityPlanned>): Issue[] => {
  const found: Issue[] = [];
  if (data.planId !== undefined && !known.plans.has(data.planId)) found.push(issue("unknown-reference", "data.planId", `unknown plan "${data.planId}"`, { expected: "a plan adopted earlier in the log", actual: data.planId }));
  (data.metricIds ?? []).forEach((metricId, index) => {
    if (!known.metrics.has(metricId)) found.push(issue("unknown-reference", `data.metricIds[${index}]`, `unknown metric "${metricId}"`, { expected: "a metric defined earlier in the log", actual: metricId }));
  });
  (data.focusAreaIds ?? []).forEach((focusAreaId, index) => {
    if (!known.focusAreas.has(focusAreaId)) found.push(issue("unknown-reference", `data.focusAreaIds[${index}]`, `unknown focus area "${focusAreaId}"`, { expected: "a focus area established earlier in the log", actual: focusAreaId }));
  });
  found.push(...requireThemes(known.themes, data.themes, "data.themes"));
  const timing = data.timing;
  if (timing !== undefined && timing.kind !== "year") {
    const value = timing.kind === "tertial" ? timing.tertial : timing.month;
    const limit = TIMING_LIMITS[timing.kind];
    if (value > limit) found.push(issue("invalid-field", `data.timing.${timing.kind}`, `a year has ${limit} ${timing.kind === "tertial" ? "tertials" : "months"}`, { expected: `1 to ${limit}`, actual: String(value) }));
  }
  return found;
};

/** Activities belong to a known goal and area; statuses and carry-overs need a planned activity; a status text names figures of the catalog. */
export const activitiesIntegrity = defineFigureRule<ActivitiesKnowledge>(builtInFigures, (catalogFigures) => ({
  name: "activities-integrity",
  // Revision 2: the state holds the themes the log defines; 3: the event planning each activity.
  revision: 3,
  learnsFrom: [...REFERENCE_FACTS, ...[GoalEstablished, MetricDefined, FocusAreaEstablished, ThemeDefined, PlanAdopted, ActivityPlanned, ActivityMovedToNextYear].map((definition) => definition.type)],
  init: () => ({ references: new KnownReferences(), goals: new Set(), metrics: new Set(), focusAreas: new Set(), plans: new Set(), themes: new Map(), activities: new Map(), plannedBy: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (ThemeDefined.is(event)) known.themes.set(event.data.themeId, event.id);
    if (GoalEstablished.is(event)) known.goals.add(event.data.goalId);
    if (MetricDefined.is(event)) known.metrics.add(event.data.metricId);
    if (FocusAreaEstablished.is(event)) known.focusAreas.add(event.data.focusAreaId);
    if (PlanAdopted.is(event)) known.plans.add(event.data.planId);
    if (ActivityPlanned.is(event)) {
      known.activities.set(event.data.activityId, event.data.year);
      known.plannedBy.set(event.data.activityId, event.id);
    }
    if (ActivityMovedToNextYear.is(event)) known.activities.set(event.data.activityId, event.data.toYear);
  },
  check: (known, event) => {
    if (ActivityPlanned.is(event)) {
      const { activityId, goalId, areaId } = event.data;
      const found = heldKeyIssues(known.plannedBy.get(activityId), event, { noun: "activity", held: "planned", key: activityId, path: "data.activityId" }, () => [issue("conflict", "data.activityId", `activity "${activityId}" is already planned`)]);
      if (!known.goals.has(goalId)) found.push(issue("unknown-reference", "data.goalId", `unknown goal "${goalId}"`, { expected: "a goal established earlier in the log", actual: goalId }));
      if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
      return [...found, ...planDetailIssues(known, event.data)];
    }
    if (ActivityStatusChanged.is(event)) {
      const figures = inlineFigureProblems(event.data.comment ?? "", catalogFigures()).map((problem) => issue("invalid-field", "data.comment", problem));
      return [...(known.activities.has(event.data.activityId) ? [] : unknownActivity(event.data.activityId)), ...figures];
    }
    if (ActivityMovedToNextYear.is(event)) {
      const year = known.activities.get(event.data.activityId);
      if (year === undefined) return unknownActivity(event.data.activityId);
      return event.data.toYear > year ? [] : [issue("invalid-field", "data.toYear", "must be later than the year the activity is planned for", { expected: `after ${year}`, actual: String(event.data.toYear) })];
    }
    return [];
  },
}));
