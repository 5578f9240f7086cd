import * as t from "io-ts";
import { FigureC, UnitIdC } from "./figure.js";
import { ActivityStatusC, MetricStatusC, TrendC } from "./symbols.js";

const nullable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** Footnote marks on a cell ("*", "**", "¹"), resolved by the table's footnotes. */
const marks = { marks: t.array(t.string) };

export const TextCellC = t.type({ kind: t.literal("text"), text: t.string, ...marks }, "TextCell");
export const FigureCellC = t.type({ kind: t.literal("figure"), figure: FigureC, ...marks }, "FigureCell");
/** No fact: printed empty, never as zero. */
export const BlankCellC = t.type({ kind: t.literal("blank"), ...marks }, "BlankCell");
export const CellC = t.union([TextCellC, FigureCellC, BlankCellC], "Cell");
export type Cell = t.TypeOf<typeof CellC>;

export const AlignC = t.keyof({ left: null, right: null, center: null }, "Align");
export type Align = t.TypeOf<typeof AlignC>;

export const FootnoteC = t.type({ mark: t.string, markdown: t.string }, "Footnote");
export type Footnote = t.TypeOf<typeof FootnoteC>;

export const TableRowC = t.type({ cells: t.array(CellC) }, "TableRow");
export type TableRow = t.TypeOf<typeof TableRowC>;

export const TableC = t.type(
  {
    kind: t.literal("table"),
    id: t.string,
    caption: t.string,
    /** The unit every figure is printed in, when the table states one ("tkr"); null when each cell carries its own. */
    unitNote: nullable(t.string),
    align: t.array(AlignC),
    head: t.array(TableRowC),
    body: t.array(TableRowC),
    /** Totals rows ("Summa"). */
    foot: t.array(TableRowC),
    footnotes: t.array(FootnoteC),
  },
  "Table",
);
export type Table = t.TypeOf<typeof TableC>;

/** A target as the plan printed it ("80 %", "18 570 800 kronor", "78 kurser"), with its value when it has one. */
export const TargetC = t.type({ text: t.string, figure: nullable(FigureC) }, "Target");

export const MetricRowC = t.type(
  {
    key: t.string,
    /** The status shown: an authored assessment when there is one, else the derived one. */
    status: MetricStatusC,
    /** The status the default rule derives, when an authored assessment differs from it. */
    derivedStatus: nullable(MetricStatusC),
    name: t.string,
    target: nullable(TargetC),
    result: nullable(FigureC),
    trend: nullable(TrendC),
    /** What the trend compares with ("samma period 2019"), and its value. */
    comparison: nullable(t.type({ label: t.string, figure: FigureC })),
    description: t.string,
  },
  "MetricRow",
);
export type MetricRow = t.TypeOf<typeof MetricRowC>;

export const MetricTableC = t.type({ kind: t.literal("metric-table"), id: t.string, rows: t.array(MetricRowC), footnotes: t.array(FootnoteC) }, "MetricTable");
export type MetricTable = t.TypeOf<typeof MetricTableC>;

export const ActivityRowC = t.type({ key: t.string, status: ActivityStatusC, activity: t.string, statusText: t.string }, "ActivityRow");
export type ActivityRow = t.TypeOf<typeof ActivityRowC>;

export const ActivityTableC = t.type({ kind: t.literal("activity-table"), id: t.string, rows: t.array(ActivityRowC) }, "ActivityTable");
export type ActivityTable = t.TypeOf<typeof ActivityTableC>;

export const ChartSeriesC = t.type({ name: t.string, values: t.array(nullable(FigureC)) }, "ChartSeries");
export type ChartSeries = t.TypeOf<typeof ChartSeriesC>;

/** A chart as data: a renderer draws it, or prints it as a table. */
export const ChartC = t.type(
  {
    kind: t.literal("chart"),
    id: t.string,
    chart: t.keyof({ "grouped-bar": null, "stacked-bar": null }, "ChartKind"),
    title: t.string,
    unit: UnitIdC,
    categories: t.array(t.string),
    series: t.array(ChartSeriesC),
    targetLines: t.array(t.type({ label: t.string, figure: FigureC })),
    labels: t.type({ category: t.string, value: t.string }),
  },
  "Chart",
);
export type Chart = t.TypeOf<typeof ChartC>;

/** Markdown source: narratives as written. Renderers escape raw HTML and unsafe links. */
export const ParagraphC = t.type({ kind: t.literal("paragraph"), markdown: t.string }, "Paragraph");
export type Paragraph = t.TypeOf<typeof ParagraphC>;

/** A section whose facts are missing for the period says so, in words the builder chose. */
export const NoticeC = t.type({ kind: t.literal("notice"), text: t.string }, "Notice");
export type Notice = t.TypeOf<typeof NoticeC>;

const SymbolEntryC = t.type({ symbol: t.string, text: t.string });
export const LegendC = t.type(
  {
    kind: t.literal("legend"),
    groups: t.array(t.type({ title: t.string, entries: t.array(SymbolEntryC) })),
  },
  "Legend",
);
export type Legend = t.TypeOf<typeof LegendC>;

export const BlockC = t.union([ParagraphC, NoticeC, TableC, MetricTableC, ActivityTableC, ChartC, LegendC], "Block");
export type Block = t.TypeOf<typeof BlockC>;
