/**
 * A second, fictional organisation (Sjöstadens skolnätverk) whose networks seat schools and the
 * county administrative board, two sides it defines in its own log: its attendance table heads
 * exactly those sides with its own labels, never the first organisation's "Länets kommuner" and
 * "Regionen", and each side's share is its seats' pooled attendance.
 */
import { describe, expect, it } from "vitest";
import { defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportBlock, type ReportDocument, type ReportSection, type ReportTable } from "../../src/index.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `skolnatverk-${counter}`, type, effectiveAt, recordedAt: `2020-05-10T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const seat = (seatId: string, side: string): { seatId: string; side: string } => ({ seatId, side });
const present = (...seatIds: string[]) => seatIds.map((seatId) => ({ seatId, status: "present" }));

const metric = (metricId: string, goalId: string, name: string, params: Record<string, string>) =>
  draft("strategy.metric-defined", "2020-01-01", {
    metricId,
    goalId,
    name,
    unit: "percent",
    dataSource: "Närvarolistor",
    frequency: "per-meeting",
    direction: "higher-is-better",
    target: { kind: "fixed", value: "0.75" },
    result: { from: "figure", key: "attendance.share", params },
  });

/** Two networks: one of three schools and the board, one of two schools; two meetings each. */
const skolnatverkLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2020-01-01", { name: "Sjöstadens skolnätverk", county: "Sjölands län", responsibleBody: "Styrgruppen" }),
    draft("meetings.seat-side-defined", "2020-01-01", { sideId: "skolor", name: "skolorna", label: "Skolorna" }),
    draft("meetings.seat-side-defined", "2020-01-01", { sideId: "lansstyrelsen", name: "länsstyrelsen", label: "Länsstyrelsen" }),
    { ...draft("reference.network-established", "2020-01-01", { networkId: "rektorer", name: "Rektorsnätverket", kind: "network", seats: [seat("s1", "skolor"), seat("s2", "skolor"), seat("s3", "skolor"), seat("lst", "lansstyrelsen")] }), schemaVersion: 2 },
    { ...draft("reference.network-established", "2020-01-01", { networkId: "elevhalsa", name: "Elevhälsonätverket", kind: "network", seats: [seat("e1", "skolor"), seat("e2", "skolor")] }), schemaVersion: 2 },
    draft("meetings.meeting-held", "2020-02-10", { meetingId: "r1", networkId: "rektorer", mode: "fysiskt", presence: present("s1", "s2", "lst") }),
    draft("meetings.meeting-held", "2020-03-10", { meetingId: "r2", networkId: "rektorer", mode: "digitalt", presence: present("s1", "s2", "s3") }),
    draft("meetings.meeting-held", "2020-02-12", { meetingId: "e1", networkId: "elevhalsa", mode: "fysiskt", presence: present("e1") }),
    draft("meetings.meeting-held", "2020-03-12", { meetingId: "e2", networkId: "elevhalsa", mode: "fysiskt", presence: present("e1", "e2") }),
  ];
};

/** The same, with a goal its attendance is measured under, two groups, and three attendance metrics: two under the goal, one for a network of the other group. */
const withMeasures = (): EventDraft[] => {
  const log = skolnatverkLog();
  return [
    ...log,
    draft("strategy.goal-established", "2020-01-01", { goalId: "mal-1", kind: "strategic", number: "1", title: "Skolorna möts regelbundet" }),
    draft("strategy.goal-established", "2020-01-01", { goalId: "mal-2", kind: "strategic", number: "2", title: "Elevhälsan samverkar" }),
    draft("meetings.network-group-defined", "2020-01-01", { groupId: "alla", name: "Alla nätverk", networkIds: ["rektorer", "elevhalsa"], targetShare: "0.75" }),
    draft("meetings.network-group-defined", "2020-01-01", { groupId: "elevhalsan", name: "Elevhälsans träffar", networkIds: ["elevhalsa"] }),
    metric("narvaro-alla", "mal-1", "Närvaro i alla nätverk.", { group: "alla" }),
    metric("narvaro-rektorer", "mal-1", "Närvaro i rektorsnätverket.", { network: "rektorer" }),
    metric("narvaro-elevhalsa", "mal-2", "Närvaro i elevhälsonätverket.", { network: "elevhalsa" }),
  ];
};

const T1 = parsePeriod("2020-T1") as Period;

const build = async (kind: "tertialrapport" | "resultatuppfoljning" = "tertialrapport", log: EventDraft[] = skolnatverkLog()): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog });
  const outcome = await store.append(log);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
  return (await generateReport(store, defaultCatalog, { kind, period: T1, generatedBy: "test" })).document;
};

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);
const tableWithId = (document: ReportDocument, id: string): ReportTable => {
  const found = [...blocksOf(document.sections), ...document.appendices.flatMap((appendix) => appendix.blocks)].find((block): block is ReportTable => block.kind === "table" && block.id === id);
  if (found === undefined) throw new Error(`no table ${id}`);
  return found;
};
/** The house formatter keeps a percent sign on its number's line. */
const NBSP = "\u00a0";
type Row = ReportTable["body"][number];
const cellText = (cell: Row["cells"][number]): string => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : "");

