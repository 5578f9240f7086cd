import * as t from "io-ts";
import { ReportFigureC, ReportUnitIdC } from "./figure.js";
import { ReportActivityStatusC, ReportMetricStatusC, ReportTrendC } from "./symbols.js";

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** footnote marks on a cell ("*", "**", "¹"), resolved by the table's footnotes. */
const marks = { marks: t.array(t.string) };

export const ReportTextCellC = t.type({ kind: t.literal("text"), text: t.string, ...marks }, "TextCell");
export const ReportFigureCellC = t.type({ kind: t.literal("figure"), figure: ReportFigureC, ...marks }, "FigureCell");
/** No fact: printed empty, never as zero. */
export const ReportBlankCellC = t.type({ kind: t.literal("blank"), ...marks }, "BlankCell");
export const ReportCellC = t.union([ReportTextCellC, ReportFigureCellC, ReportBlankCellC], "Cell");
export type ReportCell = t.TypeOf<typeof ReportCellC>;

export const ReportAlignC = t.keyof({ left: null, right: null, center: null }, "Align");
export type ReportAlign = t.TypeOf<typeof ReportAlignC>;

/** A table's footnote; `figures`: those written into its text, computed from the facts and already printed in `markdown`. */
export const ReportFootnoteC = t.intersection([t.type({ mark: t.string, markdown: t.string }), t.partial({ figures: t.array(ReportFigureC) })], "Footnote");
export type ReportFootnote = t.TypeOf<typeof ReportFootnoteC>;

/** Version 2: the planned activity a row stands for: the plan that planned it and its id there. */
export const ReportPlannedActivityRefC = t.type({ planId: t.string, activityId: t.string }, "PlannedActivityRef");
export type ReportPlannedActivityRef = t.TypeOf<typeof ReportPlannedActivityRefC>;

/** `plannedActivity` (version 2) names the plan's activity a row lists, in a table of planned activities. */
export const ReportTableRowC = t.intersection([t.type({ cells: t.array(ReportCellC) }), t.partial({ plannedActivity: ReportPlannedActivityRefC })], "TableRow");
export type ReportTableRow = t.TypeOf<typeof ReportTableRowC>;

export const ReportTableC = t.type(
  {
    kind: t.literal("table"),
    id: t.string,
    caption: t.string,
    /** The unit every figure is printed in, when the table states one ("tkr"); null when each cell carries its own. */
    unitNote: nullable(t.string),
    align: t.array(ReportAlignC),
    head: t.array(ReportTableRowC),
    body: t.array(ReportTableRowC),
    /** Totals rows ("Summa"). */
    foot: t.array(ReportTableRowC),
    footnotes: t.array(ReportFootnoteC),
  },
  "Table",
);
export type ReportTable = t.TypeOf<typeof ReportTableC>;

/** A target as the plan printed it ("80 %", "18 570 800 kronor", "78 kurser"), with its value when it has one. */
export const ReportTargetC = t.type({ text: t.string, figure: nullable(ReportFigureC) }, "Target");

const ReportComparisonC = t.type({ label: t.string, figure: ReportFigureC }, "Comparison");

export const ReportMetricRowC = t.intersection([
  t.type({
    key: t.string,
    /** The status shown: an authored assessment when there is one, else the derived one; null when the metric has no target (no symbol). */
    status: nullable(ReportMetricStatusC),
    /** The status the default rule derives, when an authored assessment differs from it. */
    derivedStatus: nullable(ReportMetricStatusC),
    name: t.string,
    target: nullable(ReportTargetC),
    result: nullable(ReportFigureC),
    trend: nullable(ReportTrendC),
    /** What the trend compares with ("samma period 2019"), and its value. */
    comparison: nullable(ReportComparisonC),
    description: t.string,
  }),
  t.partial({
    /** Every comparison the metric lists (same period one to three years back, the previous tertial, the previous year), in its order, with the recorded or computed value. */
    comparisons: t.array(ReportComparisonC),
    /** Version 2, in a table with `planTargetHeading`: the target the plan in force sets for the report's year, as known at the cut-off; null where it sets none. */
    planTarget: nullable(ReportTargetC),
    /** The figures written into the description, computed from the facts and already printed in it. */
    descriptionFigures: t.array(ReportFigureC),
  }),
], "MetricRow");
export type ReportMetricRow = t.TypeOf<typeof ReportMetricRowC>;

