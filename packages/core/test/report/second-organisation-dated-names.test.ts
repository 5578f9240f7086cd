/**
 * A second, fictional organisation (Norrskogens bibliotekssamverkan) changes things from a date,
 * and what changes from a date stays changed from that date only:
 *  - it rewords a goal from 2026 (`strategy.goal-renamed`): the annual report 2025 and the plan
 *    2025–2026, as known now, keep the old wording; the first tertial of 2026 prints the new;
 *  - it takes a new name from 2026 (a second `publication.organisation-profiled`): the 2025
 *    cover keeps the old name;
 *  - it adopts the plan 2026–2027's outline (from 2026): the plan 2025–2026 keeps its own;
 *  - it numbers its goals 7 and 12 (not 1 to 6): both are accepted, and 7 comes before 12.
 */
import { describe, expect, it } from "vitest";
import { defaultCatalog, memoryStore, parsePeriod, type EventDraft, type Period, type ReportDocument, type ReportSection } from "../../src/index.js";
import { allBlocks, documentOf } from "./document-reading.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `norrskog-${counter}`, type, effectiveAt, recordedAt: `2024-12-01T10:${String(Math.floor(counter / 60)).padStart(2, "0")}:${String(counter % 60).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const OLD_NAME = "Norrskogens bibliotekssamverkan";
const NEW_NAME = "Norrskogsbiblioteken";
const OLD_GOAL = "Kommunerna lånar ut varandras medier";
const NEW_GOAL = "Kommunernas bibliotek arbetar som ett bibliotek";

const PLAN_2025 = "ns-vp-2025";
const PLAN_2026 = "ns-vp-2026";

const planOutline = (outlineId: string, fromYear: number, areasHeading: string) => ({
  outlineId,
  documentKind: "verksamhetsplan",
  fromYear,
  chapters: [
    { heading: "Inledning", blocks: [{ block: "plan-strategic-goals" }], sections: [] },
    { heading: "Mål och aktiviteter", blocks: [{ block: "plan-goal-table", goalId: "mal-lan" }, { block: "plan-goal-table", goalId: "mal-las" }], sections: [] },
    { heading: areasHeading, blocks: [{ block: "plan-area", area: "fjarrlan" }], sections: [] },
  ],
});

const plan = (planId: string, adoptedOn: string, fromYear: number) => [
  draft("plan.adopted", adoptedOn, { planId, kind: "verksamhetsplan", title: `Verksamhetsplan ${fromYear}–${fromYear + 1}`, fromYear, toYear: fromYear + 1, detailedYear: fromYear }),
  draft("plan.area-described", adoptedOn, { planId, areaId: "fjarrlan", purpose: "Samordna fjärrlånen mellan kommunerna." }),
  draft("plan.cost-planned", adoptedOn, { planId, areaId: "fjarrlan", year: fromYear, amount: "500000", basis: "net" }),
  draft("activities.activity-planned", `${fromYear}-01-01`, { activityId: `transporter-${fromYear}`, title: `Gemensamma transporter ${fromYear}`, goalId: "mal-lan", year: fromYear, areaId: "fjarrlan", planId }),
];

const resultOf = (from: string, to: string, value: string) => draft("strategy.metric-result-recorded", to, { metricId: "fjarrlan-antal", from, to, value });

/**
 * Goal 7 (wording changed from 2026) with an area goal 8.1, goal 12 with its area goal 13.1; a
 * profile from 2025 and another from 2026; the plan 2025–2026 with the outline from 2025, then the
 * plan 2026–2027 with its own outline from 2026. `renamed` and `secondProfile` leave the 2026
 * changes out, for the same log without them.
 */
