import type { ReportDocument, ReportSection } from "@tertial/core";
import { escapeText } from "./escape.js";
import type { MarkdownRules } from "./rules.js";

const joinBlocks = (parts: readonly string[]): string => parts.filter((part) => part !== "").join("\n\n");

/** "## Bild 2 – Medarbetare": the title is slide 1, so the first section is slide 2. */
const slide = (node: ReportSection, index: number, count: number, rules: MarkdownRules): string =>
  joinBlocks([`## Bild ${index + 2} av ${count} – ${escapeText(node.title)}`, ...node.blocks.map((child) => rules.block(child, rules))]);

/** A slide document in Markdown: the title slide, then one `##` section per slide with its small tables. */
export const slidesMarkdown = (node: ReportDocument, rules: MarkdownRules): string => {
  const count = node.sections.length + 1;
  return `${joinBlocks([rules.title(node.title, rules), ...node.sections.map((child, index) => slide(child, index, count, rules)), rules.evidence(node), rules.provenance(node.provenance)])}\n`;
};
