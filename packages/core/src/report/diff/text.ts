import type { ReportActivityRow, ReportActivityTable, ReportBlock, ReportCell, ReportChart, ReportLegend, ReportMetricRow, ReportMetricTable, ReportTable, ReportTableRow } from "../document/blocks.js";
import type { ReportDocument, ReportSection, ReportTitleBlock } from "../document/document.js";
import type { ReportFigure } from "../document/figure.js";
import { alignLists, type AlignStep } from "./align.js";
import { maskFigures, similarity } from "./words.js";

/** The kind of place a text stands in: the title page, a heading, or a block of the document model. */
export type ReportTextBlock = "title" | "heading" | ReportBlock["kind"];

/** Where in the document a text change stands, in the document model's own stable terms. */
export interface ReportTextPlace {
  /** The headings from the top down to the section, numbers and titles ("2 Vår verksamhet …", "2.4 Ekonomisk redovisning"); empty on the title page. As in B, or as in A when the section was removed. */
  readonly path: readonly string[];
  /** The innermost heading (the last of `path`), as a figure change names its section; "" on the title page. */
  readonly section: string;
  /** The section's anchor ("avsnitt-2-4"), as in B (as in A when removed); it follows the section's number. null on the title page. */
  readonly sectionId: string | null;
  readonly block: ReportTextBlock;
  /** A table's, chart's or metric or activity table's id; null for a paragraph, a notice, a legend, a heading. */
  readonly blockId: string | null;
  /** The block's place among its section's blocks, from 1 (in B, or in A when removed); null for a heading or the title page. */
  readonly blockNumber: number | null;
  /** A table's caption or a chart's title. */
  readonly caption: string | null;
  /** The row: a table row's label (its first cell), a metric's name, an activity, a footnote's mark, a legend group's title. */
  readonly row: string | null;
  /** What in the block or row: a column heading, or a field of the document model ("markdown", "status", "description", "title"); null for a whole block or row added or removed. */
  readonly field: string | null;
}

export interface DocumentTextChange extends ReportTextPlace {
  readonly change: "added" | "removed" | "changed";
  /** The text as printed (figures included); null when added. */
  readonly before: string | null;
  /** null when removed. */
  readonly after: string | null;
  /** Ids the changed row stands for (a metric's, an activity's, a planned activity's), to find the events that name them. */
  readonly refs: readonly string[];
}

/** A text with the figures printed in it: equal when only the figures differ. */
interface Text {
  readonly text: string;
  readonly figures: readonly (ReportFigure | null | undefined)[];
}

const plain = (text: string): Text => ({ text, figures: [] });
const sameText = (a: Text, b: Text): boolean => a.text === b.text || maskFigures(a.text, a.figures) === maskFigures(b.text, b.figures);

type Place = Omit<ReportTextPlace, "row" | "field">;
type Emit = (change: DocumentTextChange) => void;

const compareField = (emit: Emit, place: Place, row: string | null, field: string, a: Text | null, b: Text | null, refs: readonly string[] = []): void => {
  if (a === null && b === null) return;
  if (a !== null && b !== null && sameText(a, b)) return;
  if ((a?.text ?? "") === "" && (b?.text ?? "") === "") return;
  emit({ ...place, row, field, change: a === null || a.text === "" ? "added" : b === null || b.text === "" ? "removed" : "changed", before: a === null || a.text === "" ? null : a.text, after: b === null || b.text === "" ? null : b.text, refs });
};

interface Parts<T> {
  /** The row label a part is listed under; null where the part has none (a title page line, a head row). */
  readonly label: (item: T) => string | null;
  /** The part's words, for a part added or removed. */
  readonly whole: (item: T) => string;
  /** What a whole part is, where its label alone does not say it ("footnote"); null for a row. */
  readonly wholeField?: string;
  /** Compares the fields of a part on both sides. */
  readonly fields: (a: T, b: T) => void;
  readonly refs?: (item: T) => readonly string[];
}

