import { describe, expect, it } from "vitest";
import { parsePeriod, type Period } from "@tertial/core";
import { markdownRenderer } from "@tertial/render-markdown";
import { documentOf } from "../../core/test/report/document-reading.js";
import { partYearLog } from "../../core/test/fixtures/fjallbygden-part-year.js";

const T1 = parsePeriod("2020-T1") as Period;

/** The course row of the T1 report as Markdown prints it, and the line of its footnote. */
const printed = async (judgement: string) => {
  const text = (await markdownRenderer.render(await documentOf(partYearLog(judgement, 3), "tertialrapport", T1))).replace(/[\u00a0\u202f]/g, " ");
  const lines = text.split("\n");
  return { row: lines.find((line) => line.includes("Antal genomförda kurser")), note: lines.find((line) => line.startsWith("¹ ")) };
};

describe("Markdown: a metric judged for part of the year", () => {
  it("year-end-only: no symbol in the status cell after T1, the year's target marked, the footnote below the table", async () => {
    const { row, note } = await printed("year-end-only");
    expect(row?.split("|").map((cell) => cell.trim()).slice(1, 4)).toEqual(["", "Antal genomförda kurser.", "14 kurser¹"]);
    expect(note).toBe("¹ Mätetalet bedöms först när resultatet för hela året finns.");
  });

  it("pro rata: the status against the scaled target, the year's target marked, the scaled one in the footnote", async () => {
    const { row, note } = await printed("pro-rata");
    expect(row?.split("|").map((cell) => cell.trim()).slice(1, 4)).toEqual(["◆ delvis uppfyllt", "Antal genomförda kurser.", "14 kurser¹"]);
    expect(note).toBe("¹ Målvärdet avser helåret. Resultatet bedöms mot målvärdet i proportion till periodens andel av året, 121 av 366 dagar: 14 kurser × 121/366 ≈ 5 kurser.");
  });
});
