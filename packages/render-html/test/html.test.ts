import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, createHtmlRenderer, htmlRenderer, narrativeHtml } from "@tertial/render-html";
import { HOSTILE, hostileText, sampleDocument } from "../../core/test/report/sample-document.js";

const tagsOf = (html: string, tag: string): number => (html.match(new RegExp(`<${tag}[\\s>]`, "g")) ?? []).length;

describe("HTML renderer", () => {
  it("is one self-contained file: CSP without scripts or remote loads, Swedish, inline CSS, no script", () => {
    const html = htmlRenderer.render(sampleDocument());
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"sv\">")).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|src="http|href="http/i);
    expect(html).toContain("@page { size: A4;");
  });

  it("has the structure the document has: headings, tables, charts, symbols with text", () => {
    const html = htmlRenderer.render(sampleDocument());
    expect(tagsOf(html, "h1")).toBe(1);
    expect(tagsOf(html, "h2")).toBe(4);
    expect(tagsOf(html, "h3")).toBe(2);
    // Each chart is drawn twice, wide (desktop, print) and narrow (phone); CSS shows one.
    expect(tagsOf(html, "svg")).toBe(4);
    expect(html).toContain('role="img" aria-label="delvis uppfyllt"');
    expect(html).toContain('<data value="45.3">45,30</data>');
  });

  it("renders hostile text harmlessly", () => {
    const clean = htmlRenderer.render(sampleDocument());
    const html = htmlRenderer.render(sampleDocument(hostileText));
    for (const tag of ["script", "img", "h1", "h2", "h3", "h4", "table", "svg", "pre", "code", "iframe"]) expect(tagsOf(html, tag), tag).toBe(tagsOf(clean, tag));
    expect(tagsOf(html, "script")).toBe(0);
    expect(html).not.toMatch(/<a [^>]*href="\s*(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/<[^>]+\sonerror=/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("x".repeat(10_000));
  });

  it("renders narratives with markdown-it: no raw HTML, no headings, no images, no unsafe links", () => {
    expect(narrativeHtml("**fet** [ok](https://rjl.se)")).toBe('<p><strong>fet</strong> <a href="https://rjl.se">ok</a></p>');
    expect(narrativeHtml(HOSTILE.heading)).not.toMatch(/<h\d/);
    expect(narrativeHtml(HOSTILE.image)).not.toMatch(/<img/);
    expect(narrativeHtml(HOSTILE.link)).not.toMatch(/href="(javascript|data):/);
    expect(narrativeHtml(HOSTILE.script)).toBe("<p>&lt;script&gt;alert('x')&lt;/script&gt;</p>");
  });

  it("is byte-identical run to run, and a rule can be replaced", () => {
    expect(htmlRenderer.render(sampleDocument(hostileText))).toBe(htmlRenderer.render(sampleDocument(hostileText)));
    const custom = createHtmlRenderer({ notice: () => "<p>egen</p>" });
    expect(custom.render(sampleDocument())).toContain("<p>egen</p>");
  });
});
