/**
 * A second, fictional organisation (Älvdalens fritidsförbund) names its attendance metrics, a
 * network group and a strategic goal shortly on its slides, through the short names its own log
 * gives them (`shortName`, `shortTitle`); the same log without them gets the full names. Neither
 * prints a word of the first organisation's deck. Lines written before the fields existed (their
 * earlier versions) still verify and replay, and a blank or too long short name is refused at its
 * field.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, initLog, jsonlStore, memoryStore, parsePeriod, verifyLog, type EventDraft, type EventSource, type Period, type ReportDocument, type ReportTable, type StoredEvent } from "../../src/index.js";
import { cellText, documentOf, tableWithId, type Row } from "./document-reading.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>, schemaVersion?: number): EventDraft => {
  counter += 1;
  return { id: `alvdalen-${counter}`, type, ...(schemaVersion === undefined ? {} : { schemaVersion }), effectiveAt, recordedAt: `2020-05-10T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

/** One seat per municipality, named by the municipality ("alvdalen" …). */
const kommunSeats = (...municipalities: string[]) => municipalities.map((municipalityId) => ({ seatId: municipalityId, side: "kommun", municipalityId }));
const present = (...seatIds: string[]) => seatIds.map((seatId) => ({ seatId, status: "present" }));

const FULL_GOAL = "Förbundets verksamhet ska leda till starka och jämlika fritids- och kulturverksamheter i hela dalen";
const SHORT_GOAL = "Starka fritids- och kulturverksamheter";

/** What each short-named fact may say shortly; without it, the log says nothing short at all. */
interface ShortWords {
  readonly goal?: string;
  readonly everyNetwork?: string;
  readonly leisure?: string;
  readonly culture?: string;
}

const SHORT: ShortWords = { goal: SHORT_GOAL, everyNetwork: "Samtliga", leisure: "Fritidschefer", culture: "Kulturträffar" };

const shortly = (key: string, text: string | undefined): Record<string, string> => (text === undefined ? {} : { [key]: text });

const metric = (metricId: string, goalId: string, name: string, params: Record<string, string>, shortName: string | undefined, schemaVersion?: number) =>
  draft(
    "strategy.metric-defined",
    "2020-01-01",
    { metricId, goalId, name, unit: "percent", dataSource: "Närvarolistor", frequency: "per-meeting", direction: "higher-is-better", target: { kind: "fixed", value: "0.75" }, result: { from: "figure", key: "attendance.share", params }, ...shortly("shortName", shortName) },
    schemaVersion,
  );

/**
 * Three networks (fritidschefer 5 of 6 seats over two meetings, bibliotekschefer 1 of 2, the
 * kulturskolor's steering group 2 of 2): all of them a group of 8 of 10 seats; the two cultural
 * ones a group of their own; two metrics under an area goal of goal 1, one under goal 2.
 * `versions` writes the facts that may carry short names at the versions given (for lines written before them).
 */
const alvdalenLog = (words: ShortWords, versions: { goal?: number; group?: number; metric?: number } = {}): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2020-01-01", { name: "Älvdalens fritidsförbund", county: "Dalens län", responsibleBody: "Förbundsstyrelsen" }),
    draft("reference.municipality-established", "2020-01-01", { municipalityId: "alvdalen", name: "Älvdalen" }),
    draft("reference.municipality-established", "2020-01-01", { municipalityId: "bergby", name: "Bergby" }),
    draft("reference.municipality-established", "2020-01-01", { municipalityId: "sjoby", name: "Sjöby" }),
    draft("reference.network-established", "2020-01-01", { networkId: "fritidschefer", name: "Fritidschefsnätverket", kind: "network", seats: kommunSeats("alvdalen", "bergby", "sjoby") }),
    draft("reference.network-established", "2020-01-01", { networkId: "bibliotekschefer", name: "Bibliotekschefernas nätverk", kind: "network", seats: kommunSeats("alvdalen", "bergby") }),
    draft("reference.network-established", "2020-01-01", { networkId: "kulturskolor", name: "Kulturskolornas styrgrupp", kind: "steering-group", seats: kommunSeats("bergby", "sjoby") }),
    draft("meetings.meeting-held", "2020-02-10", { meetingId: "f-1", networkId: "fritidschefer", mode: "fysiskt", presence: present("alvdalen", "bergby") }),
    draft("meetings.meeting-held", "2020-03-10", { meetingId: "f-2", networkId: "fritidschefer", mode: "digitalt", presence: present("alvdalen", "bergby", "sjoby") }),
    draft("meetings.meeting-held", "2020-02-12", { meetingId: "b-1", networkId: "bibliotekschefer", mode: "fysiskt", presence: present("alvdalen") }),
    draft("meetings.meeting-held", "2020-03-12", { meetingId: "k-1", networkId: "kulturskolor", mode: "fysiskt", presence: present("bergby", "sjoby") }),
    draft("strategy.goal-established", "2020-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: FULL_GOAL, ...shortly("shortTitle", words.goal) }, versions.goal),
    draft("strategy.goal-established", "2020-01-01", { goalId: "mal-1-1", kind: "area", number: "1.1", title: "Alla kommuner deltar i förbundets nätverk", parentGoalId: "mal-1" }, versions.goal),
    draft("strategy.goal-established", "2020-01-01", { goalId: "mal-2", kind: "strategic", number: "2", title: "Kulturen samverkar över kommungränserna" }, versions.goal),
    draft("meetings.network-group-defined", "2020-01-01", { groupId: "alla", name: "Förbundets samtliga nätverk", networkIds: ["fritidschefer", "bibliotekschefer", "kulturskolor"], targetShare: "0.75", ...shortly("shortName", words.everyNetwork) }, versions.group),
    draft("meetings.network-group-defined", "2020-01-01", { groupId: "kultur", name: "Kulturens samverkansträffar", networkIds: ["bibliotekschefer", "kulturskolor"], ...shortly("shortName", words.culture) }, versions.group),
    metric("narvaro-alla", "mal-1-1", "Närvaro vid förbundets samtliga chefsnätverk.", { group: "alla" }, words.everyNetwork, versions.metric),
    metric("narvaro-fritid", "mal-1-1", "Närvaro vid fritidschefernas träffar.", { network: "fritidschefer" }, words.leisure, versions.metric),
    metric("narvaro-bibliotek", "mal-2", "Närvaro vid bibliotekschefernas träffar.", { network: "bibliotekschefer" }, undefined, versions.metric),
  ];
};