const norrskogLog = (changes: { readonly renamed?: boolean; readonly secondProfile?: boolean; readonly secondOutline?: boolean } = { renamed: true, secondProfile: true, secondOutline: true }): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2025-01-01", { name: OLD_NAME, county: "Norrskogens län", responsibleBody: "Samverkansnämnden" }),
    draft("reference.area-established", "2024-01-01", { areaId: "fjarrlan", name: "Fjärrlån och transporter" }),
    draft("strategy.goal-established", "2025-01-01", { goalId: "mal-lan", kind: "strategic", number: "7", title: `${OLD_GOAL}.` }),
    draft("strategy.goal-established", "2025-01-01", { goalId: "mal-lan-transport", kind: "area", number: "8.1", title: "Transporterna går varje vecka.", parentGoalId: "mal-lan", areaId: "fjarrlan" }),
    draft("strategy.goal-established", "2025-01-01", { goalId: "mal-las", kind: "strategic", number: "12", title: "Fler barn läser." }),
    draft("strategy.goal-established", "2025-01-01", { goalId: "mal-las-bok", kind: "area", number: "13.1", title: "Bokstart i varje kommun.", parentGoalId: "mal-las" }),
    draft("strategy.metric-defined", "2025-01-01", { metricId: "fjarrlan-antal", goalId: "mal-lan", name: "Antal fjärrlån mellan kommunerna.", unit: "count", dataSource: "Bibliotekssystemet", frequency: "tertial", direction: "higher-is-better", target: { kind: "fixed", value: "1000" }, result: { from: "recorded" } }),
    draft("strategy.metric-defined", "2025-01-01", { metricId: "bokstart", goalId: "mal-las-bok", name: "Kommuner med Bokstart.", unit: "count", dataSource: "Kansliet", frequency: "year", direction: "higher-is-better", target: { kind: "fixed", value: "4" }, result: { from: "recorded" } }),
    draft("publication.outline-adopted", "2024-12-15", planOutline("ns-vp-2025", 2025, "Områden")),
    ...plan(PLAN_2025, "2024-12-15", 2025),
    resultOf("2025-01-01", "2025-12-31", "1200"),
    draft("strategy.metric-result-recorded", "2025-12-31", { metricId: "bokstart", from: "2025-01-01", to: "2025-12-31", value: "3" }),
    ...(changes.renamed === true ? [draft("strategy.goal-renamed", "2026-01-01", { goalId: "mal-lan", title: `${NEW_GOAL}.` })] : []),
    ...(changes.secondProfile === true ? [draft("publication.organisation-profiled", "2026-01-01", { name: NEW_NAME, county: "Norrskogens län", responsibleBody: "Samverkansnämnden" })] : []),
    ...(changes.secondOutline === true ? [draft("publication.outline-adopted", "2025-12-10", planOutline("ns-vp-2026", 2026, "Verksamheten per område"))] : []),
    ...plan(PLAN_2026, "2025-12-10", 2026),
    resultOf("2026-01-01", "2026-04-30", "450"),
  ];
};

const YEAR_2025 = parsePeriod("2025") as Period;
const T1_2026 = parsePeriod("2026-T1") as Period;
const PLAN_2025_2026 = parsePeriod("2025..2026") as Period;

const titles = (sections: readonly ReportSection[]): string[] => sections.flatMap((section) => [section.title, ...titles(section.sections)]);
const chapterTitles = (document: ReportDocument): string[] => document.sections.map((section) => section.title);
const text = (document: ReportDocument): string => JSON.stringify({ sections: document.sections, appendices: document.appendices });

