import { attendanceProjection } from "../../domains/meetings/attendance.js";
import { attendanceRangeMax, attendanceRangeMin, meetingModeShareFigure, networksWithAttendanceFigure } from "../../domains/meetings/figures.js";
import { metricFigures, metricsProjection } from "../../domains/strategy/index.js";
import { metricsRecordedRangeMax, metricsRecordedRangeMin, metricsRecordedResult } from "../../domains/strategy/figures.js";
import type { ReportBlock, ReportChart, ReportTableRow } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { firstFigure } from "./cells.js";
import { hasFigures, slideCell, slideFigure, type SlideContext, type SlideSpec } from "./context.js";
import { columnLabel } from "./periods.js";

/** Which measures the attendance slide compares, and which groups it counts. */
export interface AttendanceMeasures {
  /** Rows of one attendance metric each ("Samtliga nätverk", "PKS"). */
  readonly metrics: readonly { readonly label: string; readonly metric: string }[];
  /** The meetings held with the region: a network group, and the metrics recorded for it in earlier years. */
  readonly region: { readonly label: string; readonly group: string; readonly metrics: readonly string[] };
  /** The group whose networks had attendance registered ("21 olika nätverk/styrgrupper"), and the metric whose target the slide names. */
  readonly networks: { readonly group: string; readonly targetMetric: string };
}

const MODES = [
  { id: "fysiskt", label: "Fysiskt" },
  { id: "digitalt", label: "Digitalt" },
  { id: "kombination", label: "Kombination av fysiskt och digitalt" },
] as const;

const metricRow = (context: SlideContext, label: string, metric: string): ReportTableRow =>
  row([
    textCell(label),
    ...context.columns.cumulative.map((period) =>
      firstFigure(
        () => slideCell(context, metricsRecordedResult, { metric }, period, "percent"),
        () => slideCell(context, metricFigures.result, { metric }, period, "percent"),
      ),
    ),
  ]);

const rangeRow = (context: SlideContext, measures: AttendanceMeasures["region"], end: "min" | "max"): ReportTableRow =>
  row([
    textCell(`${measures.label}, ${end === "min" ? "lägst" : "högst"}`),
    ...context.columns.cumulative.map((period) =>
      firstFigure(
        () => slideCell(context, end === "min" ? metricsRecordedRangeMin : metricsRecordedRangeMax, { metrics: measures.metrics.join("+") }, period, "percent"),
        () => slideCell(context, end === "min" ? attendanceRangeMin : attendanceRangeMax, { group: measures.group }, period, "percent"),
      ),
    ),
  ]);

const keyFigures = (context: SlideContext, measures: AttendanceMeasures): ReportBlock[] => {
  const body = [
    row([textCell("Nätverk/styrgrupper med registrerad närvaro"), slideCell(context, networksWithAttendanceFigure, { group: measures.networks.group }, context.period, "count")]),
    row([textCell("Mål för närvaron"), slideCell(context, metricFigures.target, { metric: measures.networks.targetMetric }, context.period, "percent")]),
  ];
  return hasFigures(body.flatMap((entry) => entry.cells)) ? [table({ id: "bild-narvaro-registrering", caption: `Närvaroregistrering ${columnLabel(context.period).toLowerCase()}`, align: ["left", "right"], head: [], body })] : [];
};

const modes = (context: SlideContext): ReportBlock[] => {
  const body = MODES.map((mode) => row([textCell(mode.label), slideCell(context, meetingModeShareFigure, { mode: mode.id }, context.period, "percent")]));
  return hasFigures(body.flatMap((entry) => entry.cells)) ? [table({ id: "bild-motesformer", caption: `Mötesformer ${columnLabel(context.period).toLowerCase()}, andel av mötena`, align: ["left", "right"], head: [headerRow(["Mötesform", "Andel"])], body })] : [];
};

/** Attendance of all networks per year as bars, with the target as a line. */
const attendanceChart = (context: SlideContext, measures: AttendanceMeasures): ReportChart | null => {
  const first = measures.metrics[0];
  if (first === undefined) return null;
  const target = slideFigure(context, metricFigures.target, { metric: measures.networks.targetMetric }, context.period, "percent");
  return {
    kind: "chart",
    id: "bild-narvaro-per-ar",
    chart: "grouped-bar",
    title: `Närvaro, ${first.label.toLowerCase()}`,
    unit: "percent",
    categories: context.columns.cumulative.map(columnLabel),
    series: [{ name: first.label, values: context.columns.cumulative.map((period) => slideFigure(context, metricsRecordedResult, { metric: first.metric }, period, "percent") ?? slideFigure(context, metricFigures.result, { metric: first.metric }, period, "percent")) }],
    targetLines: target === null ? [] : [{ label: "Mål", figure: target }],
    labels: { category: "Period", value: "Närvaro" },
  };
};

/** Närvaro: the same tertial of three years per measure, the networks counted, the target and the meeting modes. */
export const attendanceSlide = (measures: AttendanceMeasures): SlideSpec => ({
  id: "narvaro",
  title: "Närvaro",
  measures: { metrics: [...measures.metrics.map((entry) => entry.metric), measures.networks.targetMetric, ...measures.region.metrics], figures: [networksWithAttendanceFigure.key, attendanceRangeMin.key, attendanceRangeMax.key] },
  reads: [metricsRecordedResult.projection, metricsProjection, attendanceProjection],
  build: (context) => {
    const body = [...measures.metrics.map((entry) => metricRow(context, entry.label, entry.metric)), rangeRow(context, measures.region, "min"), rangeRow(context, measures.region, "max")];
    if (!hasFigures(body.flatMap((entry) => entry.cells))) return [];
    const chart = attendanceChart(context, measures);
    return [
      ...keyFigures(context, measures),
      table({ id: "bild-narvaro", caption: "Närvaro per år", align: ["left", ...context.columns.cumulative.map(() => "right" as const)], head: [headerRow(["", ...context.columns.cumulative.map(columnLabel)])], body }),
      ...modes(context),
      ...(chart === null ? [] : [chart]),
    ];
  },
});
