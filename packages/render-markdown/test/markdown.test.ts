import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";
import { describe, expect, it } from "vitest";
import { createMarkdownRenderer, escapeText, markdownRenderer, sanitizeMarkdown } from "@tertial/render-markdown";
import { HOSTILE, hostileText, sampleDocument, SAMPLE_SHAPE } from "../../core/test/report/sample-document.js";

/** A reader that would execute raw HTML if any got through: the strictest test of escaping. */
const reader = new MarkdownIt("default", { html: true, linkify: true });

const shapeOf = (markdown: string) => {
  const tokens: Token[] = reader.parse(markdown, {});
  const headings = tokens.filter((token) => token.type === "heading_open").map((token) => token.tag);
  const tables = tokens.filter((token) => token.type === "table_open").length;
  const tableWidths: number[] = [];
  let cells = 0;
  for (const token of tokens) {
    if (token.type === "tr_open") cells = 0;
    if (token.type === "th_open" || token.type === "td_open") cells += 1;
    if (token.type === "tr_close") tableWidths.push(cells);
  }
  return { headings, tables, tableWidths };
};

describe("Markdown renderer", () => {
  it("has the headings and tables the document has", () => {
    const shape = shapeOf(markdownRenderer.render(sampleDocument()));
    expect(shape.headings[0]).toBe("h1");
    expect(shape.headings.slice(1)).toEqual(["h2", "h3", "h2", "h2"]);
    expect(shape.headings.length - 1).toBe(SAMPLE_SHAPE.sectionHeadings);
    expect(shape.tables).toBe(SAMPLE_SHAPE.tables);
  });

  it("renders hostile text harmlessly: same outline, same tables, no HTML, no script links", () => {
    const clean = shapeOf(markdownRenderer.render(sampleDocument()));
    const markdown = markdownRenderer.render(sampleDocument(hostileText));
    expect(shapeOf(markdown)).toEqual(clean);
    const html = reader.render(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).not.toMatch(/<pre/i);
    expect(html.match(/<code>/g)).toHaveLength(1);
    expect(html).toContain("x".repeat(10_000));
  });

  it("escapes each hostile string on its own, in cells and in narratives", () => {
    for (const text of Object.values(HOSTILE)) {
      const markdown = markdownRenderer.render(sampleDocument(text));
      expect(shapeOf(markdown)).toEqual(shapeOf(markdownRenderer.render(sampleDocument())));
    }
    expect(escapeText("| # `x` <b>")).toBe("\\| \\# \\`x\\` &lt;b&gt;");
    expect(sanitizeMarkdown("# rubrik\n[a](javascript:x)")).toBe("\\# rubrik\n[a]\\(javascript:x)");
  });

  it("prints figures as formatted, blanks as empty, totals in bold", () => {
    const markdown = markdownRenderer.render(sampleDocument());
    expect(markdown).toContain("| 2020 - tertial 2 |  | 45,30 |");
    expect(markdown).toContain("| **Summa** | **\u22121** | **76\u00a0%** |");
    expect(markdown).toContain("◆ delvis uppfyllt (enligt regeln: ■ inte uppfyllt)");
  });

  it("is deterministic, and a rule can be replaced", () => {
    expect(markdownRenderer.render(sampleDocument())).toBe(markdownRenderer.render(sampleDocument()));
    const custom = createMarkdownRenderer({ notice: (node) => `> ${node.text.length}` });
    expect(custom.render(sampleDocument())).toContain("> 28");
  });
});
