/** Reading a built report document in tests: its blocks, a table by id, cells as printed. */
import { defaultCatalog, generateReport, memoryStore, type EventDraft, type Period, type ReportBlock, type ReportDocument, type ReportKind, type ReportSection, type ReportTable } from "../../src/index.js";

/** The report of `kind` for `period` from a log of `drafts` (refused drafts fail the test). */
export const documentOf = async (drafts: readonly EventDraft[], kind: ReportKind, period: Period): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind, period, generatedBy: "test" })).document;
};

export const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);

/** Every block of the document, the appendices' too. */
export const allBlocks = (document: ReportDocument): ReportBlock[] => [...blocksOf(document.sections), ...document.appendices.flatMap((appendix) => appendix.blocks)];

export const tableWithId = (document: ReportDocument, id: string): ReportTable => {
  const found = allBlocks(document).find((block): block is ReportTable => block.kind === "table" && block.id === id);
  if (found === undefined) throw new Error(`no table ${id}`);
  return found;
};

export type Row = ReportTable["body"][number];

/** A cell as printed: its text, a figure's printed text, or "" for a blank. */
export const cellText = (cell: Row["cells"][number]): string => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : "");

export const headOf = (table: ReportTable): string[] => (table.head[0]?.cells ?? []).map(cellText);

/** The first cell of every row, the foot's too. */
export const labelsOf = (table: ReportTable): string[] => [...table.body, ...table.foot].map((entry) => cellText(entry.cells[0] ?? { kind: "blank", marks: [] }));