const T1 = parsePeriod("2020-T1") as Period;
const NBSP = "\u00a0";
const rowsOf = (table: ReportTable): string[][] => table.body.map((row: Row) => row.cells.map(cellText));

const slidesOf = async (source: EventSource): Promise<ReportDocument> => (await generateReport(source, defaultCatalog, { kind: "resultatuppfoljning", period: T1, generatedBy: "test" })).document;

const slidesFrom = (log: EventDraft[]): Promise<ReportDocument> => documentOf(log, "resultatuppfoljning", T1);

/** The first organisation's wording of its own attendance rows and goal heading: none of it is this organisation's. */
const FIRST_ORGANISATION_WORDS = ["Samtliga nätverk", "PKS", "Kommundirektörer", "Region Jönköpings län", "Vi har en ändamålsenlig", "Kommunal utveckling"];

const attendanceHeading = (document: ReportDocument): string | undefined => document.sections.find((section) => section.id === "bild-narvaro")?.title;

describe("a second organisation's short names on its slides", () => {
  it("labels the attendance rows by the short names its log gives its metrics and group, and heads the slide by its goal's short title", async () => {
    const document = await slidesFrom(alvdalenLog(SHORT));
    expect(rowsOf(tableWithId(document, "bild-narvaro"))).toEqual([
      ["Samtliga", "", "", `80${NBSP}%`],
      ["Fritidschefer", "", "", `83${NBSP}%`],
      ["Kulturträffar, lägst", "", "", `50${NBSP}%`],
      ["Kulturträffar, högst", "", "", `100${NBSP}%`],
    ]);
    expect(attendanceHeading(document)).toBe(SHORT_GOAL);
    const json = JSON.stringify(document);
    expect(json).not.toContain(FULL_GOAL);
    for (const foreign of FIRST_ORGANISATION_WORDS) expect(json).not.toContain(foreign);
  });

  it("without short names, labels the rows by the metrics' names (without their full stop) and the group's name, and heads the slide by the goal's title", async () => {
    const document = await slidesFrom(alvdalenLog({}));
    expect(rowsOf(tableWithId(document, "bild-narvaro"))).toEqual([
      ["Närvaro vid förbundets samtliga chefsnätverk", "", "", `80${NBSP}%`],
      ["Närvaro vid fritidschefernas träffar", "", "", `83${NBSP}%`],
      ["Kulturens samverkansträffar, lägst", "", "", `50${NBSP}%`],
      ["Kulturens samverkansträffar, högst", "", "", `100${NBSP}%`],
    ]);
    expect(attendanceHeading(document)).toBe(FULL_GOAL);
    const json = JSON.stringify(document);
    for (const foreign of [...FIRST_ORGANISATION_WORDS, SHORT_GOAL, "Fritidschefer\"", "Kulturträffar"]) expect(json).not.toContain(foreign);
  });

  it("takes a short name back when the group's definition is superseded by one that gives none", async () => {
    const log = alvdalenLog(SHORT);
    const first = log.find((event) => event.type === "meetings.network-group-defined" && (event.data as { groupId: string }).groupId === "kultur");
    counter = log.length;
    const redefined = { ...draft("meetings.network-group-defined", "2020-01-01", { groupId: "kultur", name: "Kulturens samverkansträffar", networkIds: ["bibliotekschefer", "kulturskolor"] }), supersedes: first?.id } as EventDraft;
    const rows = rowsOf(tableWithId(await slidesFrom([...log, redefined]), "bild-narvaro"));
    expect(rows.map((row) => row[0])).toEqual(["Samtliga", "Fritidschefer", "Kulturens samverkansträffar, lägst", "Kulturens samverkansträffar, högst"]);
  });

  it("writes no organisation's row labels or goal wording into the slides' code: the log names them", () => {
    const dir = join(import.meta.dirname, "../../src/report/slides");
    const code = readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => readFileSync(join(dir, name), "utf8"))
      .join("\n");
    for (const words of [...FIRST_ORGANISATION_WORDS, "Olika träffar"]) expect({ words, found: code.includes(words) }).toEqual({ words, found: false });
  });
});

