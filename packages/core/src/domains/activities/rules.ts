import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences } from "../reference/known-references.js";
import { GoalEstablished } from "../strategy/events.js";
import { ActivityMovedToNextYear, ActivityPlanned, ActivityStatusChanged } from "./events.js";

interface ActivitiesKnowledge {
  readonly references: KnownReferences;
  readonly goals: Set<string>;
  /** activityId → the year it is planned for now. */
  readonly activities: Map<string, number>;
}

const unknownActivity = (activityId: string): Issue[] => [issue("unknown-reference", "data.activityId", `unknown activity "${activityId}"`, { expected: "an activity planned earlier in the log", actual: activityId })];

/** Activities belong to a known goal and area; statuses and carry-overs need a planned activity. */
export const activitiesIntegrity = defineRule<ActivitiesKnowledge>({
  name: "activities-integrity",
  init: () => ({ references: new KnownReferences(), goals: new Set(), activities: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (GoalEstablished.is(event)) known.goals.add(event.data.goalId);
    if (ActivityPlanned.is(event)) known.activities.set(event.data.activityId, event.data.year);
    if (ActivityMovedToNextYear.is(event)) known.activities.set(event.data.activityId, event.data.toYear);
  },
  check: (known, event) => {
    if (ActivityPlanned.is(event)) {
      const { activityId, goalId, areaId } = event.data;
      const found: Issue[] = known.activities.has(activityId) && event.supersedes === undefined ? [issue("conflict", "data.activityId", `activity "${activityId}" is already planned`)] : [];
      if (!known.goals.has(goalId)) found.push(issue("unknown-reference", "data.goalId", `unknown goal "${goalId}"`, { expected: "a goal established earlier in the log", actual: goalId }));
      if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
      return found;
    }
    if (ActivityStatusChanged.is(event)) return known.activities.has(event.data.activityId) ? [] : unknownActivity(event.data.activityId);
    if (ActivityMovedToNextYear.is(event)) {
      const year = known.activities.get(event.data.activityId);
      if (year === undefined) return unknownActivity(event.data.activityId);
      return event.data.toYear > year ? [] : [issue("invalid-field", "data.toYear", "must be later than the year the activity is planned for", { expected: `after ${year}`, actual: String(event.data.toYear) })];
    }
    return [];
  },
});
