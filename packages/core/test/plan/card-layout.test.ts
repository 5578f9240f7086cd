import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, defaultCatalog, generateReport, memoryStore, period, type ReportCell, type ReportDocument, type ReportSection } from "@tertial/core";
import { CARD_AREAS, cardPlanDrafts } from "../fixtures/card-plan.js";

const planDocument = async (withOutline: boolean, amounts?: readonly string[]): Promise<ReportDocument> => {
  let tick = Date.UTC(2022, 11, 15, 8);
  const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
  const outcome = await store.append(cardPlanDrafts(withOutline, amounts));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind: "verksamhetsplan", period: period("2023..2025"), generatedBy: "test" })).document;
};

/** A section's own blocks and those under its unnumbered sub-headings ("Budget och finansiering 2023"). */
const blocksOf = (section: ReportSection) => [...section.blocks, ...section.sections.filter((part) => part.number === null).flatMap((part) => part.blocks)];

/** The figures a section's tables print with the given definition key, and their row labels. */
const figures = (section: ReportSection, key: string): { label: string; exact: string }[] =>
  blocksOf(section).flatMap((block) =>
    block.kind !== "table"
      ? []
      : [...block.body, ...block.foot].flatMap((row) => {
          const label = row.cells[0]?.kind === "text" ? row.cells[0].text : "";
          return row.cells.flatMap((cell) => (cell.kind === "figure" && cell.figure.definition?.key === key ? [{ label, exact: cell.figure.exact }] : []));
        }),
  );

describe("a fictional organisation's plan laid out as one card per area, by its outline alone", () => {
  it("prints the vision, then one chapter per area with purpose, target group, goals, activities, budget and financing", async () => {
    const document = await planDocument(true);
    expect(document.sections.map((section) => [section.number, section.title])).toEqual([["1", "Vision"], ...CARD_AREAS.map((area, index) => [String(index + 2), area.name]), ["7", "Förbundet i siffror"]]);
    for (const card of document.sections.slice(1, 6)) {
      const text = blocksOf(card).flatMap((block) => (block.kind === "paragraph" ? [block.markdown] : [])).join("\n");
      expect(text).toContain("**Syfte.**");
      expect(text).toContain("**Målgrupp.**");
      expect(text).toContain("**Mål**");
      expect(text).toContain("**Finansiering**");
      expect(blocksOf(card).filter((block) => block.kind === "table").map((block) => (block.kind === "table" ? block.caption.split(":")[0] : ""))).toEqual(["Aktiviteter 2023", "Budget och finansiering 2023", "Medarbetare 2023", "Flerårsplan 2024"]);
      // The card's parts stand under unnumbered headings: the areas' chapter numbers run 2–6 without a hole.
      expect(card.sections.map((part) => [part.number, part.title])).toEqual([
        [null, "Verksamhetsplanering 2023"],
        [null, "Budget och finansiering 2023"],
        [null, "Medarbetare 2023"],
        [null, "Flerårsplan 2024"],
      ]);
    }
  });

  it("its budget appendix totals the cards: the cards' net costs add up to the appendix's sum", async () => {
    const document = await planDocument(true);
    const cards = document.sections.slice(1, 6).flatMap((card) => figures(card, "plan.net-cost").filter((figure) => figure.label === "Nettokostnad 2023"));
    expect(cards.length).toBe(5);
    const appendix = document.appendices.find((section) => section.title === "Budget 2023");
    if (appendix === undefined) throw new Error("no budget appendix");
    const rows = figures(appendix, "plan.net-cost");
    const total = rows.find((row) => row.label === "Summa");
    expect(rows.filter((row) => row.label !== "Summa").map((row) => row.exact).sort()).toEqual(cards.map((card) => card.exact).sort());
    expect(total?.exact).toBe(cards.reduce((sum, card) => sum.plus(card.exact), dec(0)).toString());
    expect(total?.exact).toBe("6500000");
  });

  it("the same events without the outline give the default layout: the areas as sections of Planering på områdesnivå", async () => {
    const document = await planDocument(false);
    const areas = document.sections.find((section) => section.title === "Planering på områdesnivå");
    expect(areas?.sections.map((section) => section.title).sort()).toEqual(CARD_AREAS.map((area) => area.name).sort());
    expect(document.sections.map((section) => section.title)).not.toContain("Skolutveckling");
  });
});

/** A cell's exact value; a blank cell (no fact) counts as nothing. */
const cellExact = (cell: ReportCell | undefined): string => (cell?.kind === "figure" ? cell.figure.exact : "0");

describe("law: a generated plan's budget rows foot to their totals", () => {
  it("for any net costs of the five areas, the appendix's and Nettokostnader's Summa is the exact sum of their rows", async () => {
    const amounts = fc.array(fc.integer({ min: -500_000, max: 90_000_000 }).map(String), { minLength: 5, maxLength: 5 });
    await fc.assert(
      fc.asyncProperty(amounts, async (given) => {
        const document = await planDocument(true, given);
        const all = [...document.sections, ...document.appendices];
        for (const section of all) {
          for (const block of section.blocks) {
            if (block.kind !== "table" || !["plan-budgetbilaga", "plan-nettokostnader"].includes(block.id)) continue;
            const columns = block.foot[0]?.cells.length ?? 0;
            for (let column = 1; column < columns; column += 1) {
              const rows = block.body.map((row) => cellExact(row.cells[column]));
              expect(cellExact(block.foot[0]?.cells[column])).toBe(rows.reduce((sum, value) => sum.plus(value), dec(0)).toString());
            }
          }
        }
        const appendix = document.appendices.find((section) => section.title === "Budget 2023");
        expect(appendix === undefined ? undefined : figures(appendix, "plan.net-cost").find((row) => row.label === "Summa")?.exact).toBe(given.reduce((sum, value) => sum.plus(value), dec(0)).toString());
      }),
      { numRuns: 25 },
    );
  });
});

describe("the plan's staff table of a fictional organisation", () => {
  it("has a row for each staff class the plan has lines in, and none for a class it has not", async () => {
    const document = await planDocument(false);
    const walk = (sections: readonly ReportSection[]): ReportSection[] => sections.flatMap((section) => [section, ...walk(section.sections)]);
    const table = walk([...document.sections, ...document.appendices])
      .flatMap((section) => section.blocks)
      .find((block) => block.kind === "table" && block.id === "plan-medarbetare");
    if (table?.kind !== "table") throw new Error("no staff table");
    const label = (cells: readonly ReportCell[]) => (cells[0]?.kind === "text" ? cells[0].text : "");
    // Sjöbygden plans research staff and its office (management), and no other operations.
    expect([...table.body, ...table.foot].map((row) => label(row.cells))).toEqual(["FoU", "Ledning och stab", "Summa"]);
  });
});
