import { reportGoalsProjection } from "../builders/goals.js";
import { resultOf, type ReportBuildContext } from "../builders/context.js";

/**
 * How the plan words a goal: as the report's goals projection words it on the plan's wording date
 * (its first year's end, so a rename from the next plan's first year leaves it as it was), the
 * plan's own wording of the goal when the report's goals do not know it.
 */
export const planGoalTitle = (context: ReportBuildContext): ((goal: { readonly goalId: string; readonly title: string }) => string) => {
  const worded = new Map((resultOf(context, reportGoalsProjection)?.goals ?? []).map((goal) => [goal.goalId, goal.title] as const));
  return (goal) => worded.get(goal.goalId) ?? goal.title;
};