describe("lines written before short names existed", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("goals and groups at version 1, metrics at versions 1 and 2, stay as stored, verify, and replay with their full names", async () => {
    dir = mkdtempSync(join(tmpdir(), "tertial-short-names-"));
    const path = join(dir, "events.jsonl");
    await initLog(path);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    const log = alvdalenLog({}, { goal: 1, group: 1, metric: 1 });
    // The second metric as a version 2 line (targets per year, no short name).
    const metrics = log.filter((event) => event.type === "strategy.metric-defined");
    const second = metrics[1] as EventDraft;
    const outcome = await store.append(log.map((event) => (event === second ? ({ ...event, schemaVersion: 2 } as EventDraft) : event)));
    expect(outcome.ok).toBe(true);
    const stored = readFileSync(path, "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as StoredEvent);
    const versionsOf = (type: string) => stored.filter((event) => event.type === type).map((event) => event.schemaVersion);
    expect(versionsOf("strategy.goal-established")).toEqual([1, 1, 1]);
    expect(versionsOf("meetings.network-group-defined")).toEqual([1, 1]);
    expect(versionsOf("strategy.metric-defined")).toEqual([1, 2, 1]);
    expect((await verifyLog(path, defaultCatalog)).issues).toEqual([]);
    const document = await slidesOf(store);
    expect(rowsOf(tableWithId(document, "bild-narvaro")).map((row) => row[0])).toEqual([
      "Närvaro vid förbundets samtliga chefsnätverk",
      "Närvaro vid fritidschefernas träffar",
      "Kulturens samverkansträffar, lägst",
      "Kulturens samverkansträffar, högst",
    ]);
    expect(attendanceHeading(document)).toBe(FULL_GOAL);
  });

  it("an earlier version does not take the short name it did not have", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const [goal] = alvdalenLog(SHORT, { goal: 1 }).filter((event) => event.type === "strategy.goal-established");
    const outcome = await store.append([goal as EventDraft]);
    expect(!outcome.ok && outcome.issues).toEqual([expect.objectContaining({ code: "unknown-field", path: "data.shortTitle" })]);
    expect(store.events()).toHaveLength(0);
  });
});

describe("a short name the codecs refuse", () => {
  /** The issues an append of the one event gives; a refused event leaves the log empty. */
  const refusalOf = async (event: EventDraft) => {
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append([event]);
    expect(store.events()).toHaveLength(outcome.ok ? 1 : 0);
    return outcome.ok ? undefined : outcome.issues;
  };
  const EXPECTED = "a text that is not blank, of at most 80 characters";
  const eventWith = (kind: "goal" | "group" | "metric", text: string): EventDraft => {
    const log = alvdalenLog({ goal: text, everyNetwork: text });
    const type = { goal: "strategy.goal-established", group: "meetings.network-group-defined", metric: "strategy.metric-defined" }[kind];
    return log.find((event) => event.type === type) as EventDraft;
  };

  it.each([
    ["an empty", ""],
    ["a blank", "   "],
    ["an 81-character", "x".repeat(81)],
  ])("refuses %s short name or short title, naming its field and what was expected", async (_, text) => {
    expect(await refusalOf(eventWith("goal", text))).toEqual([expect.objectContaining({ code: "invalid-field", path: "data.shortTitle", expected: EXPECTED })]);
    expect(await refusalOf(eventWith("group", text))).toEqual([expect.objectContaining({ code: "invalid-field", path: "data.shortName", expected: EXPECTED })]);
    expect(await refusalOf(eventWith("metric", text))).toEqual([expect.objectContaining({ code: "invalid-field", path: "data.shortName", expected: EXPECTED })]);
  });

  it("takes one of 80 characters, counted as characters, not UTF-16 units", async () => {
    // A clef is one character but two UTF-16 units: 80 of them are 160 units, still 80 characters.
    const store = memoryStore({ catalog: defaultCatalog });
    const log = alvdalenLog({ goal: "𝄞".repeat(80), everyNetwork: "å".repeat(80) });
    expect((await store.append(log)).ok).toBe(true);
  });
});
