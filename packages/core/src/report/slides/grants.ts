import { grantsGrantedAmount, grantsGrantedCount, grantsGrantedShareByAmount, grantsGrantedShareByCount, grantsSubmittedAmount, grantsSubmittedCount } from "../../domains/grants/figures.js";
import { metricsRecordedBase, metricsRecordedResult, metricsRecordedShareOfBase } from "../../domains/strategy/figures.js";
import type { UnitId } from "../../numbers/units.js";
import type { FigureDefinition } from "../../reconciliation/figure-source.js";
import type { ReportBlock, ReportChart, ReportTableRow } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { firstFigure } from "./cells.js";
import { hasFigures, slideCell, slideFigure, type SlideContext, type SlideSpec } from "./context.js";
import { columnLabel } from "./periods.js";

type RecordedFigure = typeof metricsRecordedResult;

interface GrantRow {
  readonly label: string;
  readonly unit: UnitId;
  /** The year's total as recorded for the metric (earlier years), and the figure the applications give. */
  readonly recorded: { readonly figure: RecordedFigure; readonly metric: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly computed: FigureDefinition<any, never>;
}

/** The metrics whose recorded totals stand for the applications of years before they were registered one by one. */
export interface GrantMetrics {
  /** Granted applications, with the submitted ones as base. */
  readonly projects: string;
  /** Granted amount, with the amount applied for as base. */
  readonly funding: string;
}

const countRows = ({ projects }: GrantMetrics): readonly GrantRow[] => [
  { label: "Antal inskickade ansökningar", unit: "count", recorded: { figure: metricsRecordedBase, metric: projects }, computed: grantsSubmittedCount },
  { label: "Antal beviljade ansökningar", unit: "count", recorded: { figure: metricsRecordedResult, metric: projects }, computed: grantsGrantedCount },
  { label: "Andel beviljade ansökningar", unit: "percent", recorded: { figure: metricsRecordedShareOfBase, metric: projects }, computed: grantsGrantedShareByCount },
];

const amountRows = ({ funding }: GrantMetrics): readonly GrantRow[] => [
  { label: "Sökta projektmedel", unit: "kronor", recorded: { figure: metricsRecordedBase, metric: funding }, computed: grantsSubmittedAmount },
  { label: "Beviljade projektmedel", unit: "kronor", recorded: { figure: metricsRecordedResult, metric: funding }, computed: grantsGrantedAmount },
  { label: "Andel beviljade projektmedel", unit: "percent", recorded: { figure: metricsRecordedShareOfBase, metric: funding }, computed: grantsGrantedShareByAmount },
];

const grantRow = (context: SlideContext, spec: GrantRow): ReportTableRow =>
  row([
    textCell(spec.label),
    ...context.columns.cumulative.map((period) =>
      firstFigure(
        () => slideCell(context, spec.recorded.figure, { metric: spec.recorded.metric }, period, spec.unit),
        () => slideCell(context, spec.computed, {}, period, spec.unit),
      ),
    ),
  ]);

const yearsTable = (context: SlideContext, id: string, caption: string, specs: readonly GrantRow[]): ReportBlock[] => {
  const body = specs.map((spec) => grantRow(context, spec));
  if (!hasFigures(body.flatMap((entry) => entry.cells))) return [];
  return [table({ id, caption, align: ["left", ...context.columns.cumulative.map(() => "right" as const)], head: [headerRow(["", ...context.columns.cumulative.map(columnLabel)])], body })];
};

/** Granted amount per year as bars, from the same figures as the table. */
const grantedChart = (context: SlideContext, funding: string): ReportChart => ({
  kind: "chart",
  id: "bild-beviljade-medel-per-ar",
  chart: "grouped-bar",
  title: "Beviljade projektmedel per år",
  unit: "kronor",
  categories: context.columns.cumulative.map(columnLabel),
  series: [
    {
      name: "Beviljade projektmedel",
      values: context.columns.cumulative.map((period) => slideFigure(context, metricsRecordedResult, { metric: funding }, period, "kronor") ?? slideFigure(context, grantsGrantedAmount, {}, period, "kronor")),
    },
  ],
  targetLines: [],
  labels: { category: "Period", value: "Kronor" },
});

/** Externa projektmedel: applications and what was granted, the same tertials of three years. */
export const grantsSlide = (metrics: GrantMetrics): SlideSpec => ({
  id: "externa-projektmedel",
  title: "Externa projektmedel",
  measures: { metrics: [metrics.projects, metrics.funding], figures: [...countRows(metrics), ...amountRows(metrics)].map((spec) => spec.computed.key) },
  reads: [metricsRecordedResult.projection, grantsSubmittedCount.projection],
  build: (context) => {
    const tables = [...yearsTable(context, "bild-beviljade-projekt", "Antal beviljade projekt av sökta projekt", countRows(metrics)), ...yearsTable(context, "bild-beviljad-finansiering", "Beviljad finansiering av externa projektmedel", amountRows(metrics))];
    return tables.length === 0 ? [] : [...tables, grantedChart(context, metrics.funding)];
  },
});
