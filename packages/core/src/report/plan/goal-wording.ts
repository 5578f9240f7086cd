import { reportGoalsProjection, type ReportGoalsResult } from "../builders/goals.js";
import { resultOf, type ReportBuildContext } from "../builders/context.js";
import { defineProjection, type ProjectionOf } from "../../projection/projection.js";

/**
 * The goals as the plan words them: the report's goals fold under a name of the plan's own, so
 * the plan's builders read the goals' wording on the plan's wording date (its first year's end: a
 * rename from the next plan's first year leaves it as it was) while the plan's house, which heads
 * its chapters itself, does not take a goal's title for a chapter number it never gave a goal.
 */
export const planGoalWordingProjection: ProjectionOf<ReportGoalsResult> = defineProjection({ ...reportGoalsProjection, name: "plan-goal-wording", description: "The goals worded as in force at the end of the plan's first year, for the plan's goal lists and tables." });

/** How the plan words a goal: as on the plan's wording date, else (a goal the goals fold does not know) the plan's own wording. */
export const planGoalTitle = (context: ReportBuildContext): ((goal: { readonly goalId: string; readonly title: string }) => string) => {
  const worded = new Map(resultOf(context, planGoalWordingProjection)?.goals.map((goal) => [goal.goalId, goal.title] as const) ?? []);
  return (goal) => worded.get(goal.goalId) ?? goal.title;
};
