import { dec, type Decimal } from "../../numbers/decimal.js";
import { defineFigure, type ComputedFigure } from "../../reconciliation/figure-source.js";
import { activitiesProjection, type PlannedActivityRow } from "../activities/activities.js";
import { ACTIVITY_STATUS_CODES } from "../activities/events.js";
import { combineFacts, factValue, type FactSum } from "../finance/fact-sum.js";
import type { LedgerLine } from "../finance/ledger.js";
import { planBaselineProjection } from "./baseline.js";
import { planFollowUpProjection, type PlanFollowUpResult } from "./follow-up.js";
import { PLAN_PARAM, isWithin, planFor } from "./plan-select.js";

/**
 * The plan's columns of a follow-up report: the year's target of a metric, an area's planned
 * budget against its outcome and forecast with the deviation (avvikelse) in kr and per cent, and
 * the year's planned activities by status. All read the plan as known at the report's cut-off.
 */

const AREA = { area: "an area id of the plan's budget; the books count its own lines and those of the areas under it; absent: every area the plan budgets" };

export const planMetricTarget = defineFigure(planBaselineProjection, {
  key: "plan.metric-target",
  description: "a metric's target for the period's year as the plan known at the cut-off sets it (målvärde); blank where the plan sets none",
  params: { ...PLAN_PARAM, metric: "a metric id" },
  unit: "plain",
  example: { plan: "vp-2022-2024", metric: "m-1.1.1" },
  compute: (result, params) => {
    const plan = planFor(result, params.plan);
    const metric = plan?.strategy.metrics.find((each) => each.metricId === params.metric);
    const target = metric?.targets.find((entry) => entry.year === result.year)?.target;
    if (metric === undefined || target === undefined || target.kind === "none") return undefined;
    const derivation = `target of ${metric.metricId} for ${result.year} in ${plan?.planId ?? "the plan"}`;
    if (target.kind === "fixed") return { exact: dec(target.value), evidence: [], derivation };
    const text = target.kind === "share-of-base" ? `${dec(target.share).times(100).toFixed()} % of ${target.base?.key ?? "the base"}` : "same period last year";
    return { exact: dec(0), text, evidence: [], derivation };
  },
});

/** The books' area lines that belong to a plan area: its own line and those of the areas under it. */
const linesOf = (result: PlanFollowUpResult, areaIds: readonly string[]): LedgerLine[] =>
  Object.values(result.books.lines).filter((line) => line.line === "area" && areaIds.some((areaId) => isWithin(result.baseline.areaParents, line.areaId, areaId)));

interface Comparison {
  readonly planned: Decimal;
  readonly plannedEvidence: readonly string[];
  readonly plannedUncertainty: Decimal;
  readonly lines: readonly LedgerLine[];
}

/** The plan's net cost for the year of an area (or every budgeted area) with the books' lines it is compared with. */
const comparisonOf = (result: PlanFollowUpResult, params: { readonly plan?: string; readonly area?: string }): Comparison | undefined => {
  const plan = planFor(result.baseline, params.plan);
  const rows = plan?.budget.find((year) => year.year === result.baseline.year)?.costs.filter((row) => params.area === undefined || row.areaId === params.area) ?? [];
  if (rows.length === 0) return undefined;
  return {
    planned: rows.reduce((total, row) => total.plus(row.net), dec(0)),
    plannedEvidence: rows.flatMap((row) => row.evidence),
    plannedUncertainty: rows.reduce((total, row) => total.plus(row.uncertainty), dec(0)),
    lines: linesOf(result, rows.map((row) => row.areaId)),
  };
};

const tally = (lines: readonly LedgerLine[], pick: (line: LedgerLine) => FactSum, sign: 1 | -1 = 1) => lines.map((line) => ({ sum: pick(line), sign }));

/** What the books say an area spends: the period's outcome, or the year's forecast cost (disponibla − prognos kvarvarande). */
const MEASURES = {
  outcome: { words: "utfall of the period", facts: (lines: readonly LedgerLine[]) => combineFacts(tally(lines, (line) => line.outcome)) },
  forecast: {
    words: "forecast cost of the year (disponibla − prognos kvarvarande)",
    facts: (lines: readonly LedgerLine[]) =>
      lines.some((line) => factValue(line.forecast) === undefined)
        ? combineFacts([])
        : combineFacts([...tally(lines, (line) => line.opening), ...tally(lines, (line) => line.received), ...tally(lines, (line) => line.forecast, -1)]),
  },
} as const;
type Measure = keyof typeof MEASURES;

const deviationOf = (comparison: Comparison, measure: Measure, asShare: boolean): ComputedFigure | undefined => {
  const facts = MEASURES[measure].facts(comparison.lines);
  const spent = factValue(facts);
  if (spent === undefined || comparison.lines.length === 0) return undefined;
  const deviation = comparison.planned.minus(spent);
  const evidence = [...new Set([...comparison.plannedEvidence, ...facts.evidence])].sort();
  const uncertainty = comparison.plannedUncertainty.plus(facts.uncertainty);
  if (!asShare) return { exact: deviation, evidence, uncertainty, derivation: `planned net cost ${comparison.planned.toFixed()} kr − ${MEASURES[measure].words} ${spent.toFixed()} kr` };
  if (comparison.planned.isZero()) return undefined;
  return { exact: deviation.dividedBy(comparison.planned), evidence, derivation: `(planned − ${MEASURES[measure].words}) / planned net cost` };
};

