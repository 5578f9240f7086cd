import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportSection } from "../../src/index.js";
import { FIRST_OUTLINE, fjallbygdenLog } from "../fixtures/fjallbygden.js";

const year2020 = parsePeriod("2020") as Period;
// After the last line of the base log, so every adoption comes later.
const BASE_RECORDED = Date.parse("2021-01-11T00:00:00.000Z");
const HOUR = 3_600_000;

/** One adoption of an outline: the year it applies from, hours after the base log it was recorded, and the order of its goal chapters. */
interface Adoption {
  readonly fromYear: number;
  readonly hoursLater: number;
  readonly goalsSwapped: boolean;
}

const arbAdoptions = fc.array(fc.record({ fromYear: fc.constantFrom(2019, 2020, 2021), hoursLater: fc.integer({ min: 1, max: 24 * 700 }), goalsSwapped: fc.boolean() }), { maxLength: 5 });

/** Each adoption's first chapter is headed by its place in the list, so a report shows which outline it used. */
const headingOf = (index: number): string => `Om förbundet, disposition ${index + 1}`;

const outlineDraft = (adoption: Adoption, index: number, recordedAt: string): EventDraft => {
  const [about, ...goals] = FIRST_OUTLINE.chapters;
  const chapters = [{ ...about, heading: headingOf(index) }, ...(adoption.goalsSwapped ? [...goals].reverse() : goals)];
  return { id: `fjall-outline-${index}`, type: "publication.outline-adopted", effectiveAt: "2020-01-01", recordedAt, data: { ...FIRST_OUTLINE, outlineId: `vb-${index}`, fromYear: adoption.fromYear, chapters } } as EventDraft;
};

/** The base log, then the adoptions in the order they were recorded (a log never goes back in time). */
const logOf = (adoptions: readonly Adoption[]): { drafts: EventDraft[]; recorded: number[] } => {
  const times = adoptions.map((adoption) => BASE_RECORDED + adoption.hoursLater * HOUR).sort((a, b) => a - b);
  const adoptionDrafts = adoptions.map((adoption, index) => outlineDraft(adoption, index, new Date(times[index] ?? BASE_RECORDED).toISOString()));
  const base = fjallbygdenLog().filter((draft) => draft.type !== "publication.outline-adopted" && draft.type !== "publication.document-registered");
  return { drafts: [...base, ...adoptionDrafts], recorded: times };
};

/** The model: of the adoptions recorded by the cut-off and applying by 2020, the latest start year wins, and the later recorded among equals. */
const expectedOutline = (adoptions: readonly Adoption[], recorded: readonly number[], cutoff: number): number | undefined => {
  let chosen: number | undefined;
  adoptions.forEach((adoption, index) => {
    if ((recorded[index] ?? Infinity) > cutoff || adoption.fromYear > 2020) return;
    const current = chosen === undefined ? undefined : adoptions[chosen];
    if (current === undefined || current.fromYear <= adoption.fromYear) chosen = index;
  });
  return chosen;
};

const headings = (sections: readonly ReportSection[]): string[] => sections.flatMap((section) => [`${section.number} ${section.title}`, ...headings(section.sections)]);

const reportHeadings = async (drafts: readonly EventDraft[], knownAt?: string): Promise<string[]> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const appended = await store.append(drafts);
  if (!appended.ok) throw new Error(JSON.stringify(appended.issues));
  const built = await generateReport(store, defaultCatalog, { kind: "verksamhetsberattelse", period: year2020, generatedBy: "law", ...(knownAt === undefined ? {} : { knownAt }) });
  return headings(built.document.sections);
};

describe("law: a report uses the outline in force as known at its known-at date", () => {
  it("as known at any instant, the headings are the model's outline's, and the same as from only the lines recorded by then", async () => {
    await fc.assert(
      fc.asyncProperty(arbAdoptions, fc.integer({ min: 0, max: 24 * 720 }), async (adoptions, hoursAfterBase) => {
        const { drafts, recorded } = logOf(adoptions);
        const cutoff = BASE_RECORDED + hoursAfterBase * HOUR;
        const knownAt = new Date(cutoff).toISOString();
        const asKnown = await reportHeadings(drafts, knownAt);
        const prefix = drafts.filter((draft) => draft.recordedAt !== undefined && Date.parse(draft.recordedAt) <= cutoff);
        expect(asKnown).toEqual(await reportHeadings(prefix));
        const chosen = expectedOutline(adoptions, recorded, cutoff);
        if (chosen === undefined) expect(asKnown.some((heading) => heading.includes("disposition"))).toBe(false);
        else {
          expect(asKnown[0]).toBe(`1 ${headingOf(chosen)}`);
          const goalChapters = asKnown.filter((heading) => /^\d+ /.test(heading)).slice(1);
          expect(goalChapters[0]?.includes(adoptions[chosen]?.goalsSwapped === true ? "fjällbygden" : "Myndigheterna")).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
