import type { ReportChart } from "@tertial/core";
import { slug } from "../escape.js";
import { drawChart } from "./draw.js";

export { PALETTE } from "./draw.js";

/** An inline SVG bar chart named for assistive technology; its values are also in the table the HTML prints under it. */
export const svgChart = (chart: ReportChart): string => {
  const description = `${chart.labels.value} per ${chart.labels.category.toLowerCase()}${chart.targetLines.map((line) => `, ${line.label.toLowerCase()} ${line.figure.text}`).join("")}. Värdena finns i tabellen under diagrammet.`;
  return drawChart(chart, `chart-${slug(chart.id)}`, description);
};