/** The books say something of this area for the measure: it has ledger lines and they give a value. */
const hasBooks = (comparison: Comparison, measure: Measure): boolean => comparison.lines.length > 0 && factValue(MEASURES[measure].facts(comparison.lines)) !== undefined;

/**
 * What a row (an area) or the total is compared over. The total (no `area`) counts only the
 * budgeted areas whose books say something for the measure: an area with no books is a blank,
 * not a zero, so its whole budget must not show up in the total as money left unspent. Then the
 * deviation columns foot (the total is the sum of the rows printed), and the total's share is
 * that of the compared areas' budget, not of every area's.
 */
const comparedOver = (result: PlanFollowUpResult, params: { readonly plan?: string; readonly area?: string }, measure: Measure): Comparison | undefined => {
  if (params.area !== undefined) return comparisonOf(result, params);
  const plan = planFor(result.baseline, params.plan);
  const rows = plan?.budget.find((year) => year.year === result.baseline.year)?.costs ?? [];
  const booked = rows.filter((row) => {
    const own = comparisonOf(result, { ...params, area: row.areaId });
    return own !== undefined && hasBooks(own, measure);
  });
  if (booked.length === 0) return undefined;
  return {
    planned: booked.reduce((total, row) => total.plus(row.net), dec(0)),
    plannedEvidence: booked.flatMap((row) => row.evidence),
    plannedUncertainty: booked.reduce((total, row) => total.plus(row.uncertainty), dec(0)),
    lines: linesOf(result, booked.map((row) => row.areaId)),
  };
};

const deviationFigure = (key: string, measure: Measure, asShare: boolean) =>
  defineFigure(planFollowUpProjection, {
    key,
    description: `avvikelse against the plan${asShare ? " as a share of the planned net cost" : " in kr"}: the plan's net cost for the year less the ${MEASURES[measure].words}; positive when less is spent than planned. Without an area, over the budgeted areas whose books give the ${MEASURES[measure].words} (an area with no books is left out, never counted as unspent)`,
    params: { ...PLAN_PARAM, ...AREA },
    unit: asShare ? "percent" : "kr",
    example: { plan: "vp-2022-2024", area: "fourum-social" },
    ...(asShare ? {} : { footing: [{ over: "area" as const }] }),
    compute: (result, params) => {
      const comparison = comparedOver(result, params, measure);
      return comparison === undefined ? undefined : deviationOf(comparison, measure, asShare);
    },
  });

export const planOutcomeDeviation = deviationFigure("plan.outcome-deviation", "outcome", false);
export const planOutcomeDeviationShare = deviationFigure("plan.outcome-deviation-share", "outcome", true);
export const planForecastDeviation = deviationFigure("plan.forecast-deviation", "forecast", false);
export const planForecastDeviationShare = deviationFigure("plan.forecast-deviation-share", "forecast", true);

export const planForecastCost = defineFigure(planFollowUpProjection, {
  key: "plan.forecast-cost",
  description: "the books' forecast cost of the year for a plan area (disponibla − prognos kvarvarande), to set beside the plan's net cost; without an area, over the budgeted areas that have a forecast",
  params: { ...PLAN_PARAM, ...AREA },
  unit: "kr",
  example: { plan: "vp-2022-2024", area: "fourum-social" },
  footing: [{ over: "area" }],
  compute: (result, params) => {
    const comparison = comparedOver(result, params, "forecast");
    const facts = comparison === undefined ? undefined : MEASURES.forecast.facts(comparison.lines);
    const value = facts === undefined ? undefined : factValue(facts);
    return facts === undefined || value === undefined ? undefined : { exact: value, evidence: facts.evidence, uncertainty: dec(facts.uncertainty), derivation: MEASURES.forecast.words };
  },
});

/** The activities planned for the period's year (after any move), in an area's tree when asked. */
const plannedRows = (rows: readonly PlannedActivityRow[], area: string | undefined): PlannedActivityRow[] => rows.filter((row) => area === undefined || row.areaId === area);

export const planActivities = defineFigure(activitiesProjection, {
  key: "plan.activities",
  description: "planned activities of the period's year with a status at the period's end (not started until one is recorded); without status, all of them",
  params: { status: ACTIVITY_STATUS_CODES.join(" | "), area: "an area id; absent: every area" },
  unit: "count",
  example: { status: "done" },
  footing: [{ over: "status" }],
  compute: (result, params) => {
    const rows = plannedRows(result.activities, params.area).filter((row) => params.status === undefined || row.status === params.status);
    return { exact: dec(rows.length), evidence: rows.flatMap((row) => row.evidence), derivation: `${rows.length} planned activities${params.status === undefined ? "" : ` with status ${params.status}`}` };
  },
});

export const planActivitiesMoved = defineFigure(activitiesProjection, {
  key: "plan.activities-moved",
  description: "activities planned for the period's year and moved to a later year",
  params: {},
  unit: "count",
  example: {},
  compute: (result) => ({
    exact: dec(result.movedOut.length),
    evidence: [],
    derivation: `${result.movedOut.length} activities carried over: ${result.movedOut.map((entry) => `${entry.activityId} → ${entry.toYear}`).join(", ") || "none"}`,
  }),
});

export const planFollowUpFigures = [planMetricTarget, planOutcomeDeviation, planOutcomeDeviationShare, planForecastDeviation, planForecastDeviationShare, planForecastCost, planActivities, planActivitiesMoved] as const;
