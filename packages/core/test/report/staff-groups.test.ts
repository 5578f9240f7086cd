import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportBlock, type ReportSection, type ReportTable } from "../../src/index.js";

/** Another organisation's area tree (not the example's FoU / ledning och stab / övrig) and its staff at two dates. */
const drafts = (): EventDraft[] => {
  const at = (second: number): string => `2020-01-01T08:00:${String(second).padStart(2, "0")}.000Z`;
  const area = (areaId: string, name: string, second: number, parentId?: string): EventDraft =>
    ({ id: `area-${areaId}`, type: "reference.area-established", effectiveAt: "2019-01-01", recordedAt: at(second), data: { areaId, name, ...(parentId === undefined ? {} : { parentId }) } }) as EventDraft;
  const snapshot = (asOf: string, byArea: Record<string, string>, total: string, recordedAt: string): EventDraft =>
    ({ id: `staff-${asOf}`, type: "staff.snapshot-recorded", effectiveAt: asOf, recordedAt, data: { asOf, total, byArea } }) as EventDraft;
  return [
    area("kultur", "Kulturen", 1),
    area("bibliotek", "Biblioteken", 2),
    area("bibliotek-filial", "Filialerna", 3, "bibliotek"),
    snapshot("2019-12-31", { kultur: "2.00", "bibliotek-filial": "3.50" }, "5.50", "2020-01-02T08:00:00.000Z"),
    snapshot("2020-08-31", { kultur: "2.50", bibliotek: "1.00", "bibliotek-filial": "3.00" }, "6.50", "2020-09-01T08:00:00.000Z"),
  ];
};

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);

describe("the staff table by part of the organisation", () => {
  it("has a row for each of the organisation's own top-level areas, named as its log names them, its sub-areas counted in", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append(drafts())).ok).toBe(true);
    const { document } = await generateReport(store, defaultCatalog, { kind: "delarsrapport", period: parsePeriod("2020-T1..T2") as Period, generatedBy: "test" });
    const table = blocksOf(document.sections).find((block): block is ReportTable => block.kind === "table" && block.id === "staff-by-group");
    const printed = [...(table?.body ?? []), ...(table?.foot ?? [])].map((line) => line.cells.map((cell) => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text.replace(/\s/g, " ") : "")));
    expect(printed.map((line) => line.slice(0, 3))).toEqual([
      ["Biblioteken", "3,50", "4,00"],
      ["Kulturen", "2,00", "2,50"],
      ["Summa", "5,50", "6,50"],
    ]);
  });

  it("has no comparison columns in the log's first year, when no year-end comes before", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append(drafts().filter((draft) => draft.id !== "staff-2019-12-31"))).ok).toBe(true);
    const { document } = await generateReport(store, defaultCatalog, { kind: "delarsrapport", period: parsePeriod("2020-T1..T2") as Period, generatedBy: "test" });
    const table = blocksOf(document.sections).find((block): block is ReportTable => block.kind === "table" && block.id === "staff-by-group");
    const texts = (cells: readonly ReportTable["head"][number]["cells"][number][]) => cells.map((cell) => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text.replace(/\s/g, " ") : ""));
    expect(table?.head.map((line) => texts(line.cells)[0])).toEqual(["Verksamhet"]);
    expect(table?.head[0]?.cells.length).toBe(2);
    expect([...(table?.body ?? []), ...(table?.foot ?? [])].map((line) => texts(line.cells))).toEqual([
      ["Biblioteken", "4,00"],
      ["Kulturen", "2,50"],
      ["Summa", "6,50"],
    ]);
  });
});
