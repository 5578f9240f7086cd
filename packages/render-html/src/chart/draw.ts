import { Decimal, type ReportChart } from "@tertial/core";
import { escapeHtml } from "../escape.js";
import { SIZE, barBlockHeight, exactOf, frameOf, rowsOf, signedOf, type Canvas, type Frame, type Row } from "./layout.js";
import { textWidth, wrapText } from "./text.js";

/** Colours that stay apart in grey print and for common colour-vision deficiencies. */
export const PALETTE = ["#1b5e8a", "#e08a1e", "#5a9b3c", "#8d4f9e", "#c23b3b", "#6b6b6b"];
/** Text on each palette colour, dark or light, whichever reads better. */
const ON_PALETTE = ["#fff", "#1d1d1b", "#1d1d1b", "#fff", "#fff", "#fff"];
const INK = "#1d1d1b";
const MUTED = "#5b5b57";
const TARGET = "#c62828";
/** A white halo behind a value label, so a line crossing it never hides a digit. */
const HALO = ' stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';

const px = (value: number): string => String(Math.round(value * 10) / 10);
const colour = (index: number): string => PALETTE[index % PALETTE.length] ?? "#000";
/** Baseline of a text line in a box of one line height. */
const BASELINE = 11.5;

interface Part {
  readonly svg: string;
  readonly height: number;
}

const textLines = (lines: readonly string[], x: number, top: number, attributes: string): string =>
  lines.map((line, index) => `<text x="${px(x)}" y="${px(top + index * SIZE.line + BASELINE)}"${attributes}>${escapeHtml(line)}</text>`).join("");

/** Legend items flow left to right and wrap to new rows; a name wider than the chart wraps, never cut. */
const legend = (chart: ReportChart, canvas: Canvas, top: number): Part => {
  const textRoom = canvas.width - SIZE.pad * 2 - SIZE.swatch - 6;
  let x = SIZE.pad;
  let y = top;
  let rowHeight = 0;
  const items = chart.series.map((series, index) => {
    const lines = wrapText(series.name, textRoom, SIZE.font);
    const width = SIZE.swatch + 6 + Math.max(...lines.map((line) => textWidth(line, SIZE.font)));
    if (x > SIZE.pad && x + width > canvas.width - SIZE.pad) {
      x = SIZE.pad;
      y += rowHeight;
      rowHeight = 0;
    }
    const item = `<rect x="${px(x)}" y="${px(y + 1.5)}" width="${SIZE.swatch}" height="${SIZE.swatch}" fill="${colour(index)}"/>${textLines(lines, x + SIZE.swatch + 6, y, ' class="legend"')}`;
    x += width + 24;
    rowHeight = Math.max(rowHeight, lines.length * SIZE.line + 6);
    return item;
  });
  return { svg: `<g class="legend">${items.join("")}</g>`, height: y + rowHeight - top };
};

/** Each target's label sits in its own band above the plot, clear of bars and values; its line runs down through the plot. */
const targetLabels = (chart: ReportChart, frame: Frame, top: number): Part => {
  const labels = chart.targetLines.map((line, index) => {
    const text = `${line.label} ${line.figure.text}`;
    const width = textWidth(text, SIZE.font, true);
    const left = Math.min(Math.max(frame.x(signedOf(line.figure)) - width / 2, frame.plotLeft), frame.canvas.width - SIZE.pad - width);
    return `<text x="${px(left)}" y="${px(top + index * SIZE.line + BASELINE)}" class="target-label" fill="${TARGET}" font-weight="700">${escapeHtml(text)}</text>`;
  });
  return { svg: labels.join(""), height: chart.targetLines.length * SIZE.line + (labels.length > 0 ? 4 : 0) };
};

const gridAndTicks = (frame: Frame, plotTop: number, plotBottom: number): Part => {
  const parts = frame.axis.ticks.map((tick) => {
    const x = px(frame.x(tick.value));
    return `<line x1="${x}" y1="${px(plotTop)}" x2="${x}" y2="${px(plotBottom + 4)}" class="${tick.value === 0 ? "baseline" : "grid"}" stroke="${tick.value === 0 ? MUTED : "#dcdad3"}"/><text x="${x}" y="${px(plotBottom + 4 + BASELINE)}" text-anchor="middle" class="tick" fill="${MUTED}">${escapeHtml(tick.label)}</text>`;
  });
  const titleLines = wrapText(frame.axis.title, frame.plotRight - frame.plotLeft, SIZE.font);
  const centre = (frame.plotLeft + frame.plotRight) / 2;
  const title = textLines(titleLines, centre, plotBottom + 4 + SIZE.line + 2, ' text-anchor="middle" class="axis-title"');
  return { svg: `<g class="axis">${parts.join("")}${title}</g>`, height: 4 + SIZE.line + 2 + titleLines.length * SIZE.line };
};

