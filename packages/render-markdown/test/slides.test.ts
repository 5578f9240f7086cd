import { describe, expect, it } from "vitest";
import { markdownRenderer } from "@tertial/render-markdown";
import type { ReportDocument } from "@tertial/core";
import { sampleDocument } from "../../core/test/report/sample-document.js";

/** The sample report's sections as the slides of a resultatuppföljning. */
const slideDocument = (): ReportDocument => {
  const sample = sampleDocument();
  return { ...sample, kind: "resultatuppfoljning", sections: sample.sections.map((section) => ({ ...section, sections: [] })), appendices: [] };
};

const count = (text: string, pattern: RegExp): number => (text.match(pattern) ?? []).length;

describe("slides (resultatuppföljning) in Markdown", () => {
  it("Markdown: the title, then one ## section per slide with its tables", () => {
    const document = slideDocument();
    const markdown = markdownRenderer.render(document);
    const slides = document.sections.length + 1;
    expect(count(markdown, /^## /gm)).toBe(document.sections.length);
    expect(markdown).toMatch(new RegExp(`^## Bild 2 av ${slides} – `, "m"));
    expect(markdown).toMatch(/^# Delårsrapport/m);
  });

  it("a report kind is still a report", () => {
    expect(markdownRenderer.render(sampleDocument())).not.toContain("## Bild ");
  });
});
