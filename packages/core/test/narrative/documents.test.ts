import { describe, expect, it } from "vitest";
import { dataIssues, defaultCatalog, generateReport, memoryStore, parsePeriod, REPORT_KINDS, type EventDraft, type Period, type ReportBlock, type ReportSection } from "../../src/index.js";
import { NARRATIVE_DOCUMENTS } from "../../src/domains/narrative/events.js";

const text = (id: string, markdown: string, documents?: readonly string[]): EventDraft =>
  ({
    id,
    type: "narrative.written",
    effectiveAt: "2021-12-31",
    recordedAt: "2022-01-10T09:00:00.000Z",
    data: { narrativeId: id, kind: "introduction", from: "2021-01-01", to: "2021-12-31", section: "1", markdown, ...(documents === undefined ? {} : { documents }) },
  }) as EventDraft;

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);

const printed = async (kind: "verksamhetsberattelse" | "tertialrapport", drafts: readonly EventDraft[]): Promise<string> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const { document } = await generateReport(store, defaultCatalog, { kind, period: parsePeriod("2021") as Period, generatedBy: "test" });
  return JSON.stringify(blocksOf(document.sections));
};

describe("a text written for some kinds of document", () => {
  it("is printed in those only; a text that names none is printed in every document of its period", async () => {
    const drafts = [text("for-the-plan", "Planens inledning."), text("for-the-year", "Årets inledning.", ["verksamhetsberattelse"]), text("for-the-plan-only", "Bara planen.", ["verksamhetsplan"])];
    const annual = await printed("verksamhetsberattelse", drafts);
    expect(annual).toContain("Årets inledning.");
    expect(annual).toContain("Planens inledning.");
    expect(annual).not.toContain("Bara planen.");
  });

  it("names kinds of report only, and a text of version 1 (no kinds) still reads", () => {
    expect([...NARRATIVE_DOCUMENTS].sort()).toEqual([...REPORT_KINDS].sort());
    expect(dataIssues(defaultCatalog, { type: "narrative.written", schemaVersion: 1, data: { narrativeId: "n", kind: "introduction", from: "2021-01-01", to: "2021-12-31", section: "1", markdown: "Text." } })).toBeUndefined();
    const refused = dataIssues(defaultCatalog, { type: "narrative.written", schemaVersion: 2, data: { narrativeId: "n", kind: "introduction", from: "2021-01-01", to: "2021-12-31", section: "1", markdown: "Text.", documents: ["arsredovisning"] } });
    expect(refused?.map((found) => found.path)).toEqual(["data.documents[0]"]);
  });
});
