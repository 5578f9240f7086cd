/**
 * A renderer plugin of your own: every table of a report as CSV (RFC 4180), one block per table
 * headed by its section and caption. A renderer sees only the report document, never events.
 * Load it with `tertial report … --renderer ./csv-renderer.js` (compiled), or call `render`.
 */
import type { ReportCell, ReportDocument, ReportSection, ReportTable, Renderer } from "@tertial/core";

/** A field quoted when it must be: a comma, a quote or a line break in it. */
const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** What a cell prints: a figure its printed text (its exact value is `cell.figure.exact`), a blank nothing. */
const cellText = (cell: ReportCell): string => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : "");

const tableCsv = (heading: string, table: ReportTable): string =>
  [field(heading), field(table.caption), ...[...table.head, ...table.body, ...table.foot].map((row) => row.cells.map((cell) => field(cellText(cell))).join(","))].join("\r\n");

function* tablesOf(section: ReportSection): Generator<string> {
  const heading = section.number === null ? section.title : `${section.number} ${section.title}`;
  for (const block of section.blocks) if (block.kind === "table") yield tableCsv(heading, block);
  for (const child of section.sections) yield* tablesOf(child);
}

export const csvRenderer: Renderer = {
  id: "csv",
  mediaType: "text/csv",
  extension: "csv",
  render: (document: ReportDocument) => `${[...document.sections, ...document.appendices].flatMap((section) => [...tablesOf(section)]).join("\r\n\r\n")}\r\n`,
};

// `tertial report --renderer` takes the module's default export, or its export named `renderer`.
export default csvRenderer;
