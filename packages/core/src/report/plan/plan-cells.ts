import { toCivil } from "../../time/calendar.js";
import type { FigureArgs, FigureDefinition } from "../../reconciliation/figure-source.js";
import { planBaselineProjection, type PlanBaseline, type PlanBaselineResult } from "../../domains/plan/baseline.js";
import type { ReportCell } from "../document/blocks.js";
import { reportFigure } from "../document/figure.js";
import { blankCell, reportFigureKey, withBasis, type DefinedCellPlace } from "../builders/cells.js";
import { resultOf, type ReportBuildContext } from "../builders/context.js";

/** The plan a plan document prints: the one whose span is the report's span, else the one detailing the span's first year. */
export interface DocumentedPlan {
  readonly result: PlanBaselineResult;
  readonly plan: PlanBaseline;
}

export const documentedPlan = (context: ReportBuildContext): DocumentedPlan | undefined => {
  const result = resultOf(context, planBaselineProjection);
  if (result === undefined) return undefined;
  const first = toCivil(context.period.start).year;
  const last = toCivil(context.period.end).year;
  const plan = result.plans.find((each) => each.fromYear === first && each.toYear === last) ?? result.plans.find((each) => each.detailedYear === first);
  return plan === undefined ? undefined : { result, plan };
};

/**
 * Why a plan document has nothing to print for the report's years, or undefined when a plan is
 * documented: no plan in the log (as known at the cut-off) spans exactly those years or details
 * their first year. Names the plans the log has for the span's last year, so the user sees which
 * years to ask for.
 */
export const noDocumentedPlan = (context: ReportBuildContext): string | undefined => {
  if (documentedPlan(context) !== undefined) return undefined;
  const first = toCivil(context.period.start).year;
  const last = toCivil(context.period.end).year;
  const others = (resultOf(context, planBaselineProjection)?.plans ?? []).map((plan) => `${plan.planId} covers ${yearsLabel(plan.fromYear, plan.toYear)} and details ${plan.detailedYear}`);
  const asked = yearsLabel(first, last);
  return `no adopted plan for ${asked}: a verksamhetsplan is printed for a plan's years or the year it details${others.length === 0 ? `, and no plan in the log covers ${last}` : ` (${others.join("; ")})`}`;
};

/**
 * A plan figure of one year of the plan (the detailed year, a multi-year year, the comparison
 * year) through its definition, the same the audit uses: a plan document prints several years
 * of one plan, so the year is the figure's period rather than the report period's end.
 */
export const planYearCell = <P extends string>(
  context: ReportBuildContext,
  documented: DocumentedPlan,
  figure: FigureDefinition<PlanBaselineResult, P>,
  params: FigureArgs<NoInfer<P>>,
  year: number,
  place: Omit<DefinedCellPlace, "key" | "period">,
): ReportCell => {
  const computed = figure.computeValue({ ...documented.result, year }, params);
  if (computed === undefined) return blankCell();
  const canonical = figure.canonicalParams(params);
  const key = reportFigureKey(figure.key, String(year), canonical);
  if (place.evidence !== undefined) place.evidence[key] = computed.evidence;
  const printed = reportFigure(key, computed.exact, place.unit, place.options ?? {}, { key: figure.key, params: canonical, period: String(year) });
  const figured = withBasis(context, printed, computed.evidence);
  return { kind: "figure", figure: figured, marks: [] };
};

/** A span of years as the plan's captions print it: "2022-2024", or "2022" alone for one year. */
export const yearsLabel = (first: number, last: number): string => (first === last ? `${first}` : `${first}-${last}`);

/** The plan's years in its tables: the comparison year (if printed), then the plan's own. */
export const planYears = (plan: PlanBaseline): number[] => {
  const years = Array.from({ length: plan.toYear - plan.fromYear + 1 }, (_, index) => plan.fromYear + index);
  return plan.comparisonYear === null ? years : [plan.comparisonYear, ...years];
};
