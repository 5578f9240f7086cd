/**
 * A second, fictional organisation (Fjällbygdens samordningsförbund) with courses of its own:
 * its course appendix, its cost-effectiveness block and its slides name only what its log says
 * (its arranger, its goals), never the first organisation's names or structure.
 */
import { describe, expect, it } from "vitest";
import { documentOf, tableWithId } from "./document-reading.js";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportDocument, type ReportTable } from "../../src/index.js";
import { monthSpanLabel } from "../../src/report/builders/kinds.js";
import { periodOf } from "../../src/time/period.js";
import type { IsoDate } from "../../src/time/calendar.js";
import { fjallbygdenLog } from "../fixtures/fjallbygden.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `fjall-kurs-${counter}`, type, effectiveAt, recordedAt: `2021-03-01T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

/** Two municipalities, the area that runs its courses, a metric under its goal "Myndigheterna samverkar…", and three courses in March. */
const courseFacts = (options: { readonly arranger: boolean }): EventDraft[] => {
  counter = 0;
  return [
    draft("reference.municipality-established", "2020-01-01", { municipalityId: "are", name: "Åre" }),
    draft("reference.municipality-established", "2020-01-01", { municipalityId: "berg", name: "Berg" }),
    draft("reference.area-established", "2020-01-01", { areaId: "larcentrum", name: "Fjällbygdens lärcentrum", kind: "operation" }),
    ...(options.arranger ? [draft("courses.arranger-named", "2020-01-01", { areaId: "larcentrum" })] : []),
    draft("strategy.metric-defined", "2020-01-01", {
      metricId: "kurser",
      goalId: "mal-samverkan",
      name: "Antal genomförda kurser.",
      unit: "courses",
      dataSource: "Kursregistret",
      frequency: "half-year",
      direction: "higher-is-better",
      target: { kind: "none" },
      result: { from: "figure", key: "courses.held" },
    }),
    // Participants per occasion recorded.
    draft("courses.course-held", "2020-03-10", { courseId: "samtal", title: "Samtalsmetodik", occasions: 1, participants: { byMunicipality: { are: 12, berg: 6 }, region: 2 }, participantsPerOccasion: 20, feePerParticipant: "500", benchmarkPricePerParticipant: "2000" }),
    // Not recorded, but participants and occasions are: 30 ÷ 2 = 15 per occasion.
    draft("courses.course-held", "2020-03-20", { courseId: "motiverande", title: "Motiverande samtal", occasions: 2, participants: { byMunicipality: { are: 20, berg: 10 } }, feePerParticipant: "800", benchmarkPricePerParticipant: "1600" }),
    // Neither: the row stays, its per-course reduction unknown, out of the totals.
    draft("courses.course-held", "2020-03-25", { courseId: "forsta-hjalpen", title: "Första hjälpen", feePerParticipant: "300", benchmarkPricePerParticipant: "900" }),
    draft("courses.revenue-recorded", "2020-04-30", { from: "2020-01-01", to: "2020-04-30", amount: "35000" }),
  ];
};

const T1 = parsePeriod("2020-T1") as Period;

const build = async (kind: "tertialrapport" | "resultatuppfoljning", options: { readonly arranger: boolean }): Promise<ReportDocument> => documentOf([...fjallbygdenLog(), ...courseFacts(options)], kind, T1);

/** A cell's printed text, its no-break spaces read as spaces. */
const cellText = (cell: ReportTable["body"][number]["cells"][number]): string => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : "").replace(/[\u00a0\u202f]/g, " ");
const rowsOf = (table: ReportTable): string[][] => table.body.map((entry) => entry.cells.map(cellText));

/** Words of the first organisation that a second one's documents must never print. */
const FIRST_ORGANISATION = ["Kommunal utveckling", "Kurs och konferens", "Kurs- och konferens", "RJL", "Jönköping", "Vi stärker och ökar kompetensen", "ändamålsenlig och kostnadseffektiv", "Kommunernas grundfinansiering", "mars–mars"];
const printedWordsOf = (document: ReportDocument): string[] => FIRST_ORGANISATION.filter((words) => JSON.stringify(document).includes(words));