describe("a goal reworded from a date (strategy.goal-renamed)", () => {
  it("keeps the old wording in the annual report 2025 as known now, and prints the new one in the first tertial 2026", async () => {
    const log = norrskogLog();
    const annual = await documentOf(log, "verksamhetsberattelse", YEAR_2025);
    expect(chapterTitles(annual)).toContain(OLD_GOAL);
    expect(text(annual)).not.toContain(NEW_GOAL);
    const tertial = await documentOf(log, "tertialrapport", T1_2026);
    expect(chapterTitles(tertial)).toContain(NEW_GOAL);
    expect(text(tertial)).not.toContain(OLD_GOAL);
  });

  it("keeps the old wording in the plan 2025–2026 (its first year's wording) and gives the new one to the plan 2026–2027", async () => {
    const log = norrskogLog();
    const earlier = text(await documentOf(log, "verksamhetsplan", PLAN_2025_2026));
    expect(earlier).toContain(`7. ${OLD_GOAL}.`);
    expect(earlier).toContain(`Mål, mätetal och aktiviteter 2025: ${OLD_GOAL}`);
    expect(earlier).not.toContain(NEW_GOAL);
    const later = text(await documentOf(log, "verksamhetsplan", parsePeriod("2026..2027") as Period));
    expect(later).toContain(`7. ${NEW_GOAL}.`);
    expect(later).not.toContain(OLD_GOAL);
  });

  it("is refused for a goal the log has not established, at its field", async () => {
    counter = 100;
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append([draft("strategy.goal-renamed", "2026-01-01", { goalId: "mal-okant", title: "Något nytt." })]);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.path, found.message])).toEqual([["data.goalId", 'unknown goal "mal-okant"']]);
  });

  it("is refused from a date before the goal is established: it would reword nothing", async () => {
    counter = 100;
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append([draft("strategy.goal-established", "2025-01-01", { goalId: "mal-ny", kind: "strategic", number: "3", title: "Ett nytt mål." })])).ok).toBe(true);
    const outcome = await store.append([draft("strategy.goal-renamed", "2020-01-01", { goalId: "mal-ny", title: "Ett äldre namn." })]);
    expect(outcome.ok ? [] : outcome.issues.map((found) => [found.path, found.message])).toEqual([["effectiveAt", 'goal "mal-ny" is established from 2025-01-01: a rename before then rewords nothing']]);
    expect((await store.append([draft("strategy.goal-renamed", "2025-01-01", { goalId: "mal-ny", title: "Samma dag." })])).ok).toBe(true);
  });
});

describe("an organisation profile from a date", () => {
  it("leaves the 2025 cover with the name in force then, and names the 2026 report by the new one", async () => {
    const log = norrskogLog();
    expect((await documentOf(log, "verksamhetsberattelse", YEAR_2025)).title.organisation).toBe(OLD_NAME);
    expect((await documentOf(log, "verksamhetsplan", PLAN_2025_2026)).title.organisation).toBe(OLD_NAME);
    expect((await documentOf(log, "tertialrapport", T1_2026)).title.organisation).toBe(NEW_NAME);
  });

  it("prints the earliest profile on a report from before any takes effect, as a log of one profile always did", async () => {
    const document = await documentOf(norrskogLog(), "verksamhetsberattelse", parsePeriod("2024") as Period);
    expect(document.title.organisation).toBe(OLD_NAME);
  });
});

describe("the outline of a multi-year plan", () => {
  it("is the one in force in the plan's first year: the plan 2025–2026 keeps its chapters after the 2026 outline is adopted", async () => {
    const without = chapterTitles(await documentOf(norrskogLog({ renamed: true, secondProfile: true }), "verksamhetsplan", PLAN_2025_2026));
    // The budget tables neither outline places close the plan under "Övrigt utanför dispositionen".
    expect(without).toEqual(["Inledning", "Mål och aktiviteter", "Områden", "Övrigt utanför dispositionen"]);
    expect(chapterTitles(await documentOf(norrskogLog(), "verksamhetsplan", PLAN_2025_2026))).toEqual(without);
    expect(chapterTitles(await documentOf(norrskogLog(), "verksamhetsplan", parsePeriod("2026..2027") as Period))).toEqual(["Inledning", "Mål och aktiviteter", "Verksamheten per område", "Övrigt utanför dispositionen"]);
  });
});

describe("strategic goals numbered beyond six", () => {
  it("accepts goals 7 and 12 with area goals 8.1 and 13.1, and orders 7 before 12 in the annual report and the plan", async () => {
    const log = norrskogLog({});
    const annual = await documentOf(log, "verksamhetsberattelse", YEAR_2025);
    const headings = titles(annual.sections);
    const seven = headings.indexOf(OLD_GOAL);
    const twelve = headings.indexOf("Fler barn läser");
    expect(seven).toBeGreaterThanOrEqual(0);
    expect(twelve).toBeGreaterThan(seven);
    expect(headings.indexOf("Bokstart i varje kommun")).toBeGreaterThan(twelve);
    const planText = text(await documentOf(log, "verksamhetsplan", PLAN_2025_2026));
    expect(planText).toContain(`7. ${OLD_GOAL}.\\n12. Fler barn läser.`);
    expect(allBlocks(annual).length).toBeGreaterThan(0);
  });

  it("refuses a number that is no positive whole number, saying what a number is", async () => {
    counter = 200;
    const store = memoryStore({ catalog: defaultCatalog });
    for (const number of ["0", "07", "7a"]) {
      const outcome = await store.append([draft("strategy.goal-established", "2025-01-01", { goalId: `mal-${number}`, kind: "strategic", number, title: "Ett mål." })]);
      expect(outcome.ok ? [] : outcome.issues.map((found) => found.path)).toEqual(["data.number"]);
    }
  });
});