/** A value label past its bar's end (left of a bar going down); when a target line would run through it, it moves just past the line. */
const valueLabel = (chart: ReportChart, frame: Frame, text: string, barEnd: number, barTop: number, downward: boolean): string => {
  const width = textWidth(text, SIZE.font);
  if (downward) return `<text x="${px(barEnd - SIZE.valueGap)}" y="${px(barTop + SIZE.bar - 4)}" text-anchor="end" class="value"${HALO}>${escapeHtml(text)}</text>`;
  let x = barEnd + SIZE.valueGap;
  for (const line of chart.targetLines) {
    const lineX = frame.x(signedOf(line.figure));
    if (lineX >= x - 3 && lineX <= x + width + 3) x = lineX + SIZE.valueGap;
  }
  return `<text x="${px(x)}" y="${px(barTop + SIZE.bar - 4)}" class="value"${HALO}>${escapeHtml(text)}</text>`;
};

const bars = (chart: ReportChart, frame: Frame, row: Row, index: number): string => {
  const stacked = chart.chart === "stacked-bar";
  const blockTop = row.top + (row.content - barBlockHeight(chart)) / 2;
  let start = frame.x(0);
  let cumulative = new Decimal(0);
  return chart.series
    .map((series, seriesIndex) => {
      const figure = series.values[index] ?? null;
      if (figure === null) return "";
      cumulative = cumulative.plus(exactOf(figure));
      const end = frame.x(stacked ? cumulative : signedOf(figure));
      const top = stacked ? blockTop : blockTop + seriesIndex * SIZE.bar;
      const bar = `<rect x="${px(Math.min(start, end))}" y="${px(top + 1)}" width="${px(Math.abs(end - start))}" height="${SIZE.bar - 2}" fill="${colour(seriesIndex)}"><title>${escapeHtml(`${series.name}: ${figure.text}`)}</title></rect>`;
      const fits = textWidth(figure.text, SIZE.font) + 6 <= end - start;
      const label = stacked
        ? fits
          ? `<text x="${px((start + end) / 2)}" y="${px(top + SIZE.bar - 4)}" text-anchor="middle" class="inside" fill="${ON_PALETTE[seriesIndex % ON_PALETTE.length] ?? INK}">${escapeHtml(figure.text)}</text>`
          : ""
        : valueLabel(chart, frame, figure.text, end, top, end < start);
      if (stacked) start = end;
      return bar + label;
    })
    .join("");
};

const plot = (chart: ReportChart, frame: Frame, top: number): Part & { readonly bottom: number } => {
  const rows = rowsOf(chart, frame, top + SIZE.gap / 2);
  const last = rows[rows.length - 1];
  const bottom = last === undefined ? top + SIZE.gap : last.top + last.content + SIZE.gap / 2;
  const labels = rows.map((row) => textLines(row.lines, frame.plotLeft - SIZE.labelGap, row.top + (row.content - row.lines.length * SIZE.line) / 2, ' text-anchor="end" class="category"')).join("");
  const grid = gridAndTicks(frame, top, bottom);
  const targets = chart.targetLines.map((line) => {
    const x = px(frame.x(signedOf(line.figure)));
    return `<line x1="${x}" y1="${px(top - 4)}" x2="${x}" y2="${px(bottom)}" class="target" stroke="${TARGET}" stroke-width="1.5" stroke-dasharray="5 3"/>`;
  });
  // Order matters: grid under bars, target lines over bars, value labels (with a white halo) on top.
  const bodies = rows.map((row, index) => bars(chart, frame, row, index));
  return { svg: `${grid.svg}<g class="categories">${labels}</g>${targets.join("")}<g class="bars">${bodies.join("")}</g>`, height: bottom - top + grid.height, bottom };
};

/** An inline SVG bar chart (horizontal bars, grouped or stacked) with a value axis, gridlines, a legend and labelled target lines. */
export const drawChart = (chart: ReportChart, canvas: Canvas, id: string, description: string): string => {
  const frame = frameOf(chart, canvas);
  const key = legend(chart, canvas, SIZE.pad);
  const targetsTop = SIZE.pad + key.height + 4;
  const targets = targetLabels(chart, frame, targetsTop);
  const body = plot(chart, frame, targetsTop + targets.height + 4);
  const height = Math.ceil(targetsTop + targets.height + 4 + body.height + SIZE.pad);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-${canvas.name}" viewBox="0 0 ${canvas.width} ${height}" width="${canvas.width}" height="${height}" font-family="Arial, 'Liberation Sans', Helvetica, sans-serif" font-size="${SIZE.font}" fill="${INK}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeHtml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeHtml(description)}</desc>`,
    key.svg,
    targets.svg,
    body.svg,
    "</svg>",
  ].join("");
};