describe("a second organisation's courses", () => {
  it("are captioned by the arranger its log names, over a one-month span read as one month", async () => {
    const document = await build("tertialrapport", { arranger: true });
    const appendix = document.appendices.find((entry) => entry.blocks.some((block) => block.kind === "table" && block.id === "bilaga-2-deltagare"));
    expect(appendix?.title).toBe("Deltagande på kurser som arrangerats av Fjällbygdens lärcentrum");
    expect(tableWithId(document, "bilaga-2-deltagare").caption).toBe("Deltagande på kurser som arrangerats av Fjällbygdens lärcentrum under mars 2020, fördelat på länets kommuner");
    expect(tableWithId(document, "kursintakter").caption).toBe("Fjällbygdens lärcentrum: intäkter under perioden");
    // No funder of kind "region" in its log: the region's participants are the region's, unnamed.
    expect(rowsOf(tableWithId(document, "bilaga-2-deltagare")).map((cells) => cells[0])).toEqual(["Berg", "Åre", "Regionen"]);
    expect(printedWordsOf(document)).toEqual([]);
  });

  it("name the region's participants after the region its log records", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const region = { id: "fjall-region", type: "reference.funder-established", effectiveAt: "2020-01-01", recordedAt: "2021-03-02T09:00:00.000Z", data: { funderId: "rjh", name: "Region Jämtland Härjedalen", kind: "region" } } as EventDraft;
    expect((await store.append([...fjallbygdenLog(), ...courseFacts({ arranger: true }), region])).ok).toBe(true);
    const document = (await generateReport(store, defaultCatalog, { kind: "tertialrapport", period: T1, generatedBy: "test" })).document;
    expect(rowsOf(tableWithId(document, "bilaga-2-deltagare")).map((cells) => cells[0])).toContain("Region Jämtland Härjedalen");
  });

  it("name no arranger when the log names none", async () => {
    const document = await build("tertialrapport", { arranger: false });
    expect(tableWithId(document, "bilaga-2-deltagare").caption).toBe("Deltagande på kurser under mars 2020, fördelat på länets kommuner");
    expect(tableWithId(document, "kursintakter").caption).toBe("Kursintäkter under perioden");
    expect(document.appendices.map((entry) => entry.title)).toContain("Deltagande på kurser");
    expect(printedWordsOf(document)).toEqual([]);
  });

  it("keep every course with a fee and an outside price in Tabell 1: participants per occasion recorded, derived (marked), or unknown (out of the totals, named)", async () => {
    const table = tableWithId(await build("tertialrapport", { arranger: true }), "kostnadsreducering");
    expect(rowsOf(table).map((cells) => [cells[0], cells[2], cells[5]])).toEqual([
      ["Samtalsmetodik", "20", "30 000 kr"],
      ["Motiverande samtal", "15", "12 000 kr"],
      ["Första hjälpen", "", ""],
    ]);
    expect(table.body.map((entry) => entry.cells[2]?.marks)).toEqual([[], ["¹"], []]);
    expect(table.body[2]?.cells[0]?.marks).toEqual(["²"]);
    // 30 000 + 12 000 over the two rows whose participants per occasion are known; 42 000 ÷ (2 000 × 20 + 1 600 × 15) = 66 %.
    expect(table.foot?.[0]?.cells.map(cellText).slice(5)).toEqual(["42 000 kr", "66 %"]);
    expect(table.footnotes.map((note) => `${note.mark} ${note.markdown}`)).toEqual([
      "¹ Beräknat som kursens deltagare delat med antalet kurstillfällen.",
      "² Uppgift om antal deltagare per kurstillfälle saknas för Första hjälpen, som därför inte ingår i totalen.",
    ]);
  });

  it("are shown in slides headed by its own goal, captioned by its own arranger", async () => {
    const document = await build("resultatuppfoljning", { arranger: true });
    const slide = document.sections.find((section) => section.id === "bild-kurser");
    expect(slide?.title).toBe("Myndigheterna samverkar kring den enskilde.");
    expect(slide?.blocks.find((block): block is ReportTable => block.kind === "table")?.caption).toBe("Kurser och deltagare genom Fjällbygdens lärcentrum");
    expect(printedWordsOf(document)).toEqual([]);
  });

  it("keep the slides' neutral headings when the log ties a slide to no goal, and name no arranger it does not state", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append([...fjallbygdenLog(), ...courseFacts({ arranger: false }).filter((entry) => entry.type !== "strategy.metric-defined")]);
    expect(outcome.ok).toBe(true);
    const document = (await generateReport(store, defaultCatalog, { kind: "resultatuppfoljning", period: T1, generatedBy: "test" })).document;
    const slide = document.sections.find((section) => section.id === "bild-kurser");
    expect(slide?.title).toBe("Kurser och deltagare");
    expect(slide?.blocks.find((block): block is ReportTable => block.kind === "table")?.caption).toBe("Kurser och deltagare");
    expect(printedWordsOf(document)).toEqual([]);
  });
});

describe("naming the course arranger", () => {
  const appendOne = async (data: Record<string, unknown>): Promise<string[]> => {
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append(courseFacts({ arranger: false }).slice(0, 3))).ok).toBe(true);
    const outcome = await store.append([{ id: "arranger", type: "courses.arranger-named", effectiveAt: "2020-01-01", data } as EventDraft]);
    return outcome.ok ? [] : outcome.issues.map((found) => `${found.path}: ${found.message}`);
  };

  it("takes one known area or one name, nothing else", async () => {
    expect(await appendOne({ areaId: "larcentrum" })).toEqual([]);
    expect(await appendOne({ name: "Kursenheten" })).toEqual([]);
    expect(await appendOne({ areaId: "okant" })).toEqual(['data.areaId: unknown area "okant"']);
    expect(await appendOne({})).toEqual(["data: names the arranger by exactly one of areaId and name"]);
    expect(await appendOne({ areaId: "larcentrum", name: "Kursenheten" })).toEqual(["data: names the arranger by exactly one of areaId and name"]);
  });
});

describe("a span of months as a caption reads it", () => {
  it("names one month once, a span within a year with its year once, and a span across a new year with both years", () => {
    const span = (from: string, to: string): string => monthSpanLabel(periodOf(from as IsoDate, to as IsoDate));
    expect(span("2021-03-01", "2021-03-31")).toBe("mars 2021");
    expect(span("2020-01-01", "2020-06-30")).toBe("januari–juni 2020");
    expect(span("2020-12-01", "2021-02-28")).toBe("december 2020–februari 2021");
  });
});