/** Aligns rows (or any parts of a block), then reports a whole part added or removed, and compares the fields of those on both sides. */
const compareParts = <T>(emit: Emit, place: Place, steps: readonly AlignStep<T>[], parts: Parts<T>): void => {
  const field = parts.wholeField ?? null;
  const refs = parts.refs ?? (() => []);
  for (const step of steps) {
    if (step.op === "added") emit({ ...place, row: parts.label(step.b), field, change: "added", before: null, after: parts.whole(step.b), refs: refs(step.b) });
    else if (step.op === "removed") emit({ ...place, row: parts.label(step.a), field, change: "removed", before: parts.whole(step.a), after: null, refs: refs(step.a) });
    else parts.fields(step.a, step.b);
  }
};

const cellText = (cell: ReportCell | undefined): string => (cell === undefined ? "" : `${cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : ""}${cell.marks.join("")}`);
const rowLabel = (row: ReportTableRow): string => cellText(row.cells[0]).trim();
const rowKey = (row: ReportTableRow): string => (row.plannedActivity === undefined ? `label:${rowLabel(row)}` : `planned:${row.plannedActivity.planId}/${row.plannedActivity.activityId}`);
const rowRefs = (row: ReportTableRow): string[] => (row.plannedActivity === undefined ? [] : [row.plannedActivity.activityId]);
const rowWhole = (row: ReportTableRow): string => row.cells.map(cellText).join(" | ");

/** The column headings, from the last head row: "column 3" where the head names none. */
const columnName = (table: ReportTable, index: number): string => {
  const heading = cellText(table.head[table.head.length - 1]?.cells[index]).trim();
  return heading === "" ? `column ${index + 1}` : heading;
};

/** Body and foot rows are listed under their label; a head row, whose cells are the column headings, under none. */
const compareRows = (emit: Emit, place: Place, a: ReportTable, b: ReportTable, rowsA: readonly ReportTableRow[], rowsB: readonly ReportTableRow[], head = false): void => {
  const steps = alignLists(rowsA, rowsB, rowKey, (x, y) => similarity(rowWhole(x), rowWhole(y)) >= 0.5);
  const label = (row: ReportTableRow): string | null => (head || rowLabel(row) === "" ? null : rowLabel(row));
  compareParts(emit, place, steps, {
    label,
    whole: rowWhole,
    ...(head ? { wholeField: "head" } : {}),
    refs: rowRefs,
    fields: (rowA, rowB) => {
      for (let index = 0; index < Math.max(rowA.cells.length, rowB.cells.length); index += 1) {
        const [cellA, cellB] = [rowA.cells[index], rowB.cells[index]];
        // A cell that prints a figure on either side is a figure change, listed as one.
        if (cellA?.kind === "figure" || cellB?.kind === "figure") continue;
        const field = head ? `heading of column ${index + 1}` : columnName(b.head.length > 0 ? b : a, index);
        compareField(emit, place, label(rowB), field, cellA === undefined ? null : plain(cellText(cellA)), cellB === undefined ? null : plain(cellText(cellB)), rowRefs(rowB));
      }
    },
  });
};

const compareFootnotes = (emit: Emit, place: Place, a: ReportTable | ReportMetricTable, b: ReportTable | ReportMetricTable): void => {
  const steps = alignLists(a.footnotes, b.footnotes, (note) => note.mark);
  compareParts(emit, place, steps, {
    label: (note) => note.mark,
    whole: (note) => note.markdown,
    wholeField: "footnote",
    fields: (noteA, noteB) => compareField(emit, place, noteB.mark, "footnote", { text: noteA.markdown, figures: noteA.figures ?? [] }, { text: noteB.markdown, figures: noteB.figures ?? [] }),
  });
};

const compareTable = (emit: Emit, place: Place, a: ReportTable, b: ReportTable): void => {
  compareField(emit, place, null, "caption", plain(a.caption), plain(b.caption));
  compareField(emit, place, null, "unitNote", a.unitNote === null ? null : plain(a.unitNote), b.unitNote === null ? null : plain(b.unitNote));
  compareRows(emit, place, a, b, a.head, b.head, true);
  compareRows(emit, place, a, b, a.body, b.body);
  compareRows(emit, place, a, b, a.foot, b.foot);
  compareFootnotes(emit, place, a, b);
};

/** The key after its kind and before its period: "metrics.narvaro-pks@2020-T1..T2" → "narvaro-pks". */
const keyRefs = (key: string): string[] => {
  const head = key.split("@")[0] ?? key;
  const dot = head.indexOf(".");
  return [dot === -1 ? head : head.slice(dot + 1)];
};

