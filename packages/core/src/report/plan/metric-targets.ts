import { planBaselineProjection, type PlanBaselineResult } from "../../domains/plan/baseline.js";
import { planMetricTarget } from "../../domains/plan/follow-up-figures.js";
import { planFor } from "../../domains/plan/plan-select.js";
import { metricFigures, metricsProjection } from "../../domains/strategy/index.js";
import type { MetricTableRow } from "../../domains/strategy/evaluate.js";
import type { ReportCell } from "../document/blocks.js";
import { definedCell, headerRow, reportFigureKey, row, table, textCell } from "../builders/cells.js";
import { defineSection, figureOf, nothing, resultOf, type BuiltSection, type Placement, type ReportBuildContext } from "../builders/context.js";
import { reportGoalsProjection } from "../builders/goals.js";
import { sectionOfGoal, unitOf } from "../builders/metrics.js";
import { planTargetWords } from "./target-words.js";

type Evidence = Record<string, readonly string[]>;

/** The plan's target for the year: a value, or the plan's words where it sets a share or last year's result. */
const planTargetCell = (context: ReportBuildContext, baseline: PlanBaselineResult, planId: string, metric: MetricTableRow, evidence: Evidence): ReportCell => {
  const params = { plan: planId, metric: metric.metricId };
  const computed = figureOf(context, planMetricTarget, params);
  // A share or last year's result is the plan's words, in Swedish as the plan prints them (the figure's own text is the audit's).
  if (computed?.text !== undefined) return textCell(planTargetWords(baseline, planId, metric.metricId) ?? computed.text);
  return definedCell(context, planMetricTarget, params, { key: reportFigureKey("plan-metric-targets.plan", context.period.name, { metric: metric.metricId }), unit: unitOf(metric), evidence });
};

const metricRow = (context: ReportBuildContext, baseline: PlanBaselineResult, planId: string, metric: MetricTableRow, evidence: Evidence) =>
  row([
    textCell(metric.name),
    metric.target.printed === null ? textCell("") : definedCell(context, metricFigures.target, { metric: metric.metricId }, { key: reportFigureKey("plan-metric-targets.target", context.period.name, { metric: metric.metricId }), unit: unitOf(metric) }),
    definedCell(context, metricFigures.result, { metric: metric.metricId }, { key: reportFigureKey("plan-metric-targets.result", context.period.name, { metric: metric.metricId }), unit: unitOf(metric), evidence }),
    planTargetCell(context, baseline, planId, metric, evidence),
  ]);

/**
 * A follow-up's metric table against the plan (block `plan-metric-targets`, one per goal): each
 * metric of the goal the plan sets a target for, its own target and result beside the target the
 * plan set for the report's year, as the plan was known at the cut-off (never a later revision).
 * Nothing without a plan, or where the plan sets no target for the goal's metrics.
 */
const buildMetricTargets = (context: ReportBuildContext): BuiltSection => {
  const baseline = resultOf(context, planBaselineProjection);
  const plan = baseline === undefined ? undefined : planFor(baseline, undefined);
  const metrics = resultOf(context, metricsProjection)?.rows ?? [];
  if (plan === undefined || baseline === undefined) return nothing;
  const goals = resultOf(context, reportGoalsProjection);
  const planned = metrics.filter((metric) => figureOf(context, planMetricTarget, { plan: plan.planId, metric: metric.metricId }) !== undefined);
  const evidence: Evidence = {};
  const byGoal = new Map<string, MetricTableRow[]>();
  for (const metric of planned) byGoal.set(metric.goalId, [...(byGoal.get(metric.goalId) ?? []), metric]);
  const placements = [...byGoal.entries()].map(([goalId, rows]): Placement => {
    const number = sectionOfGoal(goals, goalId, rows[0]?.goalNumber ?? null) ?? "";
    const block = table({
      id: `plan-malvarden-${goalId}`,
      caption: `Mätetal mot målvärden ${baseline.year} enligt ${plan.title}`,
      align: ["left", "right", "right", "right"],
      head: [headerRow(["Mätetal", "Mål", "Resultat", `Målvärde ${baseline.year} enligt planen`])],
      body: rows.map((metric) => metricRow(context, baseline, plan.planId, metric, evidence)),
    });
    return { slot: `plan-metric-targets:${goalId}`, number, title: null, blocks: [block] };
  });
  return { placements, appendices: [], evidence };
};

export const planMetricTargetsSection = defineSection({
  name: "plan-metric-targets",
  figures: [planMetricTarget, metricFigures.target, metricFigures.result],
  reads: [planBaselineProjection, metricsProjection, reportGoalsProjection],
  build: buildMetricTargets,
});
