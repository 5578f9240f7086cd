import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportBlock, type ReportDocument, type ReportSection } from "../../src/index.js";

/**
 * A small organisation with focus areas of its own and one of its area "Äldreomsorg": the
 * organisation's span 2019–2021, the area's 2020 only, and one decided for 2021–2022.
 */
let counter = 0;
const draft = (type: string, data: Record<string, unknown>, schemaVersion?: number): EventDraft => {
  counter += 1;
  return { id: `fokus-${counter}`, type, effectiveAt: "2019-01-01", recordedAt: `2019-02-01T09:00:${String(counter).padStart(2, "0")}.000Z`, data, ...(schemaVersion === undefined ? {} : { schemaVersion }) } as EventDraft;
};

const outline = {
  outlineId: "vb",
  documentKind: "verksamhetsberattelse",
  fromYear: 2019,
  chapters: [
    { heading: "Förbundet", sections: [{ heading: "Våra fokusområden", blocks: [{ block: "focus-areas" }] }] },
    { heading: "Äldreomsorgen", sections: [{ heading: "Områdets fokusområden", blocks: [{ block: "focus-areas", area: "aldre" }] }] },
  ],
};

const log = (): EventDraft[] => {
  counter = 0;
  return [
    draft("reference.area-established", { areaId: "aldre", name: "Äldreomsorg" }),
    draft("strategy.focus-area-established", { focusAreaId: "fa-digital", number: 1, title: "Digitalisering", year: 2019, toYear: 2021 }, 2),
    draft("strategy.focus-area-established", { focusAreaId: "fa-kompetens", number: 2, title: "Kompetensförsörjning", year: 2020, decidedOn: "2019-06-10" }, 1),
    draft("strategy.focus-area-established", { focusAreaId: "fa-aldre", number: 1, title: "Trygg hemgång", year: 2020, toYear: 2020, areaId: "aldre" }, 2),
    draft("strategy.focus-area-established", { focusAreaId: "fa-senare", number: 3, title: "Klimat", year: 2021, toYear: 2022 }, 2),
    draft("publication.outline-adopted", outline),
  ];
};

const reportFor = async (year: string, drafts: readonly EventDraft[] = log()): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind: "verksamhetsberattelse", period: parsePeriod(year) as Period, generatedBy: "test" })).document;
};

const tablesOf = (section: ReportSection | undefined): Extract<ReportBlock, { kind: "table" }>[] => (section?.blocks ?? []).flatMap((block) => (block.kind === "table" ? [block] : []));
const titles = (table: Extract<ReportBlock, { kind: "table" }> | undefined): string[] => (table?.body ?? []).map((line) => JSON.stringify(line)).map((text) => (/"(Digitalisering|Kompetensförsörjning|Trygg hemgång|Klimat)"/.exec(text)?.[1] ?? "?"));

describe("focus areas: the organisation's and one area's own, for every year of their span", () => {
  it("shows the organisation's focus areas where the outline puts the block, and the area's where it asks for that area", async () => {
    const document = await reportFor("2020");
    const own = document.sections[0]?.sections[0];
    const area = document.sections[1]?.sections[0];
    expect(`${own?.number} ${own?.title}`).toBe("1.1 Våra fokusområden");
    expect(tablesOf(own).map((table) => table.caption)).toEqual(["Fokusområden för 2020"]);
    expect(titles(tablesOf(own)[0])).toEqual(["Digitalisering", "Kompetensförsörjning"]);
    expect(`${area?.number} ${area?.title}`).toBe("2.1 Områdets fokusområden");
    expect(tablesOf(area).map((table) => table.caption)).toEqual(["Fokusområden för Äldreomsorg 2020"]);
    expect(titles(tablesOf(area)[0])).toEqual(["Trygg hemgång"]);
  });

  it("shows a focus area in every year of its span, not only its first", async () => {
    const in2021 = await reportFor("2021");
    expect(titles(tablesOf(in2021.sections[0]?.sections[0])[0])).toEqual(["Digitalisering", "Klimat"]);
    // The area's focus area was for 2020 only: its section is left out, the numbering stays whole.
    expect(in2021.sections.map((section) => `${section.number} ${section.title}`)).toEqual(["1 Förbundet"]);
    const in2019 = await reportFor("2019");
    expect(titles(tablesOf(in2019.sections[0]?.sections[0])[0])).toEqual(["Digitalisering"]);
  });

  it("puts an area's focus areas the outline does not place under the unplaced heading, never hiding them", async () => {
    const drafts = log().map((entry) => (entry.type === "publication.outline-adopted" ? ({ ...entry, data: { ...outline, chapters: [outline.chapters[0]] } } as EventDraft) : entry));
    const document = await reportFor("2020", drafts);
    expect(document.sections.map((section) => `${section.number} ${section.title}`)).toEqual(["1 Förbundet", "2 Övrigt utanför dispositionen"]);
    expect(tablesOf(document.sections[1]?.sections[0]).map((table) => table.caption)).toEqual(["Fokusområden för Äldreomsorg 2020"]);
  });
});