const targetText = (target: ReportMetricRow["target"] | undefined): Text | null => (target === null || target === undefined ? null : { text: target.text, figures: [target.figure] });

const compareMetricRow = (emit: Emit, place: Place, a: ReportMetricRow, b: ReportMetricRow): void => {
  const [row, refs] = [b.name, keyRefs(b.key)];
  const field = (name: string, x: Text | null, y: Text | null): void => compareField(emit, place, row, name, x, y, refs);
  const word = (value: string | null): Text | null => (value === null ? null : plain(value));
  field("name", plain(a.name), plain(b.name));
  field("status", word(a.status), word(b.status));
  field("derivedStatus", word(a.derivedStatus), word(b.derivedStatus));
  field("target", targetText(a.target), targetText(b.target));
  field("planTarget", targetText(a.planTarget), targetText(b.planTarget));
  field("trend", word(a.trend), word(b.trend));
  field("comparison", word(a.comparison?.label ?? null), word(b.comparison?.label ?? null));
  const labels = (row: ReportMetricRow): Text | null => (row.comparisons === undefined ? null : plain(row.comparisons.map((entry) => entry.label).join("; ")));
  field("comparisons", labels(a), labels(b));
  field("description", { text: a.description, figures: a.descriptionFigures ?? [] }, { text: b.description, figures: b.descriptionFigures ?? [] });
};

const compareMetricTable = (emit: Emit, place: Place, a: ReportMetricTable, b: ReportMetricTable): void => {
  compareField(emit, place, null, "planTargetHeading", a.planTargetHeading === undefined ? null : plain(a.planTargetHeading), b.planTargetHeading === undefined ? null : plain(b.planTargetHeading));
  const steps = alignLists(a.rows, b.rows, (row) => row.key);
  compareParts(emit, place, steps, { label: (row) => row.name, whole: (row) => row.name, fields: (rowA, rowB) => compareMetricRow(emit, place, rowA, rowB), refs: (row) => keyRefs(row.key) });
  compareFootnotes(emit, place, a, b);
};

const activityRefs = (row: ReportActivityRow): string[] => [...keyRefs(row.key), ...(row.plannedActivity === undefined ? [] : [row.plannedActivity.activityId])];

const compareActivityTable = (emit: Emit, place: Place, a: ReportActivityTable, b: ReportActivityTable): void => {
  const steps = alignLists(a.rows, b.rows, (row) => row.key);
  compareParts(emit, place, steps, {
    label: (row) => row.activity,
    whole: (row) => row.activity,
    refs: activityRefs,
    fields: (rowA, rowB) => {
      const field = (name: string, x: Text, y: Text): void => compareField(emit, place, rowB.activity, name, x, y, activityRefs(rowB));
      field("activity", plain(rowA.activity), plain(rowB.activity));
      field("status", plain(rowA.status), plain(rowB.status));
      field("statusText", { text: rowA.statusText, figures: rowA.figures ?? [] }, { text: rowB.statusText, figures: rowB.figures ?? [] });
    },
  });
};

const compareChart = (emit: Emit, place: Place, a: ReportChart, b: ReportChart): void => {
  const field = (name: string, pick: (chart: ReportChart) => string): void => compareField(emit, place, null, name, plain(pick(a)), plain(pick(b)));
  field("title", (chart) => chart.title);
  field("categories", (chart) => chart.categories.join("; "));
  field("series", (chart) => chart.series.map((series) => series.name).join("; "));
  field("targetLines", (chart) => chart.targetLines.map((line) => line.label).join("; "));
  field("labels", (chart) => `${chart.labels.category}; ${chart.labels.value}`);
};

const legendEntries = (group: ReportLegend["groups"][number]): string => group.entries.map((entry) => `${entry.symbol} ${entry.text}`).join("; ");

const compareLegend = (emit: Emit, place: Place, a: ReportLegend, b: ReportLegend): void => {
  const steps = alignLists(a.groups, b.groups, (group) => group.title);
  compareParts(emit, place, steps, { label: (group) => group.title, whole: legendEntries, wholeField: "entries", fields: (groupA, groupB) => compareField(emit, place, groupB.title, "entries", plain(legendEntries(groupA)), plain(legendEntries(groupB))) });
};

const blockId = (block: ReportBlock): string | null => ("id" in block ? block.id : null);

