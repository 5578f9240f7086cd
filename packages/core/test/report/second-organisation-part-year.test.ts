/**
 * A second, fictional organisation (Fjällbygdens samordningsförbund) judges a course metric's
 * result for part of the year its own way, by a fact in its log (`partYearJudgement` of the
 * metric), not by code: pro rata to the part of the year the result covers, or only at the year's
 * end. Without the field the result is held against the whole year's target, as the first
 * organisation does.
 */
import { describe, expect, it } from "vitest";
import { allBlocks, documentOf } from "./document-reading.js";
import { parsePeriod, type EventDraft, type Period, type ReportDocument, type ReportKind, type ReportMetricTable } from "../../src/index.js";
import { partYearLog } from "../fixtures/fjallbygden-part-year.js";

const T1 = parsePeriod("2020-T1") as Period;
const YEAR = parsePeriod("2020") as Period;

const metricTable = (document: ReportDocument): ReportMetricTable => {
  const found = allBlocks(document).find((block): block is ReportMetricTable => block.kind === "metric-table" && block.rows.some((row) => row.key.startsWith("metrics.kurser@")));
  if (found === undefined) throw new Error("no metric table with the course metric");
  return found;
};

/** The course row as printed: status, target, result, and the table's footnotes (no-break spaces read as spaces). */
const courseRow = async (judgement: string | undefined, t1Courses: number, kind: ReportKind, period: Period, schemaVersion?: number, target?: string, more: readonly EventDraft[] = []) => {
  const table = metricTable(await documentOf([...partYearLog(judgement, t1Courses, schemaVersion, target), ...more], kind, period));
  const row = table.rows.find((entry) => entry.key.startsWith("metrics.kurser@"));
  const plain = (text: string | undefined): string | undefined => text?.replace(/[\u00a0\u202f]/g, " ");
  return { status: row?.status, target: plain(row?.target?.text), result: plain(row?.result?.text), footnotes: table.footnotes.map((note) => `${note.mark} ${plain(note.markdown) ?? ""}`), targets: table.rows.map((entry) => plain(entry.target?.text)) };
};

const later = (id: string, type: string, data: Record<string, unknown>): EventDraft => ({ id, type, effectiveAt: "2020-04-30", recordedAt: "2021-03-02T10:00:00.000Z", data });

const PRO_RATA_NOTE = "¹ Målvärdet avser helåret. Resultatet bedöms mot målvärdet i proportion till periodens andel av året, 121 av 366 dagar: 14 kurser × 121/366 ≈ 5 kurser.";

describe("a second organisation's metric judged for part of the year", () => {
  it("by default (and in a version 3 line) holds three courses after T1 against the year's 14: not met", async () => {
    expect(await courseRow(undefined, 3, "tertialrapport", T1)).toMatchObject({ status: "not-met", target: "14 kurser", result: "3 kurser", footnotes: [] });
    expect(await courseRow(undefined, 3, "tertialrapport", T1, 3)).toMatchObject({ status: "not-met", target: "14 kurser", result: "3 kurser", footnotes: [] });
    expect(await courseRow("year-target", 5, "tertialrapport", T1)).toMatchObject({ status: "not-met", target: "14 kurser", result: "5 kurser", footnotes: [] });
  });

  it("pro rata holds them against 14 × 121/366 of the leap year 2020: three courses partly met, five met, the year's target printed with a note", async () => {
    expect(await courseRow("pro-rata", 3, "tertialrapport", T1)).toMatchObject({ status: "partly-met", target: "14 kurser¹", result: "3 kurser", footnotes: [PRO_RATA_NOTE] });
    expect(await courseRow("pro-rata", 5, "tertialrapport", T1)).toMatchObject({ status: "met", target: "14 kurser¹", result: "5 kurser", footnotes: [PRO_RATA_NOTE] });
  });

  it("pro rata says \"=\" where the scaled target is whole, \"≈\" where the status is judged on it rounded as printed", async () => {
    expect((await courseRow("pro-rata", 3, "tertialrapport", T1, undefined, "366")).footnotes).toEqual(["¹ Målvärdet avser helåret. Resultatet bedöms mot målvärdet i proportion till periodens andel av året, 121 av 366 dagar: 366 kurser × 121/366 = 121 kurser."]);
  });

  it("pro rata over the whole year is the year's target, without a note", async () => {
    expect(await courseRow("pro-rata", 3, "verksamhetsberattelse", YEAR)).toMatchObject({ status: "met", target: "14 kurser", result: "14 kurser", footnotes: [] });
  });

  it("year-end-only gives no symbol after T1 and a status in the annual report", async () => {
    expect(await courseRow("year-end-only", 3, "tertialrapport", T1)).toMatchObject({
      status: null,
      target: "14 kurser¹",
      result: "3 kurser",
      footnotes: ["¹ Mätetalet bedöms först när resultatet för hela året finns."],
    });
    expect(await courseRow("year-end-only", 3, "verksamhetsberattelse", YEAR)).toMatchObject({ status: "met", target: "14 kurser", result: "14 kurser", footnotes: [] });
  });

  it("year-end-only says nothing of judging later where an authored status stands in the row", async () => {
    const assessed = later("fjall-bedomning", "strategy.metric-status-assessed", { metricId: "kurser", from: "2020-01-01", to: "2020-04-30", status: "partly-met" });
    expect(await courseRow("year-end-only", 3, "tertialrapport", T1, undefined, undefined, [assessed])).toMatchObject({ status: "partly-met", target: "14 kurser", footnotes: [] });
  });

  it("gives two rows that would say the same one footnote, under one mark", async () => {
    const again = later("fjall-kurser-igen", "strategy.metric-defined", {
      metricId: "kurser-igen", goalId: "mal-samverkan", name: "Antal kurser, räknade igen.", unit: "courses", dataSource: "Kursregistret", frequency: "tertial",
      direction: "higher-is-better", target: { kind: "fixed", value: "14" }, result: { from: "figure", key: "courses.held" }, partYearJudgement: "pro-rata",
    });
    const row = await courseRow("pro-rata", 3, "tertialrapport", T1, undefined, undefined, [again]);
    expect(row.footnotes).toEqual([PRO_RATA_NOTE]);
    expect(row.targets).toEqual(["14 kurser¹", "14 kurser¹"]);
  });
});
