/**
 * A figure of an organisation's own module is written into its texts as a built-in one is. A
 * fictional library cooperation, Bibliotekssamverkan Sjöland, records its loans in a module of its
 * own (`library.loans`), registers it in a catalog and writes the figure into a narrative, a
 * metric's result description and an activity's status: the catalog's rules take the placeholders
 * at append, the report prints them with their values, and the built-in catalog, which has no such
 * figure, still refuses them. A `figure stated` event is checked against the same figures.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  Id,
  NonNegativeInteger,
  contains,
  dec,
  defaultCatalog,
  defineEvent,
  defineFigure,
  defineProjection,
  effectiveDateOf,
  generateReport,
  initLog,
  jsonlStore,
  loadAppendState,
  memoryStore,
  parsePeriod,
  rulesFingerprint,
  strictObject,
  type Catalog,
  type DomainModule,
  type EventDraft,
  type EventSource,
  type Issue,
  type Period,
  type ReportDocument,
} from "../../src/index.js";
import { narrativeProjection, type NarrativeEntry } from "../../src/domains/narrative/narrative.js";
import { comparisonsNamed } from "../../src/report/builders/inline-figures.js";
import { ReportResults } from "../../src/report/replay-many.js";
import { allBlocks } from "./document-reading.js";
import { useTempDir } from "../foundation/temp-dir.js";

const LoansRecorded = defineEvent({
  type: "library.loans-recorded",
  description: "Loans a branch made in a span.",
  data: strictObject("LoansRecorded", { branchId: Id, loans: NonNegativeInteger }),
});

const loansProjection = defineProjection({
  name: "library-loans",
  description: "Loans in the period, by branch.",
  init: () => ({ byBranch: {} as Record<string, number>, evidence: [] as string[] }),
  evolve: (state, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (LoansRecorded.is(event) && date !== undefined && contains(period, date)) {
      state.byBranch[event.data.branchId] = (state.byBranch[event.data.branchId] ?? 0) + event.data.loans;
      state.evidence.push(event.id);
    }
    return state;
  },
  result: (state) => state,
});

const loansFigure = defineFigure(loansProjection, {
  key: "library.loans",
  description: "Loans in the period, of one branch or all.",
  params: { branch: "a branch id; all branches when absent" },
  unit: "count",
  example: {},
  compute: (result, { branch }) => {
    const counts = Object.entries(result.byBranch).filter(([id]) => branch === undefined || id === branch);
    return counts.length === 0 ? undefined : { exact: dec(counts.reduce((sum, [, loans]) => sum + loans, 0)), evidence: result.evidence };
  },
});

/** No rules of its own: a catalog with it has the built-in catalog's rules fingerprint. */
const libraryModule: DomainModule = { name: "library", events: [LoansRecorded], projections: [loansProjection], figures: [loansFigure] };
const libraryCatalog = defaultCatalog.with(libraryModule);

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `sjoland-${counter}`, type, effectiveAt, recordedAt: `2021-09-01T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const narrative = (narrativeId: string, markdown: string): EventDraft => draft("narrative.written", "2021-08-31", { narrativeId, kind: "analysis", from: "2021-01-01", to: "2021-08-31", section: "1.2", markdown });

const LOANS_TEXT = "Filialerna lånade ut {{library.loans}} medier, varav {{library.loans branch=hamn}} i Hamnen, mot {{library.loans compare=previous-year}} under hela 2020.";

const libraryLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2020-01-01", { name: "Bibliotekssamverkan Sjöland", county: "Sjölands län", responsibleBody: "Styrelsen" }),
    draft("strategy.goal-established", "2020-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: "Fler läser" }),
    draft("strategy.metric-defined", "2020-01-01", {
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
    draft("courses.course-held", "2021-03-10", { courseId: "k1", title: "Läsecirkel", occasions: 1 }),
    draft("library.loans-recorded", "2020-06-30", { branchId: "hamn", loans: 300 }),
    draft("library.loans-recorded", "2021-04-30", { branchId: "hamn", loans: 120 }),
    draft("library.loans-recorded", "2021-05-31", { branchId: "torget", loans: 80 }),
    narrative("utlan", LOANS_TEXT),
    draft("strategy.metric-result-described", "2021-08-31", { metricId: "kurser", from: "2021-01-01", to: "2021-08-31", markdown: "En kurs; kursdeltagarna lånade {{library.loans branch=torget}} medier." }),
    draft("activities.activity-planned", "2021-01-01", { activityId: "sagostund", title: "Sagostunder", goalId: "mal-1", year: 2021 }),
    draft("activities.status-changed", "2021-08-31", { activityId: "sagostund", status: "on-track", comment: "Hamnen lånade ut {{library.loans branch=hamn}} medier." }),
  ];
};

const INTERIM = parsePeriod("2021-T1..T2") as Period;

const reportOf = async (catalog: Catalog, drafts: readonly EventDraft[]): Promise<ReportDocument> => {
  const store = memoryStore({ catalog });
  const outcome = await store.append(drafts);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, catalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" })).document;
};

const messagesOf = (outcome: { readonly ok: boolean; readonly issues?: readonly Issue[] }): [string, string][] => (outcome.issues ?? []).map((found) => [found.path, found.message]);

describe("a module's own figure written into a text", () => {
  it("is taken at append and printed with its value, in a narrative, a metric's description and an activity's status, its comparison period too", async () => {
    const document = await reportOf(libraryCatalog, libraryLog());
    const blocks = allBlocks(document);
    const paragraph = blocks.find((block) => block.kind === "paragraph" && block.markdown.startsWith("Filialerna"));
    expect(paragraph?.kind === "paragraph" ? paragraph.markdown : undefined).toBe("Filialerna lånade ut 200 medier, varav 120 i Hamnen, mot 300 under hela 2020.");
    expect(paragraph?.kind === "paragraph" ? paragraph.figures?.map((figure) => figure.definition) : undefined).toEqual([
      { key: "library.loans", params: {}, period: "2021-T1..T2" },
      { key: "library.loans", params: { branch: "hamn" }, period: "2021-T1..T2" },
      { key: "library.loans", params: {}, period: "2020" },
    ]);
    const descriptions = blocks.flatMap((block) => (block.kind === "metric-table" ? block.rows.map((row) => row.description) : []));
    expect(descriptions).toEqual(["En kurs; kursdeltagarna lånade 80 medier."]);
    const statuses = blocks.flatMap((block) => (block.kind === "activity-table" ? block.rows.map((row) => row.statusText) : []));
    expect(statuses).toEqual(["Hamnen lånade ut 120 medier."]);
  });

  it("is folded in the report's one pass: a text naming it reads the log no more often than one naming none", async () => {
    const readsFor = async (markdown: string): Promise<number> => {
      const store = memoryStore({ catalog: libraryCatalog });
      const outcome = await store.append([...libraryLog().slice(0, 7), narrative("utlan", markdown)]);
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
      let reads = 0;
      const source: EventSource = { read: (options) => ((reads += 1), store.read(options)) };
      const { document } = await generateReport(source, libraryCatalog, { kind: "delarsrapport", period: INTERIM, generatedBy: "test" });
      expect(allBlocks(document).some((block) => block.kind === "paragraph" && block.markdown.startsWith("Utlån"))).toBe(true);
      return reads;
    };
    expect(await readsFor("Utlån: {{library.loans}} medier.")).toBe(await readsFor("Utlån: många medier."));
  });

  it("names its comparison period to the runner before the build, as a built-in figure's does", () => {
    const entry = { narrativeId: "utlan", kind: "analysis", from: "2021-01-01", to: "2021-08-31", section: "1.2", markdown: LOANS_TEXT, eventId: "sjoland-8" } as unknown as NarrativeEntry;
    const results = new ReportResults().set(narrativeProjection, "report", { period: INTERIM.name, entries: [entry], bySection: {}, themes: [], otherPeriods: [] });
    expect(comparisonsNamed(results, libraryCatalog)).toEqual([{ projection: loansProjection, period: "previous-year" }]);
    expect(comparisonsNamed(results, defaultCatalog)).toEqual([]);
  });

  it("is refused at append when misspelt, with the near miss, and when given a parameter the figure does not take, with those it takes", async () => {
    const outcome = await memoryStore({ catalog: libraryCatalog }).append([narrative("fel", "{{library.lons}} lån, {{library.loans filial=hamn}} i Hamnen, {{library.zzzzzzzz}} annat.")]);
    expect(messagesOf(outcome)).toEqual([
      ["data.markdown", '"{{library.lons}}" names no figure "library.lons" (did you mean library.loans?)'],
      ["data.markdown", '"{{library.loans filial=hamn}}" gives library.loans a parameter it does not take: filial; it takes branch'],
      ["data.markdown", '"{{library.zzzzzzzz}}" names no figure "library.zzzzzzzz" (the figures of library: library.loans)'],
    ]);
  });

  it("is refused by the built-in catalog, which has no such figure, in each kind of text", async () => {
    const [, goal, metric, , , , , text, described, planned, status] = libraryLog();
    const outcome = await memoryStore({ catalog: defaultCatalog }).append([goal, metric, text, described, planned, status].filter((each) => each !== undefined));
    expect(messagesOf(outcome)).toEqual([
      ["data.markdown", '"{{library.loans}}" names no figure "library.loans" (no figure\'s key starts with "library.")'],
      ["data.markdown", '"{{library.loans branch=hamn}}" names no figure "library.loans" (no figure\'s key starts with "library.")'],
      ["data.markdown", '"{{library.loans compare=previous-year}}" names no figure "library.loans" (no figure\'s key starts with "library.")'],
      ["data.markdown", '"{{library.loans branch=torget}}" names no figure "library.loans" (no figure\'s key starts with "library.")'],
      ["data.comment", '"{{library.loans branch=hamn}}" names no figure "library.loans" (no figure\'s key starts with "library.")'],
    ]);
  });
});

describe("a module's own figure stated by a published document", () => {
  const stated = (figureKey: string, params: Record<string, string>): EventDraft =>
    draft("reconciliation.figure-stated", "2021-09-20", { document: "Delårsrapport 2021", figureKey, params, period: "2021-T1..T2", printed: "200", unit: "count" });

  it("is taken at append with parameters the figure declares, and refused, as a text's placeholder is, with an unknown one or a misspelt key", async () => {
    const store = memoryStore({ catalog: libraryCatalog });
    expect((await store.append([stated("library.loans", { branch: "hamn" })])).ok).toBe(true);
    expect(messagesOf(await store.append([stated("library.loans", { filial: "hamn" })]))).toEqual([["data.params.filial", "library.loans takes no parameter filial"]]);
    expect(messagesOf(await store.append([stated("library.loans", { brnch: "hamn" })]))).toEqual([["data.params.brnch", "library.loans takes no parameter brnch (did you mean branch?)"]]);
    expect(messagesOf(await store.append([stated("library.lons", {})]))).toEqual([["data.figureKey", 'unknown figure "library.lons" (did you mean library.loans?)']]);
  });

  it("is refused by the built-in catalog, which has no such figure", async () => {
    expect(messagesOf(await memoryStore({ catalog: defaultCatalog }).append([stated("library.loans", {})]))).toEqual([["data.figureKey", 'unknown figure "library.loans" (no figure\'s key starts with "library.")']]);
  });
});

describe("the append state saved beside a log", () => {
  const tempDir = useTempDir();

  it("saved by the built-in catalog serves a catalog with more figures, whose rules judge a text by its own figures", async () => {
    const path = join(await tempDir(), "events.jsonl");
    await initLog(path);
    const [profile] = libraryLog();
    const clock = () => Date.parse("2021-10-01T10:00:00Z");
    expect((await jsonlStore({ path, catalog: defaultCatalog, clock }).append([profile as EventDraft])).ok).toBe(true);
    // Figures change what a rule's check says, not what its state holds: the state is bound to the rules, which are the same.
    expect(rulesFingerprint(libraryCatalog)).toBe(rulesFingerprint(defaultCatalog));
    expect(await loadAppendState(path, libraryCatalog)).toBeDefined();
    const text = narrative("utlan", "{{library.loans}} medier.");
    expect((await jsonlStore({ path, catalog: libraryCatalog, clock }).append([text])).ok).toBe(true);
    // And the state the larger catalog saved does not make the built-in one take the figure.
    expect(await loadAppendState(path, defaultCatalog)).toBeDefined();
    const again = await jsonlStore({ path, catalog: defaultCatalog, clock }).append([narrative("utlan-2", "{{library.loans}} medier.")]);
    expect(messagesOf(again)).toEqual([["data.markdown", '"{{library.loans}}" names no figure "library.loans" (no figure\'s key starts with "library.")']]);
  });
});
