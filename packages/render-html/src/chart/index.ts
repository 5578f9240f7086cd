import type { ReportChart } from "@tertial/core";
import { slug } from "../escape.js";
import { drawChart } from "./draw.js";
import { NARROW, WIDE } from "./layout.js";

export { PALETTE } from "./draw.js";

/**
 * The chart twice, as inline SVG named for assistive technology: drawn 720 wide for desktop and
 * print, and 400 wide for a phone, where the wide drawing would shrink its text to a third. The
 * stylesheet shows one and hides the other (hidden, it is hidden from screen readers too). Its
 * values are also in the table the HTML prints under it.
 */
export const svgChart = (chart: ReportChart): string => {
  const description = `${chart.labels.value} per ${chart.labels.category.toLowerCase()}${chart.targetLines.map((line) => `, ${line.label.toLowerCase()} ${line.figure.text}`).join("")}. Värdena finns i tabellen under diagrammet.`;
  const id = `chart-${slug(chart.id)}`;
  return drawChart(chart, WIDE, id, description) + drawChart(chart, NARROW, `${id}-narrow`, description);
};
