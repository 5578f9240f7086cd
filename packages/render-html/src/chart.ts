import type { ReportChart, ReportFigure } from "@tertial/core";
import { escapeHtml, slug } from "./escape.js";

/** Colours that stay apart in grey print and for common colour-vision deficiencies. */
export const PALETTE = ["#1b5e8a", "#e08a1e", "#5a9b3c", "#8d4f9e", "#c23b3b", "#6b6b6b"];

const WIDTH = 720;
const LABEL_WIDTH = 230;
const VALUE_ROOM = 90;
const BAR = 14;
const GAP = 10;
const TOP = 44;

/** Geometry is not a figure: plain numbers are fine here, rounded to a tenth so output is stable. */
const round = (value: number): string => String(Math.round(value * 10) / 10);
const valueOf = (figure: ReportFigure | null): number => (figure === null ? 0 : Math.max(Number(figure.exact), 0));
const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

interface Layout {
  readonly rowHeight: number;
  readonly height: number;
  readonly scale: (value: number) => number;
}

const layoutOf = (chart: ReportChart): Layout => {
  const stacked = chart.chart === "stacked-bar";
  const totals = chart.categories.map((_, index) => chart.series.map((series) => valueOf(series.values[index] ?? null)));
  const extent = Math.max(...totals.map((values) => (stacked ? values.reduce((a, b) => a + b, 0) : Math.max(0, ...values))), ...chart.targetLines.map((line) => valueOf(line.figure)), 0);
  const rowHeight = (stacked ? BAR : BAR * Math.max(chart.series.length, 1)) + GAP;
  const plot = WIDTH - LABEL_WIDTH - VALUE_ROOM;
  return { rowHeight, height: TOP + rowHeight * chart.categories.length + 24, scale: (value) => (extent === 0 ? 0 : (value / extent) * plot) };
};

const legendItems = (chart: ReportChart): string =>
  chart.series
    .map((series, index) => {
      const x = LABEL_WIDTH + index * 150;
      return `<rect x="${x}" y="6" width="12" height="12" fill="${PALETTE[index % PALETTE.length]}"/><text x="${x + 16}" y="16" class="legend">${escapeHtml(clip(series.name, 20))}</text>`;
    })
    .join("");

const barsOf = (chart: ReportChart, layout: Layout, index: number, y: number): string => {
  const stacked = chart.chart === "stacked-bar";
  let x = LABEL_WIDTH;
  return chart.series
    .map((series, seriesIndex) => {
      const figure = series.values[index] ?? null;
      if (figure === null) return "";
      const width = layout.scale(valueOf(figure));
      const barY = stacked ? y : y + seriesIndex * BAR;
      const bar = `<rect x="${round(x)}" y="${round(barY)}" width="${round(width)}" height="${BAR - 2}" fill="${PALETTE[seriesIndex % PALETTE.length]}"><title>${escapeHtml(`${series.name}: ${figure.text}`)}</title></rect>`;
      const label = stacked ? "" : `<text x="${round(x + width + 4)}" y="${round(barY + BAR - 4)}" class="value">${escapeHtml(figure.text)}</text>`;
      if (stacked) x += width;
      return bar + label;
    })
    .join("");
};

const rows = (chart: ReportChart, layout: Layout): string =>
  chart.categories
    .map((category, index) => {
      const y = TOP + index * layout.rowHeight;
      const label = `<text x="${LABEL_WIDTH - 6}" y="${round(y + (layout.rowHeight - GAP) / 2 + 4)}" text-anchor="end" class="category">${escapeHtml(clip(category, 34))}</text>`;
      return label + barsOf(chart, layout, index, y);
    })
    .join("");

const targetLines = (chart: ReportChart, layout: Layout): string =>
  chart.targetLines
    .map((line) => {
      const x = round(LABEL_WIDTH + layout.scale(valueOf(line.figure)));
      return `<line x1="${x}" y1="${TOP - 8}" x2="${x}" y2="${layout.height - 18}" class="target"/><text x="${x}" y="${layout.height - 4}" text-anchor="middle" class="target-label">${escapeHtml(`${line.label} ${line.figure.text}`)}</text>`;
    })
    .join("");

/** An inline SVG bar chart (horizontal bars, grouped or stacked) with target lines; named for assistive technology. */
export const svgChart = (chart: ReportChart): string => {
  const layout = layoutOf(chart);
  const id = `chart-${slug(chart.id)}`;
  const description = `${chart.labels.value} per ${chart.labels.category.toLowerCase()}${chart.targetLines.map((line) => `, ${line.label.toLowerCase()} ${line.figure.text}`).join("")}. Värdena finns i tabellen under diagrammet.`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${layout.height}" width="${WIDTH}" height="${layout.height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    legendItems(chart),
    rows(chart, layout),
    targetLines(chart, layout),
    "</svg>",
  ].join("");
};
