import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportBlock, type ReportDocument, type ReportSection } from "../../src/index.js";
import { numberTables } from "../../src/report/builders/table-numbers.js";
import { fjallbygdenLog } from "../fixtures/fjallbygden.js";

const year2020 = parsePeriod("2020") as Period;

const reportOf = async (drafts: readonly EventDraft[], knownAt?: string): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  const built = await generateReport(store, defaultCatalog, { kind: "verksamhetsberattelse", period: year2020, generatedBy: "test", ...(knownAt === undefined ? {} : { knownAt }) });
  return built.document;
};

const headings = (sections: readonly ReportSection[]): string[] => sections.flatMap((section) => [`${section.number} ${section.title}`, ...headings(section.sections)]);

describe("a report shaped by its organisation's outline", () => {
  it("numbers another organisation's own layout and headings with no holes: an empty section is left out", async () => {
    const document = await reportOf(fjallbygdenLog());
    expect(headings(document.sections)).toEqual(["1 Om förbundet", "2 Myndigheterna samverkar kring den enskilde", "2.1 Så arbetade vi", "2.2 Vad vi lärde oss", "3 Fler invånare i fjällbygden mår bra", "3.1 Aktiviteter"]);
    expect(document.appendices.map((appendix) => `${appendix.number} ${appendix.title}`)).toEqual(["Bilaga 1 Teckenförklaring"]);
    expect(document.title.organisation).toBe("Fjällbygdens samordningsförbund");
    expect(document.title.lines).toEqual(["Förbundsstyrelsen", "Jämtlands län", "Dnr FSF 2021/7", "Beslutad av förbundsstyrelsen 2021-02-19"]);
  });

  it("uses the outline known at the report's known-at date: a later outline never rewrites an earlier report", async () => {
    const drafts = fjallbygdenLog({ revisedRecordedAt: "2021-06-01T09:00:00.000Z" });
    const asFirstPublished = await reportOf(drafts, "2021-03-01");
    expect(headings(asFirstPublished.sections)[0]).toBe("1 Om förbundet");
    expect(asFirstPublished.title.lines).toContain("Dnr FSF 2021/7");
    const asKnownNow = await reportOf(drafts);
    expect(headings(asKnownNow.sections)).toEqual(["1 Förbundet i korthet", "5 Fler invånare i fjällbygden mår bra", "5.1 Insatser", "5.2 Mätetal", "6 Myndigheterna samverkar kring den enskilde", "6.1 Lärdomar"]);
    const empty = asKnownNow.sections[1]?.sections[1];
    expect(empty?.blocks).toEqual([{ kind: "paragraph", markdown: "Inget att rapportera för perioden." }]);
  });

  it("reads an outline adopted from a later year only for that year's reports", async () => {
    const later = fjallbygdenLog().map((draft) => (draft.type === "publication.outline-adopted" ? { ...draft, data: { ...(draft.data as object), fromYear: 2021 } } : draft));
    const document = await reportOf(later);
    // Without an outline in force the built-in house places the narratives by their keys, still numbered without holes.
    expect(document.sections.map((section) => section.number)).toEqual(document.sections.map((_, index) => String(index + 1)));
    expect(headings(document.sections)).not.toContain("1 Om förbundet");
  });

  it("never hides content the outline does not name", async () => {
    const drafts = [...fjallbygdenLog(), { id: "fjall-extra", type: "narrative.written", effectiveAt: "2020-12-31", recordedAt: "2021-03-01T09:00:00.000Z", data: { narrativeId: "extra", kind: "example", from: "2020-01-01", to: "2020-12-31", section: "okand", title: "Ett extra exempel", markdown: "Något som saknar plats." } } as EventDraft];
    const document = await reportOf(drafts);
    expect(headings(document.sections).slice(-2)).toEqual(["4 Övrigt utanför dispositionen", "4.1 Ett extra exempel"]);
  });

  it("heads content the outline does not name by what it holds and whose it is, never by a slot's id", async () => {
    const withoutMetricTables = fjallbygdenLog().map((draft) =>
      draft.type === "publication.outline-adopted" ? ({ ...draft, data: JSON.parse(JSON.stringify(draft.data).replace(/\{"block":"metric-table","goalId":"([^"]*)"\}/g, '{"block":"narrative","section":"matetal-$1"}')) } as EventDraft) : draft,
    );
    const untitled = { id: "fjall-summary", type: "narrative.written", effectiveAt: "2020-12-31", recordedAt: "2021-03-01T09:00:00.000Z", data: { narrativeId: "summary", kind: "introduction", from: "2020-01-01", to: "2020-12-31", section: "sammanfattning", markdown: "Året i korthet." } } as EventDraft;
    const metric = [
      { id: "fjall-metric", type: "strategy.metric-defined", effectiveAt: "2020-01-01", recordedAt: "2021-03-01T09:00:01.000Z", data: { metricId: "nojda", goalId: "mal-halsa", name: "Nöjda deltagare", unit: "percent", dataSource: "enkät", frequency: "year", direction: "higher-is-better", target: { kind: "fixed", value: "0.8" }, result: { from: "recorded" } } },
      { id: "fjall-result", type: "strategy.metric-result-recorded", effectiveAt: "2020-12-31", recordedAt: "2021-03-01T09:00:02.000Z", data: { metricId: "nojda", from: "2020-01-01", to: "2020-12-31", value: "0.85" } },
    ] as EventDraft[];
    const document = await reportOf([...withoutMetricTables, untitled, ...metric]);
    const unplaced = headings(document.sections).slice(headings(document.sections).findIndex((heading) => heading.endsWith("Övrigt utanför dispositionen")));
    expect(unplaced.slice(1).map((heading) => heading.replace(/^\S+ /, ""))).toEqual(expect.arrayContaining(["Sammanfattning", "Mätetal: Fler invånare i fjällbygden mår bra"]));
    expect(unplaced.join("\n")).not.toMatch(/metric-table:|narrative:/);
  });

  it("refuses at append an outline that places a block twice, a plan's block in a follow-up, or a block without what it is for", async () => {
    const outline = (documentKind: string, chapters: unknown[]): EventDraft => ({ id: `outline-${documentKind}`, type: "publication.outline-adopted", effectiveAt: "2020-01-01", recordedAt: "2021-03-01T09:00:00.000Z", data: { outlineId: `o-${documentKind}`, documentKind, fromYear: 2020, chapters } }) as EventDraft;
    const refused = async (draft: EventDraft): Promise<string[]> => {
      const store = memoryStore({ catalog: defaultCatalog });
      expect((await store.append(fjallbygdenLog().filter((entry) => entry.type !== "publication.outline-adopted"))).ok).toBe(true);
      const outcome = await store.append([draft]);
      return outcome.ok ? [] : outcome.issues.map((found) => `${found.code} ${found.path}: ${found.message}`);
    };
    expect(await refused(outline("verksamhetsberattelse", [{ heading: "A", blocks: [{ block: "staff" }], sections: [{ heading: "B", blocks: [{ block: "narrative", section: "x" }, { block: "staff" }] }] }]))).toEqual([
      "conflict data.chapters[0].sections[0].blocks[1]: places staff a second time (first at data.chapters[0].blocks[0]): it would be printed twice",
    ]);
    expect(await refused(outline("tertialrapport", [{ heading: "A", sections: [{ blocks: [{ block: "plan-vision" }, { block: "plan-metric-targets" }] }] }]))).toEqual([
      "invalid-field data.chapters[0].sections[0].blocks[1].goalId: a plan-metric-targets block names the goal it shows",
      'invalid-field data.chapters[0].sections[0].blocks[0].block: "plan-vision" is a block of the plan (verksamhetsplan), which a tertialrapport does not print',
    ]);
    expect(await refused(outline("verksamhetsplan", [{ heading: "A", sections: [{ blocks: [{ block: "plan-area" }, { block: "plan-area", area: "x" }, { block: "narrative", section: "x" }] }] }]))).toEqual([
      "invalid-field data.chapters[0].sections[0].blocks[0].area: a plan-area block names the area it shows",
    ]);
  });

  it("numbers tables in print order, so two different tables never share a number, and footnotes follow", () => {
    const tableOf = (caption: string, note = ""): ReportBlock => ({ kind: "table", id: caption, caption, unitNote: null, align: [], head: [], body: [], foot: [], footnotes: note === "" ? [] : [{ mark: "*", markdown: note }] });
    const section = (blocks: ReportBlock[]): ReportSection => ({ id: "s", number: "1", title: "", blocks, sections: [] });
    const { sections } = numberTables([section([tableOf("Tabell 1 Kurser"), tableOf("Tabell 1 Budget"), tableOf("Tabell 2a Medel"), tableOf("Tabell 2b Andel", "Se Tabell 2a.")])], []);
    const tables = sections[0]?.blocks.flatMap((block) => (block.kind === "table" ? [block] : [])) ?? [];
    expect(tables.map((table) => table.caption)).toEqual(["Tabell 1 Kurser", "Tabell 2 Budget", "Tabell 3a Medel", "Tabell 3b Andel"]);
    expect(tables[3]?.footnotes[0]?.markdown).toBe("Se Tabell 3a.");
  });
});


describe("an organisation that adopts no outline", () => {
  const withoutOutline = (): EventDraft[] => {
    const drafts = fjallbygdenLog().filter((draft) => draft.type !== "publication.outline-adopted");
    const extra = (id: string, type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => ({ id, type, effectiveAt, recordedAt: "2021-02-21T09:00:00.000Z", data }) as EventDraft;
    return [
      ...drafts,
      extra("fjall-text-halsa", "narrative.written", "2020-12-31", { narrativeId: "halsa-inledning", kind: "introduction", from: "2020-01-01", to: "2020-12-31", section: "mal-halsa", markdown: "Hälsan följs upp i byarna." }),
      extra("fjall-staff", "staff.snapshot-recorded", "2020-12-31", { asOf: "2020-12-31", total: "4.50" }),
      extra("fjall-funder", "reference.funder-established", "2020-01-01", { funderId: "arvsfonden", name: "Arvsfonden", kind: "state" }),
      extra("fjall-application", "grants.application-submitted", "2020-06-30", { applicationId: "byapromenader", title: "Byapromenader", funderId: "arvsfonden", amount: "250000", submittedFrom: "2020-01-01" }),
    ];
  };

  it("gets a sound report from its own facts: its texts, its staff, its goals in number order; nothing of another organisation's", async () => {
    const document = await reportOf(withoutOutline());
    expect(headings(document.sections)).toEqual([
      // Texts keyed to no goal open the report, in the order of their keys (halsa-exempel, om, samverkan-exempel) …
      "1 Exempel på aktiviteter",
      "2 Om",
      "3 Exempel på aktiviteter",
      "4 Verksamheten",
      "4.1 Medarbetare",
      "5 Fler invånare i fjällbygden mår bra",
      // ("Myndigheterna samverkar …" has no text, metric or activity of its own: left out, as any empty chapter)
      // A block with no heading of its own stands in its chapter, under no empty heading.
      "6 Ansökningar om externa medel",
      // … except analyses and outlooks, which close it.
      "7 Analys",
    ]);
    expect(document.sections[5]?.blocks.some((block) => block.kind === "table")).toBe(true);
    // The text keyed by a goal's id stands in that goal's chapter.
    const halsa = document.sections[4];
    expect(halsa?.blocks).toContainEqual(expect.objectContaining({ kind: "paragraph", markdown: "Hälsan följs upp i byarna." }));
    expect(JSON.stringify(document)).not.toMatch(/Kommunal utveckling|3 K|Kurs och konferens/);
  });

  it("heads highlights by the 3 K only when they are tagged by them, the built-in themes", async () => {
    const highlight = (themes?: string[]): EventDraft =>
      ({ id: "fjall-highlight", type: "narrative.written", effectiveAt: "2020-12-31", recordedAt: "2021-02-22T09:00:00.000Z", data: { narrativeId: "hojdpunkt", kind: "highlight", from: "2020-01-01", to: "2020-12-31", section: "hojdpunkter", markdown: "Tre nya byteam startade.", ...(themes === undefined ? {} : { themes }) } }) as EventDraft;
    const plain = headings((await reportOf([...withoutOutline(), highlight()])).sections);
    expect(plain).toContainEqual(expect.stringMatching(/^\d+ Viktiga händelser$/));
    const tagged = headings((await reportOf([...withoutOutline(), highlight(["kvalitetshojning"])])).sections);
    expect(tagged).toContainEqual(expect.stringMatching(/^\d+ Viktiga händelser med koppling till våra 3 K/));
  });

  it("puts texts whose key names no goal, but which all name one by goalId, in that goal's chapter", async () => {
    const byGoal = (id: string, goalId: string | undefined): EventDraft =>
      ({ id, type: "narrative.written", effectiveAt: "2020-12-31", recordedAt: "2021-02-22T09:00:00.000Z", data: { narrativeId: id, kind: "example", from: "2020-01-01", to: "2020-12-31", section: "byarna", markdown: `Text ${id}.`, ...(goalId === undefined ? {} : { goalId }) } }) as EventDraft;
    const named = await reportOf([...withoutOutline(), byGoal("by-1", "mal-samverkan"), byGoal("by-2", "mal-samverkan")]);
    const samverkan = named.sections.find((section) => section.title === "Myndigheterna samverkar kring den enskilde");
    expect(samverkan?.blocks).toContainEqual(expect.objectContaining({ kind: "paragraph", markdown: "Text by-1." }));
    // One text of the key naming no goal: the key is no goal's, and its texts stand in a chapter of their own.
    const mixed = await reportOf([...withoutOutline(), byGoal("by-1", "mal-samverkan"), byGoal("by-2", undefined)]);
    expect(mixed.sections.find((section) => section.title === "Myndigheterna samverkar kring den enskilde")).toBeUndefined();
    expect(headings(mixed.sections)).toContainEqual(expect.stringMatching(/^\d+ Exempel på aktiviteter$/));
  });
});

