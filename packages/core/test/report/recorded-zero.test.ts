import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportDocument, type ReportSection } from "../../src/index.js";
import { NOTHING_REPORTED } from "../../src/report/builders/outline.js";

/**
 * A recorded zero against a blank: the outline has a section for joint projects and one for
 * research; the organisation records that no joint project was started in 2020 and says nothing
 * about research.
 */
let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `noll-${counter}`, type, effectiveAt, recordedAt: `2021-01-10T09:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const ZERO = "Inget gemensamt projekt startades under året.";

const outline = (emptySections: "omit" | "say-nothing-reported") => ({
  outlineId: "vb-2020",
  documentKind: "verksamhetsberattelse",
  fromYear: 2020,
  emptySections,
  chapters: [
    {
      heading: "Samverkan",
      sections: [
        { heading: "Så arbetade vi", blocks: [{ block: "narrative", section: "exempel" }] },
        { heading: "Gemensamma projekt", blocks: [{ block: "narrative", section: "projekt" }] },
        { heading: "Forskning", blocks: [{ block: "narrative", section: "forskning" }] },
      ],
    },
  ],
});

const log = (emptySections: "omit" | "say-nothing-reported", zeroYear = "2020"): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.outline-adopted", "2020-01-01", outline(emptySections)),
    draft("narrative.written", "2020-12-31", { narrativeId: "exempel", kind: "example", from: "2020-01-01", to: "2020-12-31", section: "exempel", markdown: "Ett gemensamt team mötte 40 deltagare." }),
    draft("narrative.written", `${zeroYear}-12-31`, { narrativeId: "inga-projekt", kind: "none-recorded", from: `${zeroYear}-01-01`, to: `${zeroYear}-12-31`, section: "projekt", markdown: ZERO }),
  ];
};

const reportOf = async (drafts: readonly EventDraft[]): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind: "verksamhetsberattelse", period: parsePeriod("2020") as Period, generatedBy: "test" })).document;
};

const printed = (sections: readonly ReportSection[]): string[] =>
  sections.flatMap((section) => [`${section.number} ${section.title}`, ...section.blocks.flatMap((block) => (block.kind === "paragraph" ? [block.markdown] : [])), ...printed(section.sections)]);

describe("a recorded zero: nothing of a kind this period, distinct from a blank", () => {
  it("prints the recorded zero where the outline puts its section, and leaves the blank section out", async () => {
    const document = await reportOf(log("omit"));
    expect(printed(document.sections)).toEqual(["1 Samverkan", "1.1 Så arbetade vi", "Ett gemensamt team mötte 40 deltagare.", "1.2 Gemensamma projekt", ZERO]);
  });

  it("keeps the zero distinct when the outline says so of blank sections: the blank says only that nothing is reported", async () => {
    const document = await reportOf(log("say-nothing-reported"));
    expect(printed(document.sections).slice(-4)).toEqual(["1.2 Gemensamma projekt", ZERO, "1.3 Forskning", NOTHING_REPORTED]);
  });

  it("says nothing is reported in a chapter whose only content is its own blocks, and numbers the chapters after it as printed", async () => {
    const withChapters = (emptySections: "omit" | "say-nothing-reported"): EventDraft[] => {
      const drafts = log(emptySections);
      const adopted = drafts[0] as EventDraft & { data: ReturnType<typeof outline> };
      const chapters = [{ heading: "Sammanfattning", blocks: [{ block: "narrative", section: "sammanfattning" }], sections: [] }, ...adopted.data.chapters];
      return [{ ...adopted, data: { ...adopted.data, chapters } } as EventDraft, ...drafts.slice(1)];
    };
    const said = printed((await reportOf(withChapters("say-nothing-reported"))).sections);
    expect(said.slice(0, 3)).toEqual(["1 Sammanfattning", NOTHING_REPORTED, "2 Samverkan"]);
    const omitted = printed((await reportOf(withChapters("omit"))).sections);
    expect(omitted[0]).toBe("1 Samverkan");
  });

  it("is marked as a recorded zero in the document (and so in the JSON output), unlike content and unlike a blank", async () => {
    const document = await reportOf(log("say-nothing-reported"));
    const paragraphs = (sections: readonly ReportSection[]): { markdown: string; recordedZero?: true }[] =>
      sections.flatMap((section) => [...section.blocks.flatMap((block) => (block.kind === "paragraph" ? [block] : [])), ...paragraphs(section.sections)]);
    const marked = paragraphs(document.sections).map((block) => [block.markdown, block.recordedZero ?? false]);
    expect(marked).toEqual([["Ett gemensamt team mötte 40 deltagare.", false], [ZERO, true], [NOTHING_REPORTED, false]]);
    expect(JSON.parse(JSON.stringify(document)).sections[0].sections[1].blocks[0]).toEqual({ kind: "paragraph", markdown: ZERO, recordedZero: true });
  });

  it("holds for its own period only: a zero recorded for another year is a blank in this one", async () => {
    const document = await reportOf(log("omit", "2019"));
    expect(printed(document.sections)).toEqual(["1 Samverkan", "1.1 Så arbetade vi", "Ett gemensamt team mötte 40 deltagare."]);
  });
});

describe("a recorded zero cannot sit beside content for the same section and period", () => {
  it("refuses content written for a section whose period has a recorded zero, and the reverse", async () => {
    const content = draft("narrative.written", "2020-12-31", { narrativeId: "projekt-ett", kind: "example", from: "2020-06-01", to: "2020-12-31", section: "projekt", markdown: "Ett projekt startade i juni." });
    const [adopted, , zero] = log("omit");
    const later = (entry: EventDraft | undefined): EventDraft => ({ ...(entry as EventDraft), recordedAt: "2021-02-01T09:00:00.000Z" });
    for (const drafts of [[...log("omit"), content], [adopted, content, later(zero)]]) {
      const store = memoryStore({ catalog: defaultCatalog });
      const outcome = await store.append(drafts.filter((entry): entry is EventDraft => entry !== undefined));
      expect(outcome.ok).toBe(false);
      expect(JSON.stringify(outcome)).toContain("a recorded zero (none-recorded) and content cannot both hold");
    }
  });

  it("accepts content for the same section in another period", async () => {
    const content = draft("narrative.written", "2021-12-31", { narrativeId: "projekt-2021", kind: "example", from: "2021-01-01", to: "2021-12-31", section: "projekt", markdown: "Ett projekt startade 2021." });
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append([...log("omit"), content])).ok).toBe(true);
  });
});
