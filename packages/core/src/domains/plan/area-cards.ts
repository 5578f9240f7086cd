import type { PlanActivity, PlanGoal, PlanMetric } from "./strategy-part.js";
import type { CostRow, FundsRow, PlanBaseline, PlanBaselineResult, StaffLine } from "./baseline.js";
import { isWithin } from "./plan-select.js";

/** Everything a plan says of one area for one year: what a plan laid out as one card per area prints. */
export interface AreaCard {
  readonly areaId: string;
  readonly name: string;
  readonly shortName: string | null;
  readonly parentId: string | null;
  readonly purpose: string | null;
  readonly targetGroup: string | null;
  readonly steeringGroup: string | null;
  readonly goals: readonly PlanGoal[];
  /** The metrics of the area's goals, each with its target per year. */
  readonly metrics: readonly PlanMetric[];
  readonly activities: readonly PlanActivity[];
  /** The area's budget row of the year (null when it has none) and its funds row. */
  readonly budget: CostRow | null;
  readonly funds: FundsRow | null;
  /** The budget rows of the plan's other years (the multi-year plan), earliest first. */
  readonly multiYear: readonly { readonly year: number; readonly row: CostRow }[];
  readonly financing: PlanBaseline["financing"];
  readonly fees: PlanBaseline["fees"];
  readonly costSharing: PlanBaseline["costSharing"];
  /** Staff lines serving only this area and the areas under it. */
  readonly staff: readonly StaffLine[];
  readonly projects: PlanBaseline["projects"];
}

/**
 * One card per area the plan describes or budgets, in the order of the plan's area descriptions:
 * a per-area layout reads the same baseline as the chapter layout, grouped by area. Areas the plan
 * budgets but does not describe (a fund pool, management) get a card with no texts.
 */
export const areaCardsOf = (result: PlanBaselineResult, plan: PlanBaseline, year: number): AreaCard[] => {
  const budgetYear = plan.budget.find((entry) => entry.year === year);
  const fundsYear = plan.funds.find((entry) => entry.year === year);
  const described: string[] = plan.areas.map((area) => area.areaId);
  const budgeted = (budgetYear?.costs ?? []).map((row) => row.areaId).filter((areaId) => !described.includes(areaId));
  const goalsOf = (areaId: string) => plan.strategy.goals.filter((goal) => goal.areaId === areaId);
  return [...described, ...budgeted].map((areaId): AreaCard => {
    const description = plan.areas.find((area) => area.areaId === areaId);
    const goals = goalsOf(areaId);
    const goalIds = new Set(goals.map((goal) => goal.goalId));
    const names = result.areaNames[areaId];
    return {
      areaId,
      name: names?.name ?? areaId,
      shortName: names?.shortName ?? null,
      parentId: result.areaParents[areaId] ?? null,
      purpose: description?.purpose ?? null,
      targetGroup: description?.targetGroup ?? null,
      steeringGroup: description?.steeringGroup ?? null,
      goals,
      metrics: plan.strategy.metrics.filter((metric) => goalIds.has(metric.goalId)),
      activities: plan.strategy.activities.filter((activity) => activity.year === year && (activity.areaId === areaId || goalIds.has(activity.goalId))),
      budget: budgetYear?.costs.find((row) => row.areaId === areaId) ?? null,
      funds: fundsYear?.rows.find((row) => row.areaId === areaId) ?? null,
      multiYear: plan.budget.filter((entry) => entry.year > year).flatMap((entry) => entry.costs.filter((row) => row.areaId === areaId).map((row) => ({ year: entry.year, row }))),
      financing: plan.financing.filter((entry) => entry.year === year && entry.areaId === areaId),
      fees: plan.fees.filter((entry) => entry.year === year && entry.areaId === areaId),
      costSharing: plan.costSharing.filter((entry) => entry.year === year && entry.areaId === areaId),
      staff: (plan.staff.find((entry) => entry.year === year)?.lines ?? []).filter((line) => line.areaIds.every((each) => isWithin(result.areaParents, each, areaId))),
      projects: plan.projects.filter((project) => project.areaId === areaId),
    };
  });
};