describe("a second organisation's seat sides", () => {
  it("heads the network table with the sides its seats sit on, in the order defined, and prints each side's pooled attendance", async () => {
    const table = tableWithId(await build(), "narvaro-per-natverk-tabell");
    // Its registers record no gender: no empty gender columns.
    expect((table.head[0]?.cells ?? []).map(cellText)).toEqual(["Nätverk", "Träffar", "Närvaro", "Skolorna", "Länsstyrelsen"]);
    expect(table.align).toHaveLength(5);
    // Elevhälsonätverket: 3 of 4 seats; Rektorsnätverket: 6 of 8 seats, the schools 5 of 6, the board 1 of 2.
    expect(table.body.map((row) => row.cells.slice(0, 5).map(cellText))).toEqual([
      ["Elevhälsonätverket", "2", `75${NBSP}%`, `75${NBSP}%`, ""],
      ["Rektorsnätverket", "2", `75${NBSP}%`, `83${NBSP}%`, `50${NBSP}%`],
    ]);
    const json = JSON.stringify(table);
    for (const foreign of ["Länets kommuner", "Regionen"]) expect(json).not.toContain(foreign);
  });

  it("refuses a seat or a tally on a side neither built in nor defined, saying where and what was expected, and appends nothing", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const log = skolnatverkLog();
    const withoutDefinitions = log.filter((event) => event.type !== "meetings.seat-side-defined");
    const refused = await store.append(withoutDefinitions);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.issues[0]).toEqual(
      expect.objectContaining({
        code: "unknown-reference",
        path: "data.seats[0].side",
        message: 'unknown seat side "skolor"',
        expected: "a built-in seat side (kommun, region, other) or one defined earlier by meetings.seat-side-defined (none is)",
        actual: "skolor",
      }),
    );
    expect(store.events()).toHaveLength(0);
    expect((await store.append(log)).ok).toBe(true);
    const summary = draft("meetings.attendance-summary-recorded", "2020-04-30", { networkId: "elevhalsa", from: "2020-04-01", to: "2020-04-30", meetings: 1, bySide: { skolor: { expected: 2, present: 2 }, foraldrar: { expected: 0, present: 0 } } });
    const outcome = await store.append([summary]);
    expect(!outcome.ok && outcome.issues).toEqual([expect.objectContaining({ code: "unknown-reference", path: "data.bySide.foraldrar", expected: "a built-in seat side (kommun, region, other) or one defined earlier by meetings.seat-side-defined (skolor, lansstyrelsen)" })]);
    expect(store.events()).toHaveLength(log.length);
  });

  it("refuses to define a built-in side, or one already defined unless the definition is superseded", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const issueOf = async (event: EventDraft) => {
      const outcome = await store.append([event]);
      return outcome.ok ? undefined : outcome.issues[0];
    };
    expect(await issueOf(draft("meetings.seat-side-defined", "2020-01-01", { sideId: "region", name: "regionen", label: "Regionen" }))).toEqual(expect.objectContaining({ code: "conflict", path: "data.sideId", actual: "region" }));
    const first = { ...draft("meetings.seat-side-defined", "2020-01-01", { sideId: "skolor", name: "skolorna", label: "Skolorna" }), id: "skolor-first" };
    expect(await issueOf(first)).toBeUndefined();
    expect(await issueOf(draft("meetings.seat-side-defined", "2020-01-01", { sideId: "skolor", name: "skolor", label: "Skolor" }))).toEqual(expect.objectContaining({ code: "conflict", path: "data.sideId" }));
    expect(await issueOf({ ...draft("meetings.seat-side-defined", "2020-01-01", { sideId: "skolor", name: "grundskolorna", label: "Grundskolorna" }), supersedes: "skolor-first" })).toBeUndefined();
  });

  it("derives the attendance slide's rows from its own log: the metrics under the goal with their names, the other group's lowest and highest, its own target", async () => {
    const document = await build("resultatuppfoljning", withMeasures());
    const slide = tableWithId(document, "bild-narvaro");
    // Rektorsnätverket 6 of 8 seats, Elevhälsonätverket 3 of 4: all 9 of 12.
    expect(slide.body.map((row) => row.cells.map(cellText))).toEqual([
      ["Närvaro i alla nätverk", "", "", `75${NBSP}%`],
      ["Närvaro i rektorsnätverket", "", "", `75${NBSP}%`],
      ["Elevhälsans träffar, lägst", "", "", `75${NBSP}%`],
      ["Elevhälsans träffar, högst", "", "", `75${NBSP}%`],
    ]);
    const registration = tableWithId(document, "bild-narvaro-registrering");
    expect(registration.body.map((row) => row.cells.map(cellText))).toEqual([
      ["Nätverk/styrgrupper med registrerad närvaro", "2"],
      ["Mål för närvaron", `75${NBSP}%`],
    ]);
    const json = JSON.stringify(document);
    // Headed by the goal its rows are taken from.
    expect(json).toContain("Skolorna möts regelbundet");
    for (const foreign of ["Samtliga nätverk", "PKS", "Kommundirektörer", "Region Jönköpings län"]) expect(json).not.toContain(foreign);
  });

  it("leaves the attendance slide out when the log defines no attendance metric", async () => {
    const document = await build("resultatuppfoljning");
    expect(() => tableWithId(document, "bild-narvaro")).toThrow("no table bild-narvaro");
  });
});
