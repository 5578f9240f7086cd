import type { ReportActivityTable, ReportBlock, ReportChart, ReportLegend, ReportMetricTable, ReportNotice, ReportParagraph, ReportTable } from "../document/blocks.js";

/** One rule per kind of block: the part of every renderer's rule table that turns blocks into text. */
export interface ReportBlockRules {
  readonly paragraph: (block: ReportParagraph) => string;
  readonly notice: (block: ReportNotice) => string;
  readonly table: (block: ReportTable) => string;
  readonly metricTable: (block: ReportMetricTable) => string;
  readonly activityTable: (block: ReportActivityTable) => string;
  readonly chart: (block: ReportChart) => string;
  readonly legend: (block: ReportLegend) => string;
}

/** Renders a block with the rule for its kind; the switch is exhaustive, so a new kind fails to compile here. */
export const renderReportBlock = (node: ReportBlock, rules: ReportBlockRules): string => {
  switch (node.kind) {
    case "paragraph":
      return rules.paragraph(node);
    case "notice":
      return rules.notice(node);
    case "table":
      return rules.table(node);
    case "metric-table":
      return rules.metricTable(node);
    case "activity-table":
      return rules.activityTable(node);
    case "chart":
      return rules.chart(node);
    case "legend":
      return rules.legend(node);
  }
};

/** Whether any row of a metric table has a description: renderers leave the column out otherwise. */
export const hasMetricDescriptions = (block: ReportMetricTable): boolean => block.rows.some((row) => row.description.trim() !== "");

/** The comparisons of a metric row other than the one its trend cell already shows. */
export const otherComparisons = (row: ReportMetricTable["rows"][number]): NonNullable<ReportMetricTable["rows"][number]["comparisons"]> => (row.comparisons ?? []).filter((entry) => entry.figure.key !== row.comparison?.figure.key);

/** Whether any row of a metric table has a comparison beyond its trend's, so the table gets a column for them. */
export const hasOtherComparisons = (block: ReportMetricTable): boolean => block.rows.some((row) => otherComparisons(row).length > 0);

