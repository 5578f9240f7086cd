/**
 * A fictional library cooperation whose courses grew: the course appendix heads the comparison
 * as the change it is (an increase positive, never a "Minskning" of −33 %), counts the courses
 * with no commissioning party under a Swedish row of their own, and a metric measured against
 * last year's result, when last year has none, prints its result with no status symbol rather
 * than "inget resultat" beside it.
 */
import { describe, expect, it } from "vitest";
import { parsePeriod, type EventDraft, type Period, type ReportDocument } from "../../src/index.js";
import { allBlocks, cellText, documentOf, headOf, tableWithId } from "./document-reading.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `bibliotek-${counter}`, type, effectiveAt, recordedAt: `2025-05-02T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const held = (courseId: string, date: string, commissionedBy?: string): EventDraft[] => [
  ...(commissionedBy === undefined ? [] : [draft("reference.area-established", "2020-01-01", { areaId: commissionedBy, name: "Läsfrämjande" })]),
  ...(commissionedBy === undefined ? [] : [draft("courses.course-scheduled", date, { courseId, title: `Kurs ${courseId}`, commissionedBy })]),
  draft("courses.course-held", date, { courseId, title: `Kurs ${courseId}`, occasions: 1 }),
];

const libraryLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2024-01-01", { name: "Bibliotekssamverkan Sjöland", county: "Sjölands län", responsibleBody: "Styrelsen" }),
    draft("strategy.goal-established", "2024-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: "Biblioteken lär tillsammans" }),
    draft("strategy.metric-defined", "2024-01-01", {
      metricId: "deltagare",
      goalId: "mal-1",
      name: "Antal kurser.",
      unit: "count",
      dataSource: "Kursregistret",
      frequency: "tertial",
      direction: "higher-is-better",
      target: { kind: "same-period-last-year" },
      result: { from: "recorded" },
      comparisons: ["same-period-last-year"],
    }),
    ...held("k-2024-1", "2024-02-10"),
    ...held("k-2024-2", "2024-03-10"),
    ...held("k-2024-3", "2024-04-10"),
    ...held("k-2025-1", "2025-02-10"),
    ...held("k-2025-2", "2025-03-10"),
    ...held("k-2025-3", "2025-03-20"),
    ...held("k-2025-4", "2025-04-10", "lasframjande"),
    draft("strategy.metric-result-recorded", "2025-04-30", { metricId: "deltagare", from: "2025-01-01", to: "2025-04-30", value: "54" }),
  ];
};

const T1 = parsePeriod("2025-T1") as Period;

const metricStatuses = (document: ReportDocument): (string | null)[] => allBlocks(document).flatMap((block) => (block.kind === "metric-table" ? block.rows.map((row) => row.status) : []));

describe("a follow-up of a second organisation whose courses grew", () => {
  it("heads the course comparison as the change it is, an increase positive", async () => {
    const table = tableWithId(await documentOf(libraryLog(), "tertialrapport", T1), "bilaga-2-kurser");
    expect(headOf(table)).toEqual(["", "januari–april 2025", "januari–april 2024", "Förändring"]);
    expect(table.body[0]?.cells.map(cellText)).toEqual(["Genomförda kurser/arrangemang", "4", "3", "33\u00a0%"]);
  });

  it("counts the courses with no commissioning party in a row of their own, last, in Swedish", async () => {
    const table = tableWithId(await documentOf(libraryLog(), "tertialrapport", T1), "bilaga-2-uppdrag");
    expect(table.body.map((row) => row.cells.map(cellText))).toEqual([
      ["Läsfrämjande", "1"],
      ["Uppdragsgivare ej angiven", "3"],
    ]);
  });

  it("heads its cost-effective courses with its own name and no other organisation's words", async () => {
    const priced = draft("courses.course-held", "2025-03-15", { courseId: "k-priced", title: "Katalogisering", occasions: 1, feePerParticipant: "1500", benchmarkPricePerParticipant: "4000", participantsPerOccasion: 12 });
    const titles = (sections: readonly { title: string | null; sections: readonly unknown[] }[]): string[] =>
      sections.flatMap((section) => [section.title ?? "", ...titles(section.sections as typeof sections)]);
    const all = titles((await documentOf([...libraryLog(), priced], "tertialrapport", T1)).sections);
    expect(all).toContain("Exempel på aktiviteter inom Bibliotekssamverkan Sjölands verksamhet som innebär en hög kostnadseffektivitet");
    expect(all.join(" ")).not.toContain("länets kommuner");
  });

  it("prints a result that has nothing to be judged by with no status, not as missing", async () => {
    expect(metricStatuses(await documentOf(libraryLog(), "tertialrapport", T1))).toEqual([null]);
  });
});
