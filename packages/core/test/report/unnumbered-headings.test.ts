import { describe, expect, it } from "vitest";
import { parsePeriod, type Period, type Placement, type ReportBlock, type ReportBuildContext, type ReportSection } from "../../src/index.js";
import { assembleSections } from "../../src/report/builders/house.js";
import { headedDrafts, numberDrafts, renumber } from "../../src/report/builders/outline.js";

const text = (markdown: string): ReportBlock => ({ kind: "paragraph", markdown });
const place = (number: string, title: string, markdown: string, heading?: string): Placement => ({ slot: `area:${title}`, number, title, blocks: [text(markdown)], ...(heading === undefined ? {} : { heading }) });
const outline = (sections: readonly ReportSection[]): string[] =>
  sections.flatMap((section) => [`${section.number ?? "–"} ${section.title} [${section.id}] ${section.blocks.map((block) => (block.kind === "paragraph" ? block.markdown : block.kind)).join(",")}`, ...outline(section.sections).map((line) => `  ${line}`)]);

const context: ReportBuildContext = { kind: "verksamhetsplan", period: parsePeriod("2022") as Period, results: { get: () => undefined } };

describe("unnumbered headings a builder places inside a section", () => {
  it("stand between the section's own text and its numbered subsections, take no number, and leave no hole in the count", () => {
    const headed = headedDrafts([place("4.1", "Skolan", "syfte"), place("4.1", "Skolan", "aktiviteter", "Verksamhetsplanering 2022"), place("4.1", "Skolan", "mer om aktiviteterna"), place("4.1", "Skolan", "budget", "Flerårsplan 2023–2024")]);
    const sections = numberDrafts(
      [
        { pinned: null, title: "Skolan", blocks: headed.blocks, sections: [...headed.parts, { pinned: null, title: "Förskolan", blocks: [text("förskola")], sections: [] }] },
        { pinned: null, title: "Omsorgen", blocks: [text("omsorg")], sections: [] },
      ],
      "4",
    );
    expect(outline(sections)).toEqual([
      "4.1 Skolan [avsnitt-4-1] syfte",
      // Blocks placed after a heading stand under it, as under any heading.
      "  – Verksamhetsplanering 2022 [avsnitt-4-1-verksamhetsplanering-2022] aktiviteter,mer om aktiviteterna",
      "  – Flerårsplan 2023–2024 [avsnitt-4-1-flerarsplan-2023-2024] budget",
      "  4.1.1 Förskolan [avsnitt-4-1-1] förskola",
      "4.2 Omsorgen [avsnitt-4-2] omsorg",
    ]);
  });

  it("get anchors unique among their siblings when two share a heading", () => {
    const headed = headedDrafts([place("1", "A", "ett", "Budget"), place("1", "A", "två", "Budget")]);
    expect(numberDrafts([{ pinned: null, title: "A", blocks: [], sections: headed.parts }], null)[0]?.sections.map((section) => section.id)).toEqual(["avsnitt-1-budget", "avsnitt-1-budget-2"]);
  });

  it("come out the same in the built-in house's default layout, where placements carry their own numbers", () => {
    const sections = renumber(assembleSections(context, [place("4", "Områden", "inledning"), place("4.1", "Skolan", "syfte"), place("4.1", "Skolan", "budget", "Budget och finansiering 2022"), place("4.2", "Omsorgen", "omsorg")]));
    // The only chapter is renumbered 1, as any chapter the layout has first.
    expect(outline(sections)).toEqual(["1 Områden [avsnitt-1] inledning", "  1.1 Skolan [avsnitt-1-1] syfte", "    – Budget och finansiering 2022 [avsnitt-1-1-budget-och-finansiering-2022] budget", "  1.2 Omsorgen [avsnitt-1-2] omsorg"]);
  });
});
