import { attendanceProjection, type AttendanceResult } from "../../domains/meetings/attendance.js";
import { attendanceRangeMax, attendanceRangeMin, attendanceShareFigure, meetingModeShareFigure, networksWithAttendanceFigure } from "../../domains/meetings/figures.js";
import { metricFigures, metricsProjection } from "../../domains/strategy/index.js";
import { metricsRecordedRangeMax, metricsRecordedRangeMin, metricsRecordedResult } from "../../domains/strategy/figures.js";
import type { ReportBlock, ReportChart, ReportTableRow } from "../document/blocks.js";
import { blankCell, headerRow, row, table, textCell } from "../builders/cells.js";
import { firstFigure } from "./cells.js";
import { hasFigures, slideCell, slideFigure, type SlideContext, type SlideSpec } from "./context.js";
import { slideGoalsProjection, type SlideGoalsResult } from "./goals.js";
import { columnLabel } from "./periods.js";

/** Which measures the attendance slide compares, and which groups it counts, as derived from the log. */
export interface AttendanceMeasures {
  /** Rows of one attendance metric each, labelled by its short name or its name. */
  readonly metrics: readonly { readonly label: string; readonly metric: string }[];
  /** Per other network group, its lowest and highest attendance: the group, and the metrics recorded for its networks in earlier years. */
  readonly ranges: readonly { readonly label: string; readonly group: string; readonly metrics: readonly string[] }[];
  /** The group whose networks had attendance registered ("21 olika nätverk/styrgrupper"), if the first row measures one, and the metric whose target the slide names. */
  readonly networks: { readonly group: string | null; readonly targetMetric: string };
}

/** A metric's name as a row label: without the full stop a metric's sentence ends with. */
const rowLabel = (name: string): string => name.replace(/\.$/u, "");

/**
 * The slide's rows, from the log: the attendance metrics (result from `attendance.share`) under
 * the goal of the first one defined, in the order defined; the group the first of them measures
 * as the networks counted and its target; and each other network group, with the attendance
 * metrics of its networks, as a lowest and a highest row. A row is labelled by the short name the
 * log gives its metric or group (`names`), else by its name. Null when the log defines no
 * attendance metric.
 */
export const attendanceMeasuresOf = (attendance: AttendanceResult, names?: SlideGoalsResult): AttendanceMeasures | null => {
  const first = attendance.measures[0];
  if (first === undefined) return null;
  const rows = attendance.measures.filter((measure) => measure.goalId === first.goalId);
  const target = rows.find((measure) => measure.group !== undefined) ?? first;
  const counted = target.group ?? null;
  const shown = new Set(rows.map((measure) => measure.metricId));
  const ranges = attendance.groups
    .filter((group) => group.groupId !== counted)
    .map((group) => ({
      label: names?.groupShortNames[group.groupId] ?? group.name,
      group: group.groupId,
      metrics: attendance.measures.filter((measure) => !shown.has(measure.metricId) && measure.network !== undefined && group.networkIds.includes(measure.network)).map((measure) => measure.metricId),
    }));
  return {
    metrics: rows.map((measure) => ({ label: names?.metrics[measure.metricId]?.shortName ?? rowLabel(measure.name), metric: measure.metricId })),
    ranges,
    networks: { group: counted, targetMetric: target.metricId },
  };
};

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

const rangeRow = (context: SlideContext, measures: AttendanceMeasures["ranges"][number], end: "min" | "max"): ReportTableRow =>
  row([
    textCell(`${measures.label}, ${end === "min" ? "lägst" : "högst"}`),
    ...context.columns.cumulative.map((period) =>
      firstFigure(
        () => (measures.metrics.length === 0 ? blankCell() : slideCell(context, end === "min" ? metricsRecordedRangeMin : metricsRecordedRangeMax, { metrics: measures.metrics.join("+") }, period, "percent")),
        () => slideCell(context, end === "min" ? attendanceRangeMin : attendanceRangeMax, { group: measures.group }, period, "percent"),
      ),
    ),
  ]);

const keyFigures = (context: SlideContext, measures: AttendanceMeasures): ReportBlock[] => {
  const counted = measures.networks.group;
  const body = [
    ...(counted === null ? [] : [row([textCell("Nätverk/styrgrupper med registrerad närvaro"), slideCell(context, networksWithAttendanceFigure, { group: counted }, context.period, "count")])]),
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

/**
 * Närvaro: the same tertial of three years per measure, the networks counted, the target and
 * the meeting modes. The measures and their row labels come from the log as of the tertial's end
 * (see attendanceMeasuresOf).
 */
export const attendanceSlide: SlideSpec = {
  id: "narvaro",
  title: "Närvaro",
  // The heading is the goal of the attendance metrics (the lowest goal number first): the goal the rows are taken from.
  measures: { figures: [attendanceShareFigure.key, networksWithAttendanceFigure.key, attendanceRangeMin.key, attendanceRangeMax.key] },
  reads: [metricsRecordedResult.projection, metricsProjection, attendanceProjection, slideGoalsProjection],
  build: (context) => {
    const attendance = context.results.get(attendanceProjection, context.period);
    const measures = attendance === undefined ? null : attendanceMeasuresOf(attendance, context.results.get(slideGoalsProjection, context.period));
    if (measures === null) return [];
    const body = [
      ...measures.metrics.map((entry) => metricRow(context, entry.label, entry.metric)),
      ...measures.ranges.flatMap((range) => [rangeRow(context, range, "min"), rangeRow(context, range, "max")]),
    ];
    if (!hasFigures(body.flatMap((entry) => entry.cells))) return [];
    const chart = attendanceChart(context, measures);
    return [
      ...keyFigures(context, measures),
      table({ id: "bild-narvaro", caption: "Närvaro per år", align: ["left", ...context.columns.cumulative.map(() => "right" as const)], head: [headerRow(["", ...context.columns.cumulative.map(columnLabel)])], body }),
      ...modes(context),
      ...(chart === null ? [] : [chart]),
    ];
  },
};
