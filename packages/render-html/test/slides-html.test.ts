import { describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, htmlRenderer } from "@tertial/render-html";
import type { ReportDocument } from "@tertial/core";
import { hostileText, sampleDocument } from "../../core/test/report/sample-document.js";

/** The sample report's sections as the slides of a resultatuppföljning. */
const slideDocument = (hostile = ""): ReportDocument => {
  const sample = sampleDocument(hostile);
  return { ...sample, kind: "resultatuppfoljning", sections: sample.sections.map((section) => ({ ...section, sections: [] })), appendices: [] };
};

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

describe("slides (resultatuppföljning) in HTML", () => {
  it("HTML: a title slide and one 16:9 slide per section, each numbered of all, printed on 16 × 9 inch pages, self-contained", () => {
    const document = slideDocument();
    const html = htmlRenderer.render(document);
    const slides = document.sections.length + 1;
    expect(count(html, /<section class="slide[" ]/g)).toBe(slides);
    for (let number = 1; number <= slides; number += 1) expect(html).toContain(`<span class="slide-number">Bild ${number} av ${slides}</span>`);
    expect(html).toContain("@page { size: 16in 9in; margin: 0; }");
    expect(html).toContain("aspect-ratio: 16 / 9");
    expect(html).not.toContain("size: A4");
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(html).not.toMatch(/<script|src="http|href="http/i);
  });

  it("escapes what the document carries on every slide", () => {
    const html = htmlRenderer.render(slideDocument(hostileText));
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<script/i);
  });

  it("a report kind is still a report", () => {
    expect(htmlRenderer.render(sampleDocument())).not.toContain('class="slide');
  });
});
