/**
 * A second, fictional organisation (Norrsjö folkbildningsråd) tags its work with two themes of its
 * own, hållbarhet and delaktighet, defined in its log: its highlights are headed and grouped by
 * exactly those themes, with its own labels, never by the first organisation's 3 K. A theme
 * neither built in nor defined is refused at append, and lines written before themes were open
 * (version 2's `threeK`) still replay as the built-in themes.
 */
import { describe, expect, it } from "vitest";
import { allBlocks, documentOf } from "./document-reading.js";
import { ActivityPlanned, decodeData, defaultCatalog, memoryStore, NarrativeWritten, parsePeriod, type EventDraft, type Period, type ReportDocument, type ReportSection, type StoredEvent } from "../../src/index.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>, schemaVersion?: number): EventDraft => {
  counter += 1;
  return { id: `norrsjo-${counter}`, type, effectiveAt, recordedAt: `2020-05-10T10:00:${String(counter).padStart(2, "0")}.000Z`, ...(schemaVersion === undefined ? {} : { schemaVersion }), data } as EventDraft;
};

const SPAN = { from: "2020-01-01", to: "2020-04-30" };

const highlight = (narrativeId: string, order: number, markdown: string, tags?: { readonly themes?: readonly string[]; readonly threeK?: readonly string[] }, schemaVersion?: number): EventDraft =>
  draft("narrative.written", SPAN.to, { narrativeId, kind: "highlight", ...SPAN, section: "hojdpunkter", markdown, order, ...tags }, schemaVersion);

const profile = (): EventDraft => draft("publication.organisation-profiled", "2020-01-01", { name: "Norrsjö folkbildningsråd", county: "Norrsjö län", responsibleBody: "Rådets styrelse" });

const themes = (): EventDraft[] => [
  draft("narrative.theme-defined", "2020-01-01", { themeId: "hallbarhet", name: "hållbarhet", label: "Hållbarhet" }),
  draft("narrative.theme-defined", "2020-01-01", { themeId: "delaktighet", name: "delaktighet", label: "Delaktighet" }),
];

