import type { ReportBlock, ReportDocument, ReportSection, ReportTable } from "@tertial/core";
import { describe, expect, it } from "vitest";
import { EXAMPLE_LOG, tertial } from "./report-helpers.js";

const report = (format: string) => tertial(["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--format", format]);

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);

const sectionNumbered = (sections: readonly ReportSection[], number: string): ReportSection | undefined =>
  sections.flatMap((section) => [section, ...section.sections]).find((section) => section.number === number);

describe("the example interim report's prose and its evidence", () => {
  it("puts Tabell 1's footnotes where the original does: * and ** on rows, *** on the earmarked column", async () => {
    const document = JSON.parse((await report("json")).stdout) as ReportDocument;
    const budget = blocksOf(document.sections).find((block): block is ReportTable => block.kind === "table" && block.caption.includes("Budgetuppföljning"));
    const marked = (cells: ReportTable["body"][number]["cells"]) => cells.flatMap((cell) => (cell.kind === "text" && cell.marks.length > 0 ? [`${cell.text} ${cell.marks.join(" ")}`] : []));
    expect(marked(budget?.head[0]?.cells ?? [])).toEqual(["Varav kvarvarande fonderade statliga medel ***"]);
    expect((budget?.body ?? []).flatMap((row) => marked(row.cells))).toEqual(["Kurs och konferens *", "Ledning och stab **"]);
    expect(budget?.footnotes.map((note) => note.mark)).toEqual(["*", "**", "***"]);
    // The *** note's amounts are computed from the facts, not typed: the earmarked money as the table holds it.
    expect(budget?.footnotes[2]?.figures?.map((figure) => figure.definition?.key)).toEqual(["finance.remaining-earmarked", "finance.state-grants-requisitioned", "finance.remaining-earmarked"]);
  });

  it("writes 2.4's state money text with its figures computed from the requisitions", async () => {
    const document = JSON.parse((await report("json")).stdout) as ReportDocument;
    const section = sectionNumbered(document.sections, "2.4");
    const [text] = (section?.blocks ?? []).flatMap((block) => (block.kind === "paragraph" && (block.figures ?? []).length > 0 ? [block] : []));
    expect(text?.figures?.map((figure) => [figure.definition?.params.programme ?? "totalt", figure.text.replace(/[\u00a0\u202f]/g, " ")])).toEqual([
      ["totalt", "46,0 miljoner kronor"],
      ["Barn och unga", "11,3 miljoner kronor"],
      ["Psykiatri", "6,2 miljoner kronor"],
      ["God och nära vård", "20 miljoner kronor"],
      ["Förstärkt samverkan", "8,3 miljoner kronor"],
      ["God och nära vård", "20 149 360 kronor"],
    ]);
  });

  it("links every figure of the Markdown to an entry of its evidence appendix, and every entry is linked", async () => {
    const first = (await report("md")).stdout;
    expect((await report("md")).stdout).toBe(first);
    const appendix = first.slice(first.indexOf("## Underlag för siffrorna"));
    expect(appendix.length).toBeGreaterThan(1000);
    const anchors = [...appendix.matchAll(/<a id="([^"]+)"><\/a>/g)].map((match) => match[1]);
    expect(new Set(anchors).size).toBe(anchors.length);
    const links = new Set([...first.matchAll(/\]\(#(underlag-[^)]+)\)/g)].map((match) => match[1]));
    expect(links.size).toBeGreaterThan(300);
    for (const link of links) expect(anchors).toContain(link);
    // Each entry names the figure definition and the events: the attendance result rests on meetings.
    expect(appendix).toMatch(/- <a id="underlag-[^"]+"><\/a>3\.2 [^\n]*: 76[\s\u00a0\u202f]%[^\n]*\(`metrics\.result`\) †: `[^`]+`/);
  });

  it("gives every figure of the HTML its own entry in the evidence appendix: anchors unique, every link lands", async () => {
    const html = (await report("html")).stdout;
    const anchors = [...html.matchAll(/<dt id="(underlag-[^"]+)"/g)].map((match) => match[1]);
    expect(anchors.length).toBeGreaterThan(300);
    expect(new Set(anchors).size).toBe(anchors.length);
    const links = new Set([...html.matchAll(/href="#(underlag-[^"]+)"/g)].map((match) => match[1]));
    for (const link of links) expect(anchors).toContain(link);
  });
});