/** A block's words as one text, for a block added or removed: its figures are listed as figure changes. */
const blockWhole = (block: ReportBlock): string => {
  switch (block.kind) {
    case "paragraph":
      return block.markdown;
    case "notice":
      return block.text;
    case "table":
      return block.caption;
    case "metric-table":
      return block.rows.map((row) => row.name).join("; ");
    case "activity-table":
      return block.rows.map((row) => row.activity).join("; ");
    case "chart":
      return block.title;
    case "legend":
      return block.groups.map((group) => group.title).join("; ");
  }
};

const blockCaption = (block: ReportBlock): string | null => (block.kind === "table" ? block.caption : block.kind === "chart" ? block.title : null);

/** A paragraph's text with its figures masked: two paragraphs differing only in figures are one paragraph. */
const maskedProse = (block: ReportBlock): string => (block.kind === "paragraph" ? maskFigures(block.markdown, block.figures ?? []) : block.kind === "notice" ? block.text : "");

/** Blocks with an id are addressed by it; a paragraph or notice, which has none, by its words. */
const blockKey = (block: ReportBlock): string => {
  const id = blockId(block);
  return id !== null ? `${block.kind}#${id}` : block.kind === "legend" ? "legend" : `${block.kind}:${maskedProse(block)}`;
};

/** Paragraphs (or notices) sharing at least a third of their words are one text rewritten. */
const REWRITTEN = 1 / 3;

const pairableBlocks = (a: ReportBlock, b: ReportBlock): boolean => a.kind === b.kind && (blockId(a) !== null ? blockId(a) === blockId(b) : similarity(maskedProse(a), maskedProse(b)) >= REWRITTEN);

const compareBlock = (emit: Emit, place: Place, a: ReportBlock, b: ReportBlock): void => {
  if (a.kind === "paragraph" && b.kind === "paragraph") compareField(emit, place, null, "markdown", { text: a.markdown, figures: a.figures ?? [] }, { text: b.markdown, figures: b.figures ?? [] });
  else if (a.kind === "notice" && b.kind === "notice") compareField(emit, place, null, "text", plain(a.text), plain(b.text));
  else if (a.kind === "table" && b.kind === "table") compareTable(emit, place, a, b);
  else if (a.kind === "metric-table" && b.kind === "metric-table") compareMetricTable(emit, place, a, b);
  else if (a.kind === "activity-table" && b.kind === "activity-table") compareActivityTable(emit, place, a, b);
  else if (a.kind === "chart" && b.kind === "chart") compareChart(emit, place, a, b);
  else if (a.kind === "legend" && b.kind === "legend") compareLegend(emit, place, a, b);
};

const sectionLabel = (section: ReportSection): string => (section.number === null ? section.title : `${section.number} ${section.title}`);

interface SectionPlace {
  readonly path: readonly string[];
  readonly sectionId: string;
}

const placeOf = (section: SectionPlace, block: ReportBlock, number: number): Place => ({
  path: section.path,
  section: section.path[section.path.length - 1] ?? "",
  sectionId: section.sectionId,
  block: block.kind,
  blockId: blockId(block),
  blockNumber: number,
  caption: blockCaption(block),
});

const compareBlocks = (emit: Emit, section: SectionPlace, a: readonly ReportBlock[], b: readonly ReportBlock[]): void => {
  const numberA = new Map(a.map((block, index) => [block, index + 1]));
  const numberB = new Map(b.map((block, index) => [block, index + 1]));
  for (const step of alignLists(a, b, blockKey, pairableBlocks)) {
    if (step.op === "added") emit({ ...placeOf(section, step.b, numberB.get(step.b) ?? 0), row: null, field: null, change: "added", before: null, after: blockWhole(step.b), refs: [] });
    else if (step.op === "removed") emit({ ...placeOf(section, step.a, numberA.get(step.a) ?? 0), row: null, field: null, change: "removed", before: blockWhole(step.a), after: null, refs: [] });
    else compareBlock(emit, placeOf(section, step.b, numberB.get(step.b) ?? 0), step.a, step.b);
  }
};

const headingPlace = (path: readonly string[], sectionId: string): Omit<DocumentTextChange, "change" | "before" | "after"> => ({
  path,
  section: path[path.length - 1] ?? "",
  sectionId,
  block: "heading",
  blockId: null,
  blockNumber: null,
  caption: null,
  row: null,
  field: "title",
  refs: [],
});

