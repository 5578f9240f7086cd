import type { Renderer, ReportDocument } from "@tertial/core";
import { defaultMarkdownRules, type MarkdownRules } from "./rules.js";

export { defaultMarkdownRules, gfmTable, cellText, type MarkdownRules } from "./rules.js";
export { escapeText, sanitizeMarkdown, sanitizeInline } from "./escape.js";

/** A Markdown renderer with some rules replaced. */
export const createMarkdownRenderer = (overrides: Partial<MarkdownRules> = {}): Renderer => {
  const rules: MarkdownRules = { ...defaultMarkdownRules, ...overrides };
  return {
    id: "md",
    mediaType: "text/markdown; charset=utf-8",
    extension: "md",
    render: (document: ReportDocument) => rules.document(document, rules),
  };
};

/** GitHub-flavoured Markdown: headings for sections, GFM tables, charts as data tables. */
export const markdownRenderer: Renderer = createMarkdownRenderer();

export default markdownRenderer;
