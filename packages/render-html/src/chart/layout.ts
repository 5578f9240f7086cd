import { Decimal, type ReportChart, type ReportFigure } from "@tertial/core";
import { valueAxis, type ValueAxis } from "./scale.js";
import { textWidth, widestWord, wrapText } from "./text.js";

/** Sizes in SVG pixels. Geometry is not a figure: plain numbers, printed to a tenth. */
export const SIZE = { pad: 8, font: 12, line: 15, bar: 16, gap: 12, swatch: 12, labelGap: 10, valueGap: 4, tickGap: 12 } as const;

/** The drawing's width and how wide its category column may grow: a desktop or print page, or a phone. */
export interface Canvas {
  readonly name: "wide" | "narrow";
  readonly width: number;
  readonly labelMax: number;
}

export const WIDE: Canvas = { name: "wide", width: 720, labelMax: 220 };
export const NARROW: Canvas = { name: "narrow", width: 400, labelMax: 130 };

/** A stacked bar's parts only add up when none is negative: there a value below 0 counts as 0. */
export const exactOf = (figure: ReportFigure | null): Decimal => (figure === null ? new Decimal(0) : Decimal.max(new Decimal(figure.exact), 0));
/** A grouped bar keeps its sign: a negative value is a bar going down from the zero line. */
export const signedOf = (figure: ReportFigure | null): Decimal => (figure === null ? new Decimal(0) : new Decimal(figure.exact));

/** The lowest and highest value the axis must hold; the low end is below 0 only for a grouped chart with a negative value. */
const extentOf = (chart: ReportChart): { readonly low: Decimal; readonly high: Decimal } => {
  const stacked = chart.chart === "stacked-bar";
  const valueOf = stacked ? exactOf : signedOf;
  const perCategory = chart.categories.map((_, index) => {
    const values = chart.series.map((series) => valueOf(series.values[index] ?? null));
    return stacked ? values.reduce((total, value) => total.plus(value), new Decimal(0)) : Decimal.max(0, ...values);
  });
  const lows = stacked ? [] : chart.series.flatMap((series) => series.values.map(signedOf));
  const targets = chart.targetLines.map((line) => signedOf(line.figure));
  return { low: Decimal.min(0, ...lows, ...targets), high: Decimal.max(0, ...perCategory, ...targets) };
};

/** Where the plot lies across the chart, and how a value maps onto it. */
export interface Frame {
  readonly canvas: Canvas;
  readonly labelWidth: number;
  readonly plotLeft: number;
  readonly plotRight: number;
  readonly axis: ValueAxis;
  readonly x: (value: Decimal | number) => number;
}

const valueLabelsWidth = (chart: ReportChart): number =>
  chart.chart === "stacked-bar" ? 0 : Math.max(0, ...chart.series.flatMap((series) => series.values.map((figure) => (figure === null ? 0 : textWidth(figure.text, SIZE.font) + SIZE.valueGap * 2))));

const frameWith = (chart: ReportChart, canvas: Canvas, axis: ValueAxis): Frame => {
  const longest = Math.min(canvas.labelMax, Math.max(0, ...chart.categories.map((category) => textWidth(category, SIZE.font))));
  // Wide enough for the widest word, so no name is broken inside a word (up to half the drawing; only a freak word is longer).
  const labelWidth = Math.min(Math.max(longest, ...chart.categories.map((category) => widestWord(category, SIZE.font))), canvas.width / 2);
  // A two-sided axis puts value labels left of the bars going down: room for them before the plot.
  const plotLeft = SIZE.pad + labelWidth + SIZE.labelGap + (axis.min < 0 ? valueLabelsWidth(chart) : 0);
  const lastTick = axis.ticks[axis.ticks.length - 1]?.label ?? "";
  const plotRight = canvas.width - SIZE.pad - Math.max(valueLabelsWidth(chart), textWidth(lastTick, SIZE.font) / 2);
  const span = plotRight - plotLeft;
  return { canvas, labelWidth, plotLeft, plotRight, axis, x: (value) => plotLeft + (axis.max === axis.min ? 0 : ((Number(value.toString()) - axis.min) / (axis.max - axis.min)) * span) };
};

/** Tick labels never touch: as many ticks as fit side by side, five at most. */
const ticksFit = (frame: Frame): boolean => {
  const widest = Math.max(...frame.axis.ticks.map((tick) => textWidth(tick.label, SIZE.font)));
  return frame.axis.ticks.length <= 1 || (widest + SIZE.tickGap) * (frame.axis.ticks.length - 1) <= frame.plotRight - frame.plotLeft;
};

/** Category labels get the room their longest line needs, up to a column limit; values and the last tick get room on the right. */
export const frameOf = (chart: ReportChart, canvas: Canvas): Frame => {
  const { low, high } = extentOf(chart);
  let frame = frameWith(chart, canvas, valueAxis(high, chart.unit, chart.labels.value, 5, low));
  for (let wanted = 4; wanted >= 1 && !ticksFit(frame); wanted -= 1) frame = frameWith(chart, canvas, valueAxis(high, chart.unit, chart.labels.value, wanted, low));
  return frame;
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