/** `planTargetHeading` (version 2): the table has the plan's target as a column, under this heading ("Målvärde 2022 enligt planen"). */
export const ReportMetricTableC = t.intersection(
  [t.type({ kind: t.literal("metric-table"), id: t.string, rows: t.array(ReportMetricRowC), footnotes: t.array(ReportFootnoteC) }), t.partial({ planTargetHeading: t.string })],
  "MetricTable",
);
export type ReportMetricTable = t.TypeOf<typeof ReportMetricTableC>;

/** `plannedActivity` (version 2): the plan and the id there of the planned activity the row follows up, when a plan planned it; `figures`: those written into the status text, computed from the facts and already printed in it. */
export const ReportActivityRowC = t.intersection(
  [t.type({ key: t.string, status: ReportActivityStatusC, activity: t.string, statusText: t.string }), t.partial({ plannedActivity: ReportPlannedActivityRefC, figures: t.array(ReportFigureC) })],
  "ActivityRow",
);
export type ReportActivityRow = t.TypeOf<typeof ReportActivityRowC>;

export const ReportActivityTableC = t.type({ kind: t.literal("activity-table"), id: t.string, rows: t.array(ReportActivityRowC) }, "ActivityTable");
export type ReportActivityTable = t.TypeOf<typeof ReportActivityTableC>;

export const ReportChartSeriesC = t.type({ name: t.string, values: t.array(nullable(ReportFigureC)) }, "ChartSeries");
export type ReportChartSeries = t.TypeOf<typeof ReportChartSeriesC>;

/** A chart as data: a renderer draws it, or prints it as a table. */
export const ReportChartC = t.type(
  {
    kind: t.literal("chart"),
    id: t.string,
    chart: t.keyof({ "grouped-bar": null, "stacked-bar": null }, "ChartKind"),
    title: t.string,
    unit: ReportUnitIdC,
    categories: t.array(t.string),
    series: t.array(ReportChartSeriesC),
    targetLines: t.array(t.type({ label: t.string, figure: ReportFigureC })),
    labels: t.type({ category: t.string, value: t.string }),
  },
  "Chart",
);
export type ReportChart = t.TypeOf<typeof ReportChartC>;

/**
 * Markdown source: narratives as written. Renderers escape raw HTML and unsafe links. `figures`:
 * the figures written into the text, computed from the facts and already printed in `markdown`.
 * `recordedZero`: the paragraph is the organisation's statement that nothing of a kind happened
 * in the period (a `none-recorded` narrative), a fact, not a blank.
 */
export const ReportParagraphC = t.intersection(
  [t.type({ kind: t.literal("paragraph"), markdown: t.string }), t.partial({ figures: t.array(ReportFigureC), recordedZero: t.literal(true) })],
  "Paragraph",
);
export type ReportParagraph = t.TypeOf<typeof ReportParagraphC>;

/** A section whose facts are missing for the period says so, in words the builder chose. */
export const ReportNoticeC = t.type({ kind: t.literal("notice"), text: t.string }, "Notice");
export type ReportNotice = t.TypeOf<typeof ReportNoticeC>;

const SymbolEntryC = t.type({ symbol: t.string, text: t.string });
export const ReportLegendC = t.type(
  {
    kind: t.literal("legend"),
    groups: t.array(t.type({ title: t.string, entries: t.array(SymbolEntryC) })),
  },
  "Legend",
);
export type ReportLegend = t.TypeOf<typeof ReportLegendC>;

export const ReportBlockC = t.union([ReportParagraphC, ReportNoticeC, ReportTableC, ReportMetricTableC, ReportActivityTableC, ReportChartC, ReportLegendC], "Block");
export type ReportBlock = t.TypeOf<typeof ReportBlockC>;
