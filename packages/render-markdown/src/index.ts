import { checkReportDocument, checkRuleOverrides, isSlideDocument, type Renderer, type ReportDocument } from "@tertial/core";
import { defaultMarkdownRules, type MarkdownRules } from "./rules.js";
import { slidesMarkdown } from "./slides.js";

export { defaultMarkdownRules, gfmTable, cellText, type MarkdownRules } from "./rules.js";
// Kept here for code that imported it from this package before it moved to the core, shared with the HTML renderer.
export { evidenceAnchor } from "@tertial/core";
export { escapeText, sanitizeMarkdown, sanitizeInline } from "./escape.js";
export { slidesMarkdown } from "./slides.js";

/** A Markdown renderer with some rules replaced. */
export const createMarkdownRenderer = (overrides: Partial<MarkdownRules> = {}): Renderer => {
  checkRuleOverrides("Markdown", overrides, defaultMarkdownRules);
  const rules: MarkdownRules = { ...defaultMarkdownRules, ...overrides };
  return {
    id: "md",
    mediaType: "text/markdown; charset=utf-8",
    extension: "md",
    // Slide kinds (resultatuppföljning) print one section per slide; every other kind is a report.
    render: (document: ReportDocument) => {
      checkReportDocument("Markdown", document);
      return isSlideDocument(document) ? slidesMarkdown(document, rules) : rules.document(document, rules);
    },
  };
};

/** GitHub-flavoured Markdown: headings for sections (or slides), GFM tables, charts as data tables. */
export const markdownRenderer: Renderer = createMarkdownRenderer();

export default markdownRenderer;