/** Highlights tagged by its themes (delaktighet written first, hållbarhet defined first), one by both, one untagged. */
const norrsjoLog = (): EventDraft[] => {
  counter = 0;
  return [
    profile(),
    ...themes(),
    draft("strategy.goal-established", "2020-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: "Fler deltar i studiecirklar" }),
    draft("activities.activity-planned", "2020-01-01", { activityId: "cirklar", title: "Studiecirklar i byarna", goalId: "mal-1", year: 2020, themes: ["delaktighet"] }),
    highlight("byarna", 1, "Studiecirklar startade i fyra byar.", { themes: ["delaktighet"] }),
    highlight("solceller", 2, "Folkhögskolan fick solceller på taket.", { themes: ["hallbarhet"] }),
    highlight("cykel", 3, "Deltagarna cyklade till kursgården.", { themes: ["hallbarhet", "delaktighet"] }),
    highlight("jubileum", 4, "Rådet firade 50 år."),
  ];
};

const T1 = parsePeriod("2020-T1") as Period;

const sectionWith = (document: ReportDocument, text: string): ReportSection | undefined => {
  const find = (sections: readonly ReportSection[]): ReportSection | undefined =>
    sections.flatMap((section) => (section.blocks.some((block) => block.kind === "paragraph" && block.markdown.includes(text)) ? [section] : [find(section.sections)].filter((found) => found !== undefined)))[0];
  return find(document.sections);
};

const paragraphsOf = (section: ReportSection | undefined): string[] => (section?.blocks ?? []).flatMap((block) => (block.kind === "paragraph" ? [block.markdown] : []));

/** The first organisation's themes as its report prints them. */
const FIRST_ORGANISATION = ["3 K", "ostnadseffektivitet", "ompetenshöjning", "valitetshöjning"];

describe("a second organisation with themes of its own", () => {
  it("heads its highlights by its own themes and groups them under its own labels, in the order it defined them", async () => {
    const document = await documentOf(norrsjoLog(), "tertialrapport", T1);
    const section = sectionWith(document, "Studiecirklar startade");
    expect(section?.title).toBe("Viktiga händelser med koppling till hållbarhet och delaktighet");
    expect(paragraphsOf(section)).toEqual([
      "**Hållbarhet**\n\n- Folkhögskolan fick solceller på taket.\n- Deltagarna cyklade till kursgården.",
      "**Delaktighet**\n\n- Studiecirklar startade i fyra byar.\n- Deltagarna cyklade till kursgården.",
      "- Rådet firade 50 år.",
    ]);
    const printed = JSON.stringify(allBlocks(document)) + JSON.stringify(document.sections.map((each) => each.title));
    expect(FIRST_ORGANISATION.filter((word) => printed.includes(word))).toEqual([]);
  });

  it("refuses a theme neither built in nor defined earlier, at data.themes, and stores nothing of the batch", async () => {
    counter = 0;
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append([profile(), draft("strategy.goal-established", "2020-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: "Ett" })])).ok).toBe(true);
    const before = store.events().length;
    const outcome = await store.append([
      highlight("byarna", 1, "Studiecirklar startade i fyra byar.", { themes: ["kvalitetshojning", "delaktighet"] }),
      draft("activities.activity-planned", "2020-01-01", { activityId: "cirklar", title: "Studiecirklar", goalId: "mal-1", year: 2020, themes: ["hallbarhet"] }),
    ]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues.map((found) => [found.code, found.path, found.actual])).toEqual([
      ["unknown-reference", "data.themes[1]", "delaktighet"],
      ["unknown-reference", "data.themes[0]", "hallbarhet"],
    ]);
    expect(outcome.issues[0]?.expected).toBe("a built-in theme (kostnadseffektivitet, kompetenshojning, kvalitetshojning) or one defined earlier by narrative.theme-defined (none is)");
    expect(store.events().length).toBe(before);
  });

  it("refuses a definition of a built-in theme and a second definition that does not supersede the first", async () => {
    counter = 0;
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append([
      ...themes(),
      draft("narrative.theme-defined", "2020-01-01", { themeId: "hallbarhet", name: "hållbar utveckling", label: "Hållbar utveckling" }),
      draft("narrative.theme-defined", "2020-01-01", { themeId: "kvalitetshojning", name: "kvalitet", label: "Kvalitet" }),
    ]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.code, found.path])).toEqual([
      ["conflict", "data.themeId"],
      ["conflict", "data.themeId"],
    ]);
    expect(store.events()).toEqual([]);
  });
});

describe("lines written before themes were open", () => {
  const stored = (type: string, schemaVersion: number, data: unknown) => ({ id: "x", type, schemaVersion, effectiveAt: "2020-04-30", recordedAt: "2020-05-10T08:00:00.000Z", seq: 1, data, prevHash: "0".repeat(64), hash: "0".repeat(64) }) as StoredEvent;

  it("lift version 2's threeK to the built-in themes, and version 3 takes themes only", () => {
    expect(NarrativeWritten.latest.version).toBe(3);
    expect(ActivityPlanned.latest.version).toBe(3);
    const text = { narrativeId: "n", kind: "highlight", ...SPAN, section: "1.1", markdown: "x", threeK: ["kompetenshojning"], order: 2 };
    const lifted = decodeData(defaultCatalog, stored(NarrativeWritten.type, 2, text));
    expect(lifted.ok && lifted.event.data).toEqual({ narrativeId: "n", kind: "highlight", ...SPAN, section: "1.1", markdown: "x", themes: ["kompetenshojning"], order: 2 });
    expect(decodeData(defaultCatalog, stored(NarrativeWritten.type, 3, text)).ok).toBe(false);
    expect(decodeData(defaultCatalog, stored(NarrativeWritten.type, 2, { ...text, threeK: ["hallbarhet"] })).ok).toBe(false);
    const activity = { activityId: "a", title: "A", goalId: "g", year: 2020, threeK: ["kostnadseffektivitet"], focusAreaIds: ["f"] };
    const liftedActivity = decodeData(defaultCatalog, stored(ActivityPlanned.type, 2, activity));
    expect(liftedActivity.ok && liftedActivity.event.data).toEqual({ activityId: "a", title: "A", goalId: "g", year: 2020, themes: ["kostnadseffektivitet"], focusAreaIds: ["f"] });
  });

  it("replay as the first organisation's report heads them: by the 3 K", async () => {
    counter = 0;
    const document = await documentOf(
      [profile(), highlight("a", 1, "Digitala möten sparade resor.", { threeK: ["kostnadseffektivitet"] }, 2), highlight("b", 2, "Fler gick utbildningen.", { threeK: ["kompetenshojning"] }, 2)],
      "tertialrapport",
      T1,
    );
    const section = sectionWith(document, "Digitala möten");
    expect(section?.title).toBe("Viktiga händelser med koppling till våra 3 K - kostnadseffektivitet, kompetenshöjning och kvalitetshöjning");
    expect(paragraphsOf(section)).toEqual(["**Kostnadseffektivitet**\n\n- Digitala möten sparade resor.", "**Kompetenshöjning**\n\n- Fler gick utbildningen."]);
  });
});
