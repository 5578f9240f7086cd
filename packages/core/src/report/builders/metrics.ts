import type { PlannedActivityRow } from "../../domains/activities/activities.js";
import { metricFigures, metricsProjection } from "../../domains/strategy/index.js";
import { reportGoalsProjection } from "./goals.js";
import { descriptionOfResult, metricDescriptionsProjection } from "./metric-descriptions.js";
import { INLINE_FIGURE_READS, resolveInlineFigures } from "./inline-figures.js";
import { activitiesProjection } from "../../domains/activities/activities.js";
import { asPrinted, type MetricTableRow } from "../../domains/strategy/evaluate.js";
import { dec, toDecimalString } from "../../numbers/decimal.js";
import { formatFigure } from "../../numbers/format.js";
import { isUnitId, UNITS, type UnitId } from "../../numbers/units.js";
import { period, type Comparison } from "../../time/period.js";
import type { ReportActivityRow, ReportActivityTable, ReportFootnote, ReportMetricRow, ReportMetricTable } from "../document/blocks.js";
import { definedFigure } from "./cells.js";
import type { ReportFigure } from "../document/figure.js";
import { defineSection, resultOf, type BuiltSection, type FigureEvidence, type Placement, type ReportBuildContext } from "./context.js";
import { chapterOf, compareSectionNumbers, type ReportGoalsResult } from "./goals.js";
import { planTargetColumn } from "../plan/target-column.js";
import { planBaselineProjection } from "../../domains/plan/baseline.js";
import { planMetricTarget } from "../../domains/plan/follow-up-figures.js";
import { publicationProjection } from "../../domains/publication/publication.js";

const COMPARISON_LABELS: Readonly<Record<Comparison, (period: string) => string>> = {
  "same-period-last-year": (period) => `samma period ${period.slice(0, 4)}`,
  "previous-year": (period) => period.slice(0, 4),
  "previous-tertial": (period) => `föregående tertial (${period})`,
};

export const unitOf = (metric: MetricTableRow): UnitId => (isUnitId(metric.unit) ? metric.unit : "plain");

const metricKey = (metric: MetricTableRow, part: string): string => `metrics.${metric.metricId}@${metric.measuredPeriod}${part === "" ? "" : `/${part}`}`;

/**
 * The target as printed: a fixed value, the base of a share ("18 570 800 kronor"), or last year's
 * result; none for survey-style metrics. A target judged for part of the year (pro rata, or only at
 * the year's end) is still the year's, printed with the mark of the footnote that says how.
 */
const targetOf = (context: ReportBuildContext, metric: MetricTableRow, mark: string | undefined): ReportMetricRow["target"] => {
  if (metric.target.kind === "none" || metric.target.printed === null) return null;
  const figure = definedFigure(context, metricFigures.target, { metric: metric.metricId }, { key: metricKey(metric, "target"), unit: unitOf(metric) });
  return figure === null ? null : { text: `${figure.text}${mark ?? ""}`, figure };
};

/** Marks of the footnotes under a metric table, in order. */
const NOTE_MARKS = ["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"];

/** What a footnote says of a target judged for part of the year; null when the row is judged against the year's target as printed. */
const partYearNote = (metric: MetricTableRow): string | null => {
  const partYear = metric.target.partYear;
  const unit = unitOf(metric);
  if (partYear?.judgement === "pro-rata") {
    const scaled = dec(partYear.yearTarget).times(partYear.days).dividedBy(partYear.daysInYear);
    // The status is judged on the scaled target as the unit prints it (asPrinted): say so when that rounds.
    const exact = asPrinted(toDecimalString(scaled), unit).equals(scaled.times(UNITS[unit].scale)) ? "=" : "≈";
    const year = formatFigure(dec(partYear.yearTarget), unit).text;
    return `Målvärdet avser helåret. Resultatet bedöms mot målvärdet i proportion till periodens andel av året, ${partYear.days} av ${partYear.daysInYear} dagar: ${year} × ${partYear.days}/${partYear.daysInYear} ${exact} ${formatFigure(scaled, unit).text}.`;
  }
  // Only where it explains a missing symbol: an authored assessment stands in the row all the same.
  if (partYear?.judgement === "year-end-only" && metric.status.shown === null) return "Mätetalet bedöms först när resultatet för hela året finns.";
  return null;
};