describe("a goal reworded from a date, on the slides", () => {
  /** One network meeting in each first tertial, measured under goal 7, whose short title is its 2025 wording's. */
  const slideLog = (): EventDraft[] => {
    counter = 300;
    return [
      draft("reference.municipality-established", "2024-01-01", { municipalityId: "asby", name: "Åsby" }),
      draft("reference.network-established", "2024-01-01", { networkId: "chefer", name: "Bibliotekschefernas nätverk", kind: "network", seats: [{ seatId: "asby", side: "kommun", municipalityId: "asby" }] }),
      draft("meetings.meeting-held", "2025-02-10", { meetingId: "m-2025", networkId: "chefer", mode: "fysiskt", presence: [{ seatId: "asby", status: "present" }] }),
      draft("meetings.meeting-held", "2026-02-10", { meetingId: "m-2026", networkId: "chefer", mode: "fysiskt", presence: [{ seatId: "asby", status: "present" }] }),
      draft("strategy.goal-established", "2025-01-01", { goalId: "mal-lan", kind: "strategic", number: "7", title: `${OLD_GOAL}.`, shortTitle: "Lån mellan kommunerna" }),
      draft("strategy.metric-defined", "2025-01-01", { metricId: "narvaro", goalId: "mal-lan", name: "Närvaro vid bibliotekschefernas träffar.", unit: "percent", dataSource: "Närvarolistor", frequency: "per-meeting", direction: "higher-is-better", target: { kind: "fixed", value: "0.75" }, result: { from: "figure", key: "attendance.share", params: { network: "chefer" } } }),
      draft("strategy.goal-renamed", "2026-01-01", { goalId: "mal-lan", title: `${NEW_GOAL}.` }),
    ];
  };
  const headingOf = (document: ReportDocument): string | undefined => document.sections.find((section) => section.id === "bild-narvaro")?.title;

  it("heads the 2025 slide by the short title of the old wording, and the 2026 slide by the new title (the rename gives no short one)", async () => {
    expect(headingOf(await documentOf(slideLog(), "resultatuppfoljning", parsePeriod("2025-T1") as Period))).toBe("Lån mellan kommunerna");
    expect(headingOf(await documentOf(slideLog(), "resultatuppfoljning", T1_2026))).toBe(`${NEW_GOAL}.`);
  });
});

describe("several changes of one thing, recorded out of date order", () => {
  it("words a report by the latest rename effective by its period's end, whatever order they were recorded in", async () => {
    const log = norrskogLog({});
    counter = 400;
    const renames = [draft("strategy.goal-renamed", "2027-01-01", { goalId: "mal-lan", title: "Ett bibliotek för hela Norrskogen." }), draft("strategy.goal-renamed", "2026-01-01", { goalId: "mal-lan", title: `${NEW_GOAL}.` })];
    const chaptersOf = async (period: string) => chapterTitles(await documentOf([...log, ...renames], "verksamhetsberattelse", parsePeriod(period) as Period));
    expect(await chaptersOf("2025")).toContain(OLD_GOAL);
    expect(await chaptersOf("2026")).toContain(NEW_GOAL);
    expect(await chaptersOf("2027")).toContain("Ett bibliotek för hela Norrskogen");
  });

  it("takes, of two profiles effective the same day, the one recorded later", async () => {
    const log = norrskogLog({});
    counter = 500;
    const profiles = [draft("publication.organisation-profiled", "2026-01-01", { name: "Första förslaget" }), draft("publication.organisation-profiled", "2026-01-01", { name: NEW_NAME })];
    expect((await documentOf([...log, ...profiles], "tertialrapport", T1_2026)).title.organisation).toBe(NEW_NAME);
    expect((await documentOf([...log, ...profiles], "tertialrapport", parsePeriod("2025-T1") as Period)).title.organisation).toBe(OLD_NAME);
  });
});
