import type { ReportBlock, ReportCell, ReportTableRow } from "./blocks.js";
import type { ReportDocument, ReportSection } from "./document.js";
import type { ReportFigure } from "./figure.js";

/** A figure and where it stands in the document, for diffs and audits. */
export interface PlacedReportFigure {
  readonly figure: ReportFigure;
  /** section path of numbers and titles: "1.2 Medarbetare". */
  readonly section: string;
}

// Indexed: a report's tables have thousands of cells, and this runs for each table twice per rendering.
const cellFigures = (rows: readonly ReportTableRow[], visit: (figure: ReportFigure) => void): void => {
  for (let row = 0; row < rows.length; row += 1) {
    const cells = (rows[row] as ReportTableRow).cells;
    for (let index = 0; index < cells.length; index += 1) {
      const cell = cells[index] as ReportCell;
      if (cell.kind === "figure") visit(cell.figure);
    }
  }
};

/** Calls `visit` with each figure a block prints, in the order `figuresOfBlock` lists them, making no list. */
export const eachFigureOfBlock = (block: ReportBlock, visit: (figure: ReportFigure) => void): void => {
  switch (block.kind) {
    case "table":
      cellFigures(block.head, visit);
      cellFigures(block.body, visit);
      cellFigures(block.foot, visit);
      for (const note of block.footnotes) for (const figure of note.figures ?? []) visit(figure);
      return;
    case "metric-table":
      for (const row of block.rows) {
        if (row.target?.figure != null) visit(row.target.figure);
        if (row.result !== null) visit(row.result);
        if (row.comparison?.figure != null) visit(row.comparison.figure);
        for (const entry of row.comparisons ?? []) if (entry.figure !== null) visit(entry.figure);
        for (const figure of row.descriptionFigures ?? []) if (figure !== null) visit(figure);
      }
      return;
    case "activity-table":
      for (const row of block.rows) for (const figure of row.figures ?? []) visit(figure);
      return;
    case "paragraph":
      for (const figure of block.figures ?? []) visit(figure);
      return;
    case "chart":
      for (const series of block.series) for (const figure of series.values) if (figure !== null) visit(figure);
      return;
    default:
      return;
  }
};

export const figuresOfBlock = (block: ReportBlock): ReportFigure[] => {
  const figures: ReportFigure[] = [];
  eachFigureOfBlock(block, (figure) => figures.push(figure));
  return figures;
};

const sectionLabel = (section: ReportSection): string => (section.number === null ? section.title : `${section.number} ${section.title}`);

/** Every figure of a section and its subsections, with the label of the section that holds it (made once per section). */
const walkSection = (section: ReportSection, visit: (placed: PlacedReportFigure) => void): void => {
  let label: string | undefined;
  for (const block of section.blocks) eachFigureOfBlock(block, (figure) => visit({ figure, section: (label ??= sectionLabel(section)) }));
  for (const child of section.sections) walkSection(child, visit);
};

/**
 * Every figure in the document by key. A key printed twice (a table and its chart) holds the
 * same value, so the first place wins.
 */
export const reportFiguresOf = (document: ReportDocument): Map<string, PlacedReportFigure> => {
  const out = new Map<string, PlacedReportFigure>();
  const keep = (placed: PlacedReportFigure): void => {
    if (!out.has(placed.figure.key)) out.set(placed.figure.key, placed);
  };
  for (const section of document.sections) walkSection(section, keep);
  for (const section of document.appendices) walkSection(section, keep);
  return out;
};