/** The footnotes of a table's rows judged for part of the year, each row's mark by its metric; rows that would say the same share one. */
const partYearNotes = (rows: readonly MetricTableRow[]): { readonly marks: ReadonlyMap<string, string>; readonly footnotes: ReportFootnote[] } => {
  const marks = new Map<string, string>();
  const footnotes: ReportFootnote[] = [];
  for (const metric of rows) {
    const markdown = partYearNote(metric);
    if (markdown === null || metric.target.printed === null) continue;
    const same = footnotes.find((note) => note.markdown === markdown);
    const mark = same?.mark ?? NOTE_MARKS[footnotes.length] ?? `${footnotes.length + 1})`;
    marks.set(metric.metricId, mark);
    if (same === undefined) footnotes.push({ mark, markdown });
  }
  return { marks, footnotes };
};

const comparisonFigure = (context: ReportBuildContext, metric: MetricTableRow, found: MetricTableRow["comparisons"][number]): ReportMetricRow["comparison"] => {
  if (found.value === null) return null;
  const figure = definedFigure(context, metricFigures.comparison, { metric: metric.metricId, comparison: found.comparison }, { key: metricKey(metric, `comparison=${found.comparison}`), unit: unitOf(metric) });
  return figure === null ? null : { label: COMPARISON_LABELS[found.comparison](found.period), figure };
};

const comparisonOf = (context: ReportBuildContext, metric: MetricTableRow): ReportMetricRow["comparison"] => {
  const against = metric.trend?.against;
  const found = metric.comparisons.find((entry) => entry.comparison === against) ?? metric.comparisons[0];
  return found === undefined ? null : comparisonFigure(context, metric, found);
};

/** Every comparison the metric lists that has a value, in the metric's order. */
const comparisonsOf = (context: ReportBuildContext, metric: MetricTableRow): NonNullable<ReportMetricRow["comparisons"]> =>
  metric.comparisons.flatMap((found) => {
    const shown = comparisonFigure(context, metric, found);
    return shown === null ? [] : [shown];
  });

/** The description of the metric's result, its written-in figures computed from the facts. */
const descriptionOf = (context: ReportBuildContext, metric: MetricTableRow): { readonly markdown: string; readonly figures: ReportFigure[] } => {
  const written = descriptionOfResult(resultOf(context, metricDescriptionsProjection), metric.metricId, period(metric.measuredPeriod))?.markdown;
  return written === undefined ? { markdown: metric.status.comment ?? "", figures: [] } : resolveInlineFigures(context, `beskrivning-${metric.metricId}`, written);
};

const metricRow = (context: ReportBuildContext, metric: MetricTableRow, mark?: string): ReportMetricRow => {
  const shown = metric.result === null ? "no-result" : metric.status.shown;
  const description = descriptionOf(context, metric);
  return {
    key: metricKey(metric, ""),
    // A result with nothing to judge it by (no target, or a target of last year's result when last year has none) gets no symbol; "no result" is for a missing result only.
    status: metric.target.kind === "none" && metric.result !== null ? null : shown ?? (metric.result === null ? "no-result" : null),
    derivedStatus: metric.status.overridden && metric.status.derived !== null && metric.status.derived !== shown ? metric.status.derived : null,
    name: metric.name,
    target: targetOf(context, metric, mark),
    result: definedFigure(context, metricFigures.result, { metric: metric.metricId }, { key: metricKey(metric, ""), unit: unitOf(metric) }),
    trend: metric.trend?.value ?? null,
    comparison: comparisonOf(context, metric),
    comparisons: comparisonsOf(context, metric),
    description: description.markdown,
    ...(description.figures.length === 0 ? {} : { descriptionFigures: description.figures }),
  };
};

/** Where a goal's rows go: an area goal's own number ("2.2"), a strategic goal's chapter. */
export const sectionOfGoal = (goals: ReportGoalsResult | undefined, goalId: string, goalNumber: string | null): string | null => {
  if (goalNumber !== null) return goalNumber.includes(".") ? goalNumber : String(Number(goalNumber) + 1);
  const goal = goals?.goals.find((candidate) => candidate.goalId === goalId);
  return goal === undefined ? null : goal.kind === "area" ? goal.number : chapterOf(goal);
};

const groupBy = <T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> => {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key !== null) out.set(key, [...(out.get(key) ?? []), item]);
  }
  return out;
};

