import { dec, reportFigure, type ReportDocument, type ReportMetricTable } from "@tertial/core";

/** The sample document with its metric table given the plan's target as a column (document version 2). */
export const withPlanTarget = (document: ReportDocument): ReportDocument => ({
  ...document,
  sections: document.sections.map((section) => ({
    ...section,
    blocks: section.blocks.map((block) =>
      block.kind === "metric-table" ? ({ ...block, planTargetHeading: "Målvärde 2020 enligt planen", rows: block.rows.map((metric) => ({ ...metric, planTarget: { text: "85 %", figure: reportFigure("p@1", dec("0.85"), "percent") } })) } satisfies ReportMetricTable) : block,
    ),
  })),
});
