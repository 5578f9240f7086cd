/**
 * A text is printed in the reports of exactly its period. One written for a kind of document by
 * name, for a period that overlaps the report's and is not it, is printed in no report of that
 * kind for that period: the built report says so in its notes, so no text is lost unnoticed.
 */
import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type BuiltReport, type EventDraft, type Period } from "../../src/index.js";

let counter = 0;
const text = (narrativeId: string, from: string, to: string, documents?: readonly string[]): EventDraft => {
  counter += 1;
  return {
    id: `text-${counter}`,
    type: "narrative.written",
    effectiveAt: to,
    recordedAt: `2021-09-01T10:00:${String(counter).padStart(2, "0")}.000Z`,
    data: { narrativeId, kind: "analysis", from, to, section: "analys", markdown: `Text ${narrativeId}.`, ...(documents === undefined ? {} : { documents }) },
  } as EventDraft;
};

const built = async (drafts: readonly EventDraft[]): Promise<BuiltReport> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return generateReport(store, defaultCatalog, { kind: "delarsrapport", period: parsePeriod("2021-T1..T2") as Period, generatedBy: "test" });
};

describe("texts written for another period", () => {
  it("are named in the report's notes when they name its kind of document", async () => {
    counter = 0;
    const report = await built([
      text("for-the-interim", "2021-01-01", "2021-08-31", ["delarsrapport"]),
      text("for-t1-interim", "2021-01-01", "2021-04-30", ["delarsrapport"]),
      text("for-the-t1-report", "2021-01-01", "2021-04-30"),
      text("for-the-year", "2021-01-01", "2021-12-31", ["verksamhetsberattelse"]),
    ]);
    expect(report.notes).toEqual([
      'the text "for-t1-interim" (section analys) is written for a delarsrapport of 2021-01-01..2021-04-30, not of 2021-01-01..2021-08-31: a text is printed in the reports of exactly its period, so it is not in this one',
    ]);
    expect(JSON.stringify(report.document)).toContain("Text for-the-interim.");
  });

  it("include a text written after its period ended: it is printed in that period's report", async () => {
    counter = 0;
    const late = { ...text("written-in-september", "2021-01-01", "2021-08-31"), effectiveAt: "2021-09-20" };
    expect(JSON.stringify((await built([late])).document)).toContain("Text written-in-september.");
  });

  it("leave no notes where every text of the kind is of the report's period", async () => {
    counter = 0;
    expect((await built([text("for-the-interim", "2021-01-01", "2021-08-31", ["delarsrapport"])])).notes).toBeUndefined();
  });
});
