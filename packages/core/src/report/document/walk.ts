import type { ReportBlock } from "./blocks.js";
import type { ReportDocument, ReportSection } from "./document.js";
import type { ReportFigure } from "./figure.js";

/** A figure and where it stands in the document, for diffs and audits. */
export interface PlacedReportFigure {
  readonly figure: ReportFigure;
  /** section path of numbers and titles: "1.2 Medarbetare". */
  readonly section: string;
}

export const figuresOfBlock = (block: ReportBlock): ReportFigure[] => {
  switch (block.kind) {
    case "table":
      return [
        ...[...block.head, ...block.body, ...block.foot].flatMap((row) => row.cells.flatMap((cell) => (cell.kind === "figure" ? [cell.figure] : []))),
        ...block.footnotes.flatMap((note) => note.figures ?? []),
      ];
    case "metric-table":
      return block.rows.flatMap((row) => [row.target?.figure ?? null, row.result, row.comparison?.figure ?? null, ...(row.comparisons ?? []).map((entry) => entry.figure), ...(row.descriptionFigures ?? [])].filter((item): item is ReportFigure => item !== null));
    case "activity-table":
      return block.rows.flatMap((row) => row.figures ?? []);
    case "paragraph":
      return [...(block.figures ?? [])];
    case "chart":
      return block.series.flatMap((series) => series.values.filter((item): item is ReportFigure => item !== null));
    default:
      return [];
  }
};

const sectionLabel = (section: ReportSection): string => (section.number === null ? section.title : `${section.number} ${section.title}`);

function* walkSection(section: ReportSection): Generator<PlacedReportFigure> {
  for (const block of section.blocks) for (const reportFigure of figuresOfBlock(block)) yield { figure: reportFigure, section: sectionLabel(section) };
  for (const child of section.sections) yield* walkSection(child);
}

/**
 * Every figure in the document by key. A key printed twice (a table and its chart) holds the
 * same value, so the first place wins.
 */
export const reportFiguresOf = (document: ReportDocument): Map<string, PlacedReportFigure> => {
  const out = new Map<string, PlacedReportFigure>();
  for (const section of [...document.sections, ...document.appendices]) {
    for (const placed of walkSection(section)) if (!out.has(placed.figure.key)) out.set(placed.figure.key, placed);
  }
  return out;
};
