/**
 * A metric's result description speaks of the result of one span. A fictional library
 * cooperation describes its January–August result of a course metric, and later its whole year:
 * the interim report prints the first text, the annual report the second, and an annual report
 * written before the year's text exists prints none (not the January–August words beside a
 * whole year's figure).
 */
import { describe, expect, it } from "vitest";
import { parsePeriod, type EventDraft, type Period, type ReportDocument, type ReportMetricRow } from "../../src/index.js";
import { allBlocks, documentOf } from "./document-reading.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `bibliotek-${counter}`, type, effectiveAt, recordedAt: `2021-02-01T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const held = (courseId: string, date: string): EventDraft => draft("courses.course-held", date, { courseId, title: `Kurs ${courseId}`, occasions: 1 });

const described = (from: string, to: string, markdown: string): EventDraft => draft("strategy.metric-result-described", to, { metricId: "kurser", from, to, markdown });

const libraryLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2021-01-01", { name: "Bibliotekssamverkan Sjöland", county: "Sjölands län", responsibleBody: "Styrelsen" }),
    draft("strategy.goal-established", "2021-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: "Biblioteken lär tillsammans" }),
    draft("strategy.metric-defined", "2021-01-01", {
      metricId: "kurser",
      goalId: "mal-1",
      name: "Antal genomförda kurser.",
      unit: "count",
      dataSource: "Kursregistret",
      frequency: "tertial",
      direction: "higher-is-better",
      target: { kind: "fixed", value: "4" },
      result: { from: "figure", key: "courses.held", params: {} },
    }),
    held("k1", "2021-03-10"),
    held("k2", "2021-06-10"),
    held("k3", "2021-10-10"),
    described("2021-01-01", "2021-08-31", "Två kurser under årets första åtta månader."),
  ];
};

const descriptionsOf = (document: ReportDocument): string[] =>
  allBlocks(document).flatMap((block) => (block.kind === "metric-table" ? block.rows.map((row: ReportMetricRow) => row.description) : []));

const INTERIM = parsePeriod("2021-T1..T2") as Period;
const YEAR = parsePeriod("2021") as Period;

describe("a metric's result description", () => {
  it("is printed beside the result of the span it describes: January–August in the interim report", async () => {
    expect(descriptionsOf(await documentOf(libraryLog(), "delarsrapport", INTERIM))).toEqual(["Två kurser under årets första åtta månader."]);
  });

  it("is not printed beside a result of another span: the annual report has none until the year's own text exists, then that one", async () => {
    expect(descriptionsOf(await documentOf(libraryLog(), "verksamhetsberattelse", YEAR))).toEqual([""]);
    const withYear = [...libraryLog(), described("2021-01-01", "2021-12-31", "Tre kurser under året.")];
    expect(descriptionsOf(await documentOf(withYear, "verksamhetsberattelse", YEAR))).toEqual(["Tre kurser under året."]);
    expect(descriptionsOf(await documentOf(withYear, "delarsrapport", INTERIM))).toEqual(["Två kurser under årets första åtta månader."]);
  });
});