/** A whole section added or removed: its heading, its blocks and its subsections, each once. */
const wholeSection = (emit: Emit, parent: readonly string[], section: ReportSection, side: "added" | "removed"): void => {
  const path = [...parent, sectionLabel(section)];
  const label = sectionLabel(section);
  emit({ ...headingPlace(path, section.id), change: side, before: side === "removed" ? label : null, after: side === "added" ? label : null });
  const place = { path, sectionId: section.id };
  if (side === "added") compareBlocks(emit, place, [], section.blocks);
  else compareBlocks(emit, place, section.blocks, []);
  for (const child of section.sections) wholeSection(emit, path, child, side);
};

const sameContent = (a: ReportSection, b: ReportSection): boolean => a.blocks.length > 0 && a.blocks.length === b.blocks.length && a.blocks.every((block, index) => b.blocks[index] !== undefined && blockKey(block) === blockKey(b.blocks[index]));

/** A section reworded in place keeps its anchor; one reworded and moved keeps most of its title's words, or all of its blocks. */
const pairableSections = (a: ReportSection, b: ReportSection): boolean => a.id === b.id || similarity(a.title, b.title) >= 0.5 || sameContent(a, b);

/**
 * Sections are matched by title, not by id: an id follows the section's number, which moves when
 * a section before it comes or goes. A section whose title stands elsewhere among its siblings
 * in B was moved, and is compared where it now stands. A heading is a change when its title
 * changes, not when only its number moves.
 */
const compareSections = (emit: Emit, parent: readonly string[], a: readonly ReportSection[], b: readonly ReportSection[]): void => {
  const steps = alignLists(a, b, (section) => section.title, pairableSections);
  const removed = new Map(steps.flatMap((step) => (step.op === "removed" ? [[step.a.title, step.a] as const] : [])));
  const added = new Set(steps.flatMap((step) => (step.op === "added" ? [step.b.title] : [])));
  for (const step of steps) {
    if (step.op === "removed" && added.has(step.a.title)) continue;
    if (step.op === "removed") {
      wholeSection(emit, parent, step.a, "removed");
      continue;
    }
    const before = step.op === "added" ? removed.get(step.b.title) : step.a;
    if (before === undefined) {
      wholeSection(emit, parent, step.b, "added");
      continue;
    }
    const path = [...parent, sectionLabel(step.b)];
    if (before.title !== step.b.title) emit({ ...headingPlace(path, step.b.id), change: "changed", before: sectionLabel(before), after: sectionLabel(step.b) });
    compareBlocks(emit, { path, sectionId: step.b.id }, before.blocks, step.b.blocks);
    compareSections(emit, path, before.sections, step.b.sections);
  }
};

const compareTitle = (emit: Emit, a: ReportTitleBlock, b: ReportTitleBlock): void => {
  const place: Place = { path: [], section: "", sectionId: null, block: "title", blockId: null, blockNumber: null, caption: null };
  compareField(emit, place, null, "title", plain(a.title), plain(b.title));
  compareField(emit, place, null, "organisation", a.organisation === null ? null : plain(a.organisation), b.organisation === null ? null : plain(b.organisation));
  compareField(emit, place, null, "periodLabel", plain(a.periodLabel), plain(b.periodLabel));
  const steps = alignLists(a.lines, b.lines, (line) => line, (x, y) => similarity(x, y) >= 0.5);
  compareParts(emit, place, steps, { label: () => null, whole: (line) => line, wholeField: "line", fields: (x, y) => compareField(emit, place, null, "line", plain(x), plain(y)) });
};

/**
 * Every text that differs between two documents, in document order (B's, with what A alone had
 * where it stood): the title page, headings, paragraphs and notices, and every part of a table,
 * chart or legend that is not a figure. A text that differs only in its figures is not listed
 * (each figure is a figure change); the provenance is not compared (it always changes).
 */
export const diffDocumentText = (a: ReportDocument, b: ReportDocument): DocumentTextChange[] => {
  const changes: DocumentTextChange[] = [];
  const emit: Emit = (change) => changes.push(change);
  compareTitle(emit, a.title, b.title);
  compareSections(emit, [], a.sections, b.sections);
  compareSections(emit, [], a.appendices, b.appendices);
  return changes;
};
