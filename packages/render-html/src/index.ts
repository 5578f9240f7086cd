import { checkReportDocument, checkRuleOverrides, isSlideDocument, type Renderer, type ReportDocument } from "@tertial/core";
import { defaultHtmlRules, type HtmlRules } from "./rules.js";
import { slidesHtml } from "./slides.js";

export { defaultHtmlRules, CONTENT_SECURITY_POLICY, symbolHtml, type HtmlRules } from "./rules.js";
export { svgChart, PALETTE } from "./chart/index.js";
export { escapeHtml } from "./escape.js";
export { slidesHtml } from "./slides.js";
export { SLIDE_STYLES } from "./slide-styles.js";
export { narrativeHtml, narrativeInlineHtml } from "./narrative.js";

/** An HTML renderer with some rules replaced. */
export const createHtmlRenderer = (overrides: Partial<HtmlRules> = {}): Renderer => {
  checkRuleOverrides("HTML", overrides, defaultHtmlRules);
  const rules: HtmlRules = { ...defaultHtmlRules, ...overrides };
  return {
    id: "html",
    mediaType: "text/html; charset=utf-8",
    extension: "html",
    // Slide kinds (resultatuppföljning) are 16:9 pages, one per section; every other kind is a report.
    render: (document: ReportDocument) => {
      checkReportDocument("HTML", document);
      return isSlideDocument(document) ? slidesHtml(document, rules) : rules.document(document, rules);
    },
  };
};

/** One self-contained, accessible HTML file: inline CSS with an A4 print sheet, inline SVG charts, no scripts. */
export const htmlRenderer: Renderer = createHtmlRenderer();

export default htmlRenderer;