const sortedPlacements = (placements: Placement[]): Placement[] => placements.sort((a, b) => compareSectionNumbers(a.number, b.number));

/** Metric tables (mätetal) at each goal's section, with status, target as printed, result, trend and comparison. */
const buildMetricSections = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, metricsProjection);
  const goals = resultOf(context, reportGoalsProjection);
  if (result === undefined || result.rows.length === 0) return { placements: [], appendices: [], evidence: {} };
  const evidence: Record<string, readonly string[]> = {};
  for (const metric of result.rows) {
    evidence[metricKey(metric, "")] = metric.result?.evidence ?? [];
    for (const entry of metric.comparisons) if (entry.value !== null) evidence[metricKey(metric, `comparison=${entry.comparison}`)] = entry.value.evidence;
  }
  const placements = [...groupBy(result.rows, (metric) => (sectionOfGoal(goals, metric.goalId, metric.goalNumber) === null ? null : metric.goalId)).entries()].map(([goalId, rows]): Placement => {
    const number = sectionOfGoal(goals, goalId, rows[0]?.goalNumber ?? null) ?? "";
    const column = planTargetColumn(context, goalId, rows, evidence);
    const notes = partYearNotes(rows);
    const rowOf = (metric: MetricTableRow): ReportMetricRow => metricRow(context, metric, notes.marks.get(metric.metricId));
    const metricRows = rows.map((metric, index) => (column === undefined ? rowOf(metric) : { ...rowOf(metric), planTarget: column.targets[index] ?? null }));
    const block: ReportMetricTable = { kind: "metric-table", id: `metrics-${number}`, rows: metricRows, footnotes: notes.footnotes, ...(column === undefined ? {} : { planTargetHeading: column.heading }) };
    return { slot: `metric-table:${goalId}`, number, title: null, blocks: [block] };
  });
  return { placements: sortedPlacements(placements), appendices: [], evidence };
};

/** An activity's row: its status text with any figures written into it computed from the facts, and the plan's activity it follows up. */
const activityRow = (context: ReportBuildContext, activity: PlannedActivityRow, period: string): ReportActivityRow => {
  const { markdown, figures } = resolveInlineFigures(context, `aktivitet-${activity.activityId}`, activity.comment ?? "");
  return {
    key: `activities.${activity.activityId}@${period}`,
    status: activity.status,
    activity: activity.title,
    statusText: markdown,
    ...(activity.planId === null ? {} : { plannedActivity: { planId: activity.planId, activityId: activity.activityId } }),
    ...(figures.length === 0 ? {} : { figures }),
  };
};

/** Activity tables (aktiviteter) at each goal's section, with the status at the period's end. */
const buildActivitySections = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, activitiesProjection);
  const goals = resultOf(context, reportGoalsProjection);
  if (result === undefined || result.activities.length === 0) return { placements: [], appendices: [], evidence: {} };
  const evidence: FigureEvidence = Object.fromEntries(result.activities.map((activity) => [`activities.${activity.activityId}@${result.period}`, activity.evidence]));
  const placements = [...groupBy(result.activities, (activity) => (sectionOfGoal(goals, activity.goalId, null) === null ? null : activity.goalId)).entries()].map(([goalId, rows]): Placement => {
    const number = sectionOfGoal(goals, goalId, null) ?? "";
    const block: ReportActivityTable = { kind: "activity-table", id: `activities-${number}`, rows: rows.map((activity) => activityRow(context, activity, result.period)) };
    return { slot: `activity-table:${goalId}`, number, title: null, blocks: [block] };
  });
  return { placements: sortedPlacements(placements), appendices: [], evidence };
};

export const metricSections = defineSection({
  name: "metrics",
  // The plan's target and the outline in force: for the plan-target column where the outline asks for it. A result's description may carry figures written into its text (inline-figures.ts).
  figures: [metricFigures.result, metricFigures.target, metricFigures.comparison, planMetricTarget],
  reads: [...INLINE_FIGURE_READS, reportGoalsProjection, metricDescriptionsProjection, planBaselineProjection, publicationProjection],
  build: buildMetricSections,
});

// An activity's status text may carry figures written into it (inline-figures.ts).
export const activitySections = defineSection({ name: "activities", reads: [...INLINE_FIGURE_READS, activitiesProjection, reportGoalsProjection], build: buildActivitySections });
