import { Decimal, type ReportChart, type ReportFigure } from "@tertial/core";
import { valueAxis, type ValueAxis } from "./scale.js";
import { textWidth, wrapText } from "./text.js";

/** Sizes in SVG pixels. Geometry is not a figure: plain numbers, printed to a tenth. */
export const SIZE = { width: 720, pad: 8, font: 12, line: 15, bar: 16, gap: 12, swatch: 12, labelMax: 220, labelGap: 10, valueGap: 4 } as const;

export const exactOf = (figure: ReportFigure | null): Decimal => (figure === null ? new Decimal(0) : Decimal.max(new Decimal(figure.exact), 0));

const extentOf = (chart: ReportChart): Decimal => {
  const stacked = chart.chart === "stacked-bar";
  const perCategory = chart.categories.map((_, index) => {
    const values = chart.series.map((series) => exactOf(series.values[index] ?? null));
    return stacked ? values.reduce((total, value) => total.plus(value), new Decimal(0)) : Decimal.max(0, ...values);
  });
  return Decimal.max(0, ...perCategory, ...chart.targetLines.map((line) => exactOf(line.figure)));
};

/** Where the plot lies across the chart, and how a value maps onto it. */
export interface Frame {
  readonly labelWidth: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly axis: ValueAxis;
  readonly x: (value: Decimal | number) => number;
}

const valueLabelsWidth = (chart: ReportChart): number =>
  chart.chart === "stacked-bar" ? 0 : Math.max(0, ...chart.series.flatMap((series) => series.values.map((figure) => (figure === null ? 0 : textWidth(figure.text, SIZE.font) + SIZE.valueGap * 2))));

/** Category labels get the room their longest line needs, up to a column limit; values and the last tick get room on the right. */
export const frameOf = (chart: ReportChart): Frame => {
  const axis = valueAxis(extentOf(chart), chart.unit, chart.labels.value);
  const labelWidth = Math.min(SIZE.labelMax, Math.max(0, ...chart.categories.map((category) => textWidth(category, SIZE.font))));
  const plotLeft = SIZE.pad + labelWidth + SIZE.labelGap;
  const lastTick = axis.ticks[axis.ticks.length - 1]?.label ?? "";
  const plotRight = SIZE.width - SIZE.pad - Math.max(valueLabelsWidth(chart), textWidth(lastTick, SIZE.font) / 2);
  const span = plotRight - plotLeft;
  return { labelWidth, plotLeft, plotRight, axis, x: (value) => plotLeft + (axis.max === 0 ? 0 : (Number(value.toString()) / axis.max) * span) };
};

/** A category's label lines and the height its row takes. */
export interface Row {
  readonly lines: readonly string[];
  readonly top: number;
  readonly content: number;
}

export const barBlockHeight = (chart: ReportChart): number => (chart.chart === "stacked-bar" ? SIZE.bar : SIZE.bar * Math.max(chart.series.length, 1));

export const rowsOf = (chart: ReportChart, frame: Frame, top: number): Row[] => {
  let y = top;
  return chart.categories.map((category) => {
    const lines = wrapText(category, frame.labelWidth, SIZE.font);
    const content = Math.max(barBlockHeight(chart), lines.length * SIZE.line);
    const row = { lines, top: y, content };
    y += content + SIZE.gap;
    return row;
  });
};
