import { describe, expect, it } from "vitest";
import { coursesProjection, defaultCatalog, memorySnapshots, defaultHouse, defineSection, placed, type ReportHouse, generateReport, memoryStore, parsePeriod, replayMany, reportFiguresOf, type EventDraft, type EventSource, type Period, type ReportBlock, type ReportDocument, type ReportSection } from "../../src/index.js";
import { inlineFigureProblems, MISSING_FIGURE_TEXT, parseInlineFigure } from "../../src/domains/narrative/inline-figures.js";
import { comparisonsNamed, resolveInlineFigures } from "../../src/report/builders/inline-figures.js";
import { metricDescriptionsProjection } from "../../src/report/builders/metric-descriptions.js";
import { narrativeProjection, type NarrativeEntry } from "../../src/domains/narrative/narrative.js";
import { ReportResults } from "../../src/report/replay-many.js";
import { fjallbygdenLog } from "../fixtures/fjallbygden.js";

const INTERIM = parsePeriod("2020-T1..T2") as Period;

/** The course register's cancellations for a span, as Bilaga 2's facts are recorded. */
const cancelled = (id: string, from: string, to: string, count: number, recordedAt: string, source?: Record<string, unknown>): EventDraft =>
  ({ id, type: "courses.period-summary-recorded", effectiveAt: to, recordedAt, data: { from, to, cancelled: count }, ...(source === undefined ? {} : { source }) }) as EventDraft;

const narrative = (id: string, markdown: string, recordedAt = "2020-09-12T08:00:00.000Z"): EventDraft =>
  ({ id: `narrative-${id}`, type: "narrative.written", effectiveAt: "2020-08-31", recordedAt, data: { narrativeId: id, kind: "analysis", from: "2020-01-01", to: "2020-08-31", section: "6.2", markdown } }) as EventDraft;

const COURSES: readonly EventDraft[] = [
  cancelled("summary-2019", "2019-01-01", "2019-12-31", 9, "2020-09-05T08:00:00.000Z", { document: "Delårsrapport 2020", note: "Rekonstruerat ur verksamhetsberättelsen 2019." }),
  cancelled("summary-2020-h1", "2020-01-01", "2020-06-30", 23, "2020-09-05T08:00:01.000Z"),
];

const CANCELLED_TEXT = "{{courses.cancelled}} ställdes in, mot {{courses.cancelled compare=previous-year suffix=nej}} under hela 2019.";

/** A key figure no fold of the house reads for an earlier period: a text naming last year's needs a pass of its own. */
const followers = (id: string, asOf: string, value: string, recordedAt: string): EventDraft =>
  ({ id, type: "indicator.value-recorded", effectiveAt: asOf, recordedAt, data: { indicatorId: "foljare", name: "Följare", unit: "count", value } }) as EventDraft;

const FOLLOWERS: readonly EventDraft[] = [followers("followers-2019", "2019-12-31", "41", "2020-09-06T08:00:00.000Z"), followers("followers-2020", "2020-08-31", "66", "2020-09-06T08:00:01.000Z")];

const FOLLOWERS_TEXT = "{{indicator.value indicator=foljare decimals=0}} följare, mot {{indicator.value indicator=foljare compare=previous-year decimals=0}} vid utgången av 2019.";

/** A log's store read through `read` alone, counting each read of the log from its start or a position. */
const countingSource = (store: EventSource): { readonly source: EventSource; readonly reads: () => number } => {
  let reads = 0;
  return {
    source: {
      read: (options) => {
        reads += 1;
        return store.read(options);
      },
    },
    reads: () => reads,
  };
};

/** A store of the drafts in the order they were recorded (a stable sort keeps a fixture's own order). */
const storeOf = async (drafts: readonly EventDraft[]): Promise<EventSource> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append([...drafts].sort((a, b) => (a.recordedAt ?? "").localeCompare(b.recordedAt ?? "")));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return store;
};

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);
const paragraphs = (document: ReportDocument) => [...document.sections, ...document.appendices].flatMap((section) => blocksOf([section])).flatMap((block) => (block.kind === "paragraph" ? [block] : []));
/** Printed text with the formatter's no-break spaces as plain ones, for comparison. */
const plain = (text: string | undefined): string | undefined => text?.replace(/[\u00a0\u202f]/g, " ");
const paragraphWith = (document: ReportDocument, words: string) => paragraphs(document).find((block) => block.markdown.includes(words));

