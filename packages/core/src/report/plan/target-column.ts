import { planBaselineProjection, type PlanBaselineResult } from "../../domains/plan/baseline.js";
import { planMetricTarget } from "../../domains/plan/follow-up-figures.js";
import { planFor } from "../../domains/plan/plan-select.js";
import { publicationProjection, type Outline } from "../../domains/publication/publication.js";
import type { MetricTableRow } from "../../domains/strategy/evaluate.js";
import { isUnitId } from "../../numbers/units.js";
import type { ReportMetricRow } from "../document/blocks.js";
import { definedFigure } from "../builders/cells.js";
import { figureOf, resultOf, type ReportBuildContext } from "../builders/context.js";
import { planTargetWords } from "./target-words.js";

type Evidence = Record<string, readonly string[]>;

const unitOf = (metric: MetricTableRow) => (isUnitId(metric.unit) ? metric.unit : "plain");

type OutlineBlockRef = NonNullable<Outline["chapters"][number]["blocks"]>[number];

const refsOf = (outline: Outline): OutlineBlockRef[] =>
  outline.chapters.flatMap((chapter) => [...(chapter.blocks ?? []), ...chapter.sections.flatMap((section) => [...(section.blocks ?? []), ...(section.subsections ?? []).flatMap((subsection) => subsection.blocks)])]);

/** The outline in force asks for the plan's target as a column of this goal's metric table. */
const asksForPlanTarget = (context: ReportBuildContext, goalId: string): boolean => {
  const outline = resultOf(context, publicationProjection)?.outlines[context.kind];
  return outline !== undefined && refsOf(outline).some((ref) => ref.block === "metric-table" && ref.goalId === goalId && (ref.columns ?? []).includes("plan-target"));
};

/** The plan's target for the year as the metric table prints it: a value, or the plan's words where it sets a share or last year's result. */
const planTargetOf = (context: ReportBuildContext, baseline: PlanBaselineResult, planId: string, metric: MetricTableRow, evidence: Evidence): ReportMetricRow["planTarget"] => {
  const params = { plan: planId, metric: metric.metricId };
  const computed = figureOf(context, planMetricTarget, params);
  if (computed === undefined) return null;
  // A share or last year's result is the plan's words, in Swedish as the plan prints them (the figure's own text is the audit's).
  if (computed.text !== undefined) return { text: planTargetWords(baseline, planId, metric.metricId) ?? computed.text, figure: null };
  const figure = definedFigure(context, planMetricTarget, params, { key: `metrics.${metric.metricId}@${metric.measuredPeriod}/plan-target`, unit: unitOf(metric), evidence });
  return figure === null ? null : { text: figure.text, figure };
};

/**
 * The plan's target as a column of a goal's metric table, where the outline in force asks for it
 * (`columns: ["plan-target"]` on the `metric-table` block): the column's heading and each row's
 * target for the report's year, as the plan was known at the cut-off. Undefined when the outline
 * does not ask or the log holds no plan, so the table keeps its usual columns.
 */
export const planTargetColumn = (context: ReportBuildContext, goalId: string, metrics: readonly MetricTableRow[], evidence: Evidence): { readonly heading: string; readonly targets: readonly ReportMetricRow["planTarget"][] } | undefined => {
  if (!asksForPlanTarget(context, goalId)) return undefined;
  const baseline = resultOf(context, planBaselineProjection);
  const plan = baseline === undefined ? undefined : planFor(baseline, undefined);
  if (plan === undefined || baseline === undefined) return undefined;
  return { heading: `Målvärde ${baseline.year} enligt planen`, targets: metrics.map((metric) => planTargetOf(context, baseline, plan.planId, metric, evidence)) };
};
