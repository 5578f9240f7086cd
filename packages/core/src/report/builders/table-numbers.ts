import type { ReportBlock, ReportTable } from "../document/blocks.js";
import type { ReportSection } from "../document/document.js";

const NUMBERED = /^Tabell (\d+)([a-z]?) (.*)$/s;

interface Renumbering {
  readonly labels: Map<string, string>;
  counter: number;
  previous: string | null;
}

/** The next printed label: a new number for a new table, the same number with its letter for 2a, 2b … of one group. */
const relabel = (state: Renumbering, number: string, letter: string): string => {
  if (!(letter !== "" && state.previous === number)) state.counter += 1;
  state.previous = number;
  return `${state.counter}${letter}`;
};

const renumberBlock = (state: Renumbering, block: ReportBlock): ReportBlock => {
  if (block.kind !== "table") return block;
  const match = NUMBERED.exec(block.caption);
  if (match === null) return block;
  const [, number = "", letter = "", rest = ""] = match;
  const label = relabel(state, number, letter);
  state.labels.set(`${number}${letter}`, label);
  return { ...block, caption: `Tabell ${label} ${rest}` } satisfies ReportTable;
};

const renumberSection = (state: Renumbering, section: ReportSection): ReportSection => ({ ...section, blocks: section.blocks.map((block) => renumberBlock(state, block)), sections: section.sections.map((child) => renumberSection(state, child)) });

/** "se Tabell 3a" in a table's footnote follows its table when that label was printed once. */
const followReferences = (labels: ReadonlyMap<string, string>, unique: ReadonlySet<string>, section: ReportSection): ReportSection => {
  const rewrite = (text: string): string => text.replace(/Tabell (\d+[a-z]?)\b/g, (whole, label: string) => (unique.has(label) ? `Tabell ${labels.get(label) ?? label}` : whole));
  const block = (node: ReportBlock): ReportBlock => (node.kind === "table" ? { ...node, footnotes: node.footnotes.map((note) => ({ ...note, markdown: rewrite(note.markdown) })) } : node);
  return { ...section, blocks: section.blocks.map(block), sections: section.sections.map((child) => followReferences(labels, unique, child)) };
};

const printedLabels = (sections: readonly ReportSection[]): string[] =>
  sections.flatMap((section) => [
    ...section.blocks.flatMap((block) => {
      const match = block.kind === "table" ? NUMBERED.exec(block.caption) : null;
      return match === null ? [] : [`${match[1] ?? ""}${match[2] ?? ""}`];
    }),
    ...printedLabels(section.sections),
  ]);

/**
 * Tables numbered in the order they are printed: Tabell 1, 2, 3a, 3b …, so two different tables
 * never share a number, whatever the builders called them. A group lettered by its builder
 * (2a, 2b) stays one number with its letters.
 */
export const numberTables = (sections: readonly ReportSection[], appendices: readonly ReportSection[]): { sections: ReportSection[]; appendices: ReportSection[] } => {
  const all = [...sections, ...appendices];
  const printed = printedLabels(all);
  const unique = new Set(printed.filter((label) => printed.indexOf(label) === printed.lastIndexOf(label)));
  const state: Renumbering = { labels: new Map(), counter: 0, previous: null };
  const renumbered = all.map((section) => renumberSection(state, section)).map((section) => followReferences(state.labels, unique, section));
  return { sections: renumbered.slice(0, sections.length), appendices: renumbered.slice(sections.length) };
};