describe("a placeholder naming a comparison period", () => {
  it("is read with its comparison, relative to the report period, and every Comparison kind is accepted", () => {
    for (const compare of ["same-period-last-year", "previous-year", "previous-tertial"] as const) {
      expect(parseInlineFigure("courses.cancelled", ` compare=${compare} suffix=nej`)).toEqual({ key: "courses.cancelled", params: {}, unit: undefined, decimals: undefined, suffix: false, signed: true, words: undefined, compare });
    }
    // Not a parameter of the figure: a figure asked with `compare` among its parameters would be an unknown one.
    expect(parseInlineFigure("finance.outcome", ' row="kurs-och-konferens"')).toMatchObject({ params: { row: "kurs-och-konferens" }, compare: undefined });
  });

  it("is refused when the comparison is not one the report knows", () => {
    expect(parseInlineFigure("courses.cancelled", " compare=2019")).toBe('compare must be one of same-period-last-year, previous-year, previous-tertial in {{courses.cancelled …}}, not "2019"');
    expect(inlineFigureProblems("{{courses.cancelled compare=last-year}} och {{courses.held compare=previous-year}}", defaultCatalog)).toEqual(['compare must be one of same-period-last-year, previous-year, previous-tertial in {{courses.cancelled …}}, not "last-year"']);
  });

  it("is refused at append with the event's id and the field that holds it, in a narrative and in a metric's description", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append([narrative("fel-jamforelse", "Mot {{courses.cancelled compare=förra-året}} året före.")]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues).toEqual([expect.objectContaining({ eventId: "narrative-fel-jamforelse", path: "data.markdown", message: expect.stringContaining('compare must be one of') })]);
    // A metric's description is checked by the strategy rule: its other problems (here an unknown metric) come beside it.
    const described = await store.append([
      { id: "described-kurser", type: "strategy.metric-result-described", effectiveAt: "2020-06-30", recordedAt: "2020-09-12T08:00:01.000Z", data: { metricId: "kurser", from: "2020-01-01", to: "2020-06-30", markdown: "Mot {{courses.cancelled compare=helaaret}}." } } as EventDraft,
    ]);
    expect(described.ok).toBe(false);
    if (!described.ok) expect(described.issues).toContainEqual(expect.objectContaining({ eventId: "described-kurser", path: "data.markdown", message: expect.stringContaining('not "helaaret"') }));
  });

  it("prints the comparison period's figure, defined for that period by name, with the facts behind it and their basis", async () => {
    const { document } = await generateReport(await storeOf([...COURSES, narrative("installda", CANCELLED_TEXT)]), defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
    const paragraph = paragraphWith(document, "ställdes in");
    // The 2019 summary is reconstructed: its figure carries the mark the renderers explain.
    expect(plain(paragraph?.markdown)).toBe("23 kurser ställdes in, mot 9† under hela 2019.");
    expect(paragraph?.figures?.map((figure) => ({ definition: figure.definition, exact: figure.exact, evidence: figure.evidence, basis: figure.basis }))).toEqual([
      { definition: { key: "courses.cancelled", params: {}, period: "2020-T1..T2" }, exact: "23", evidence: ["summary-2020-h1"], basis: "recorded" },
      { definition: { key: "courses.cancelled", params: {}, period: "2019" }, exact: "9", evidence: ["summary-2019"], basis: "reconstructed" },
    ]);
    // The report's figure index, which the audit's coverage and the evidence appendix walk, finds it under 2019.
    const indexed = [...reportFiguresOf(document).values()].map((entry) => entry.figure).filter((figure) => figure.definition?.period === "2019");
    expect(indexed.map((figure) => [figure.definition?.key, figure.exact])).toEqual([["courses.cancelled", "9"]]);
  });

  it("prints a blank in words when the comparison's facts were not yet recorded at the known-at date", async () => {
    const late = [COURSES[1] as EventDraft, narrative("installda", CANCELLED_TEXT), cancelled("summary-2019", "2019-01-01", "2019-12-31", 9, "2020-10-01T08:00:00.000Z")];
    const store = await storeOf(late);
    const before = await generateReport(store, defaultCatalog, { kind: "delarsrapport", period: INTERIM, knownAt: "2020-09-15", generatedBy: "test" });
    expect(plain(paragraphWith(before.document, "ställdes in")?.markdown)).toBe(`23 kurser ställdes in, mot ${MISSING_FIGURE_TEXT} under hela 2019.`);
    const after = await generateReport(store, defaultCatalog, { kind: "delarsrapport", period: INTERIM, knownAt: "2020-10-15", generatedBy: "test" });
    expect(plain(paragraphWith(after.document, "ställdes in")?.markdown)).toBe("23 kurser ställdes in, mot 9 under hela 2019.");
  });

  it("reads the log a second time only when a text names a comparison the report's folds do not hold", async () => {
    const noComparison = await storeOf([...COURSES, narrative("installda", "{{courses.cancelled}} ställdes in.")]);
    // One replay of the report's folds: what a report costs when its texts name no comparison.
    const alone = countingSource(noComparison);
    await replayMany(alone.source, defaultCatalog, [{ projection: coursesProjection, period: "report" }], { period: INTERIM });
    const onePass = alone.reads();
    expect(onePass).toBeGreaterThan(0);

    const none = countingSource(noComparison);
    await generateReport(none.source, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
    expect(none.reads()).toBe(onePass);

    // The courses appendix folds the same period last year already: a text naming it reads that fold, not the log again.
    const folded = countingSource(await storeOf([...COURSES, narrative("installda", "{{courses.cancelled compare=same-period-last-year}} året före.")]));
    await generateReport(folded.source, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
    expect(folded.reads()).toBe(onePass);

    // 2019's courses are folded for a metric's comparison anyway: the text's figure is made from that fold.
    const adopted = countingSource(await storeOf([...COURSES, narrative("installda", CANCELLED_TEXT)]));
    const { document: withCourses } = await generateReport(adopted.source, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
    expect(adopted.reads()).toBe(onePass);
    expect(plain(paragraphWith(withCourses, "ställdes in")?.markdown)).toContain("mot 9† under hela 2019");

    const compared = countingSource(await storeOf([...COURSES, ...FOLLOWERS, narrative("foljare", FOLLOWERS_TEXT)]));
    const { document } = await generateReport(compared.source, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
    expect(compared.reads()).toBe(2 * onePass);
    expect(plain(paragraphWith(document, "följare")?.markdown)).toBe("66 följare, mot 41 vid utgången av 2019.");
    // The second pass changes no provenance: the footer counts the log as the first pass read it.
    expect(document.provenance.eventCount).toBe(5);
  });
});

describe("a report whose texts name a comparison, from snapshots", () => {
  it("resumes both passes from their own snapshots, as tertial snapshot takes them, and prints what a replay from the first line prints", async () => {
    const store = await storeOf([...COURSES, ...FOLLOWERS, narrative("installda", CANCELLED_TEXT), narrative("foljare", FOLLOWERS_TEXT)]);
    const snapshots = memorySnapshots();
    const options = { kind: "delarsrapport", period: INTERIM, generatedBy: "test" } as const;
    await generateReport(store, defaultCatalog, { ...options, snapshots: { store: snapshots, code: "test", every: 1 } });
    // One plan per pass: the report's folds (2019's courses among them), and the 2019 key figure only a text names.
    expect(new Set(snapshots.all().map((snapshot) => snapshot.plan)).size).toBe(2);
    const starts: number[] = [];
    const source: EventSource = {
      read: (readOptions) => {
        starts.push(readOptions?.fromSeq ?? 0);
        return store.read(readOptions);
      },
    };
    const resumed = await generateReport(source, defaultCatalog, { ...options, snapshots: { store: snapshots, code: "test" } });
    // Each pass read on from its snapshot at the log's end, never from the first event.
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...starts)).toBeGreaterThan(0);
    const replayed = await generateReport(store, defaultCatalog, options);
    expect(resumed.document).toEqual(replayed.document);
    // The 2019 course figure rests on a reconstructed fact: marked † as in a replay from the first line.
    expect(plain(paragraphWith(resumed.document, "under hela 2019")?.markdown)).toContain("mot 9† under hela 2019");
    expect(plain(paragraphWith(resumed.document, "följare")?.markdown)).toContain("mot 41 vid utgången av 2019");
  });
});

describe("a report whose second pass meets a writer", () => {
  it("prints only what the first pass's head holds, though a correction is appended between the passes", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const drafts = [...COURSES, ...FOLLOWERS, narrative("foljare", FOLLOWERS_TEXT)].sort((a, b) => (a.recordedAt ?? "").localeCompare(b.recordedAt ?? ""));
    const appended = await store.append(drafts);
    if (!appended.ok) throw new Error(JSON.stringify(appended.issues));
    let reads = 0;
    // The first pass reads twice (corrections, then the fold); before the third read a writer corrects 2019's value.
    const source: EventSource = {
      read: (readOptions) =>
        (async function* () {
          reads += 1;
          if (reads === 3) {
            const late = await store.append([{ ...followers("followers-2019-corrected", "2019-12-31", "999", "2020-09-20T08:00:00.000Z"), supersedes: "followers-2019" } as EventDraft]);
            if (!late.ok) throw new Error(JSON.stringify(late.issues));
          }
          yield* store.read(readOptions);
        })(),
    };
    const { document } = await generateReport(source, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
    expect(reads).toBe(4);
    expect(plain(paragraphWith(document, "följare")?.markdown)).toBe("66 följare, mot 41 vid utgången av 2019.");
    expect(document.provenance.eventCount).toBe(drafts.length);
    // Asked again, the report sees the correction, in its text and in its footer alike.
    const again = await generateReport(store, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
    expect(plain(paragraphWith(again.document, "följare")?.markdown)).toBe("66 följare, mot 999 vid utgången av 2019.");
    expect(again.document.provenance.logHash).not.toBe(document.provenance.logHash);
  });
});

describe("the texts' comparisons, found before the report is built", () => {
  // Branded ids and dates, as the codec gives them.
  const entry = (narrativeId: string, markdown: string): NarrativeEntry => ({ narrativeId, kind: "analysis", from: "2020-01-01", to: "2020-08-31", section: "6.2", markdown, eventId: `narrative-${narrativeId}` }) as unknown as NarrativeEntry;
  const resultsOf = (narratives: readonly string[], description?: string): ReportResults => {
    const results = new ReportResults().set(narrativeProjection, "report", { period: INTERIM.name, entries: narratives.map((markdown, index) => entry(`n${index}`, markdown)), bySection: {}, themes: [], otherPeriods: [] });
    return description === undefined ? results : results.set(metricDescriptionsProjection, "report", { byMetric: { kurser: [{ from: "2020-01-01", to: "2020-06-30", markdown: description, eventId: "described" }] } });
  };

  it("are each projection and period a narrative or a metric's description names, once, and none when no text names one", () => {
    expect(comparisonsNamed(resultsOf(["{{courses.cancelled}} och {{courses.held compare=same-period-last-year}}.", "{{courses.participants compare=same-period-last-year}}"], "Mot {{courses.cancelled compare=previous-year}} och {{staffing.fte asOf=2019-12-31 compare=previous-tertial}}."), defaultCatalog)).toEqual([
      { projection: coursesProjection, period: "same-period-last-year" },
      { projection: coursesProjection, period: "previous-year" },
      { projection: defaultCatalog.figure("staffing.fte")?.projection, period: "previous-tertial" },
    ]);
    expect(comparisonsNamed(resultsOf(["{{courses.cancelled}} ställdes in.", "compare= som ord, inte i en platshållare"]), defaultCatalog)).toEqual([]);
    // A malformed or unknown placeholder names nothing to fold: it prints as missing.
    expect(comparisonsNamed(resultsOf(["{{courses.cancelled compare=förra}} {{courses.nothing compare=previous-year}}"]), defaultCatalog)).toEqual([]);
  });
});

/** A house with a builder of its own whose text is no event the report's scan of the texts knows. */
const houseWithOwnText = (markdown: string): ReportHouse => ({
  ...defaultHouse,
  builders: [
    ...defaultHouse.builders,
    defineSection({ name: "own-text", build: (context) => {
      const { markdown: resolved, figures } = resolveInlineFigures(context, "egen", markdown);
      return placed("narrative:egen", "9.9", "Egen text", [{ kind: "paragraph", markdown: resolved, figures }]);
    } }),
  ],
});

describe("a text a house's own builder resolves", () => {
  it("still gets its comparison: noted when built, made from a fold that ran or folded, and the document built once more", async () => {
    const noComparison = await storeOf([...COURSES, narrative("installda", "{{courses.cancelled}} ställdes in.")]);
    const alone = countingSource(noComparison);
    await replayMany(alone.source, defaultCatalog, [{ projection: coursesProjection, period: "report" }], { period: INTERIM });
    const counted = countingSource(noComparison);
    const { document } = await generateReport(counted.source, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test", house: houseWithOwnText("Hela 2019: {{courses.cancelled compare=previous-year suffix=nej}}.") });
    // 2019's courses were folded for another need: made from that fold, and the document built again.
    expect(paragraphWith(document, "Hela 2019")?.markdown).toBe("Hela 2019: 9†.");
    expect(counted.reads()).toBe(alone.reads());
    const withFollowers = await storeOf([...COURSES, ...FOLLOWERS, narrative("installda", "{{courses.cancelled}} ställdes in.")]);
    const once = countingSource(withFollowers);
    await replayMany(once.source, defaultCatalog, [{ projection: coursesProjection, period: "report" }], { period: INTERIM });
    const twice = countingSource(withFollowers);
    const { document: own } = await generateReport(twice.source, defaultCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test", house: houseWithOwnText("Vid utgången av 2019: {{indicator.value indicator=foljare compare=previous-year decimals=0}}.") });
    expect(paragraphWith(own, "Vid utgången")?.markdown).toBe("Vid utgången av 2019: 41.");
    expect(twice.reads()).toBe(2 * once.reads());
  });
});

describe("another organisation's text naming the same period last year", () => {
  it("prints last year's figure in its annual report with no change to the text for the next year", async () => {
    const text = "Förbundets utbildningar samlade {{courses.participants}}, mot {{courses.participants compare=same-period-last-year suffix=nej}} året före.";
    const participants = (id: string, year: number, total: number): EventDraft =>
      ({ id, type: "courses.period-summary-recorded", effectiveAt: `${year}-12-31`, recordedAt: `${year + 1}-01-05T09:00:00.000Z`, data: { from: `${year}-01-01`, to: `${year}-12-31`, participantsTotal: total } }) as EventDraft;
    const written = (year: number): EventDraft =>
      ({ id: `fjall-deltagare-${year}`, type: "narrative.written", effectiveAt: `${year}-12-31`, recordedAt: `${year + 1}-01-10T09:00:00.000Z`, data: { narrativeId: `deltagare-${year}`, kind: "analysis", from: `${year}-01-01`, to: `${year}-12-31`, section: "samverkan-analys", markdown: text } }) as EventDraft;
    const store = await storeOf([...fjallbygdenLog(), participants("fjall-kurser-2019", 2019, 120), participants("fjall-kurser-2020", 2020, 85), participants("fjall-kurser-2021", 2021, 140), written(2020), written(2021)]);
    for (const [year, expected] of [[2020, "85 deltagare, mot 120 året före"], [2021, "140 deltagare, mot 85 året före"]] as const) {
      const { document } = await generateReport(store, defaultCatalog, { kind: "verksamhetsberattelse", period: parsePeriod(String(year)) as Period, generatedBy: "test" });
      const paragraph = paragraphWith(document, "Förbundets utbildningar");
      expect(plain(paragraph?.markdown)).toBe(`Förbundets utbildningar samlade ${expected}.`);
      expect(paragraph?.figures?.map((figure) => figure.definition?.period)).toEqual([String(year), String(year - 1)]);
    }
  });
});
