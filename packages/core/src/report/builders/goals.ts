import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { GoalEstablished } from "../../domains/strategy/events.js";

export interface ReportGoal {
  readonly goalId: string;
  readonly kind: "strategic" | "area";
  readonly number: string;
  readonly title: string;
  readonly parentGoalId: string | null;
}

export interface ReportGoalsResult {
  readonly goals: readonly ReportGoal[];
}

/** The projection name the report runner adds for goal titles (chapter and section headings). */
export const REPORT_GOALS = "report-goals";

const byNumber = (a: ReportGoal, b: ReportGoal): number => compareSectionNumbers(a.number, b.number);

/** "2.10" after "2.9"; "Bilaga" numbers are not compared here. */
export const compareSectionNumbers = (a: string, b: string): number => {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
};

/**
 * Strategic and area goals in force at the period's end, read from the strategy domain's
 * goal events: the report's chapter and section headings. Local to the report (read only).
 */
export const reportGoalsProjection = defineProjection<Record<string, ReportGoal>, ReportGoalsResult>({
  name: REPORT_GOALS,
  description: "Strategic and area goals in force at the period's end, for report headings.",
  init: () => ({}),
  evolve: (goals, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (date === undefined || date > period.end || !GoalEstablished.is(event)) return goals;
    const { goalId, kind, number, title, parentGoalId } = event.data;
    goals[goalId] = { goalId, kind: kind === "area" ? "area" : "strategic", number, title, parentGoalId: parentGoalId ?? null };
    return goals;
  },
  result: (goals) => ({ goals: Object.values(goals).sort(byNumber) }),
});

/** The chapter a strategic goal gets: chapter 1 is Inledning, so goal n is chapter n + 1. */
export const chapterOf = (goal: ReportGoal): string => (goal.kind === "strategic" ? String(Number(goal.number) + 1) : goal.number.split(".")[0] ?? goal.number);
