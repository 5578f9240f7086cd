import { describe, expect, it } from "vitest";
import { defaultCatalog, diffReports, memoryStore, parsePeriod, type EventDraft, type Period, type ReportBlock, type ReportDocument, type ReportFigure, type ReportSection } from "../../../src/index.js";
import type { StoredEvent } from "../../../src/events/envelope.js";
import { fragmentCache, textCauses } from "../../../src/report/diff/causes.js";
import { diffDocumentText } from "../../../src/report/diff/text.js";
import { maskFigures } from "../../../src/report/diff/words.js";
import { fjallbygdenLog } from "../../fixtures/fjallbygden.js";
import { sampleDocument } from "../sample-document.js";

const paragraph = (markdown: string, figures: ReportFigure[] = []): ReportBlock => ({ kind: "paragraph", markdown, ...(figures.length === 0 ? {} : { figures }) });
const figure = (key: string, text: string, basis?: "illustrative"): ReportFigure => ({ key, exact: "1", text, unit: "count", ...(basis === undefined ? {} : { basis }) });

/** The sample document with its first section's blocks replaced. */
const withBlocks = (blocks: readonly ReportBlock[]): ReportDocument => {
  const document = sampleDocument();
  const [first, ...rest] = document.sections;
  if (first === undefined) throw new Error("the sample document has no section");
  return { ...document, sections: [{ ...first, blocks }, ...rest] };
};

const table = (rows: string[][], statusHeading = "Status"): ReportBlock => ({
  kind: "table",
  id: "studier",
  caption: "Forskningsstudier",
  unitNote: null,
  align: ["left", "left"],
  head: [{ cells: [{ kind: "text", text: "Studie", marks: [] }, { kind: "text", text: statusHeading, marks: [] }] }],
  body: rows.map((cells) => ({ cells: cells.map((text) => (/^\d+$/.test(text) ? { kind: "figure" as const, figure: figure(`studier/${cells[0] ?? ""}`, text), marks: [] } : { kind: "text" as const, text, marks: [] })) })),
  foot: [],
  footnotes: [],
});

describe("text changes between two documents", () => {
  it("a document compared with itself has none", () => {
    expect(diffDocumentText(sampleDocument(), sampleDocument())).toEqual([]);
  });

  it("one paragraph inserted and one rewritten: the others are not changed", () => {
    const a = withBlocks([paragraph("Första stycket om förbundet."), paragraph("Andra stycket om samverkan i länet."), paragraph("Tredje stycket.")]);
    const b = withBlocks([paragraph("Ett nytt stycke först."), paragraph("Första stycket om förbundet."), paragraph("Andra stycket om samverkan i hela länet."), paragraph("Tredje stycket.")]);
    const changes = diffDocumentText(a, b);
    expect(changes.map((change) => [change.change, change.block, change.blockNumber, change.before, change.after])).toEqual([
      ["added", "paragraph", 1, null, "Ett nytt stycke först."],
      ["changed", "paragraph", 3, "Andra stycket om samverkan i länet.", "Andra stycket om samverkan i hela länet."],
    ]);
    expect(changes[1]?.field).toBe("markdown");
    expect(changes[1]?.sectionId).toBe(sampleDocument().sections[0]?.id);
  });

  it("a paragraph that differs only in its figures (and their basis marks) is not a text change: the figures are figure changes", () => {
    const a = withBlocks([paragraph("Nio av 21 nätverk nådde målet 2019.", [figure("n", "Nio"), figure("t", "21")])]);
    const b = withBlocks([paragraph("Tio‡ av 21‡ nätverk nådde målet 2019.", [figure("n", "Tio", "illustrative"), figure("t", "21", "illustrative")])]);
    expect(diffDocumentText(a, b)).toEqual([]);
    // A word beside the figure did change: listed, with the figures as printed.
    const c = withBlocks([paragraph("Tio‡ av 21‡ nätverk nådde målet 2020.", [figure("n", "Tio", "illustrative"), figure("t", "21", "illustrative")])]);
    expect(diffDocumentText(a, c).map((change) => change.after)).toEqual(["Tio‡ av 21‡ nätverk nådde målet 2020."]);
  });

  it("a chapter inserted before others: one heading added, the later ones (renumbered, with new ids) not changed", () => {
    const section = (id: string, number: string, title: string, text: string): ReportSection => ({ id, number, title, blocks: [paragraph(text)], sections: [] });
    const a = { ...sampleDocument(), sections: [section("avsnitt-1", "1", "Om förbundet", "Om oss."), section("avsnitt-2", "2", "Myndigheterna samverkar", "Samverkan.")] };
    const b = { ...sampleDocument(), sections: [section("avsnitt-1", "1", "Om förbundet", "Om oss."), section("avsnitt-2", "2", "Fler mår bra", "Hälsa."), section("avsnitt-3", "3", "Myndigheterna samverkar", "Samverkan.")] };
    expect(diffDocumentText(a, b).map((change) => [change.change, change.block, change.sectionId, change.after])).toEqual([
      ["added", "heading", "avsnitt-2", "2 Fler mår bra"],
      ["added", "paragraph", "avsnitt-2", "Hälsa."],
    ]);
  });

  it("masks a figure only where it stands as a word: the 9 of 2019 stays", () => {
    expect(maskFigures("9 av 2019", [figure("n", "9")])).toBe("\u{FFFC} av 2019");
  });

  it("a column heading reworded, a table row added, a text cell changed, a figure cell left to the figures", () => {
    const a = withBlocks([table([["Erkännande", "Pågår"], ["Brukarrevisioner", "Pågår"], ["Antal", "3"]])]);
    const b = withBlocks([table([["Erkännande", "Avslutad"], ["Föräldrar på avstånd", "Pågår"], ["Brukarrevisioner", "Pågår"], ["Antal", "4"]], "Läge")]);
    const changes = diffDocumentText(a, b);
    expect(changes.map((change) => [change.change, change.caption, change.row, change.field, change.before, change.after])).toEqual([
      ["changed", "Forskningsstudier", null, "heading of column 2", "Status", "Läge"],
      ["changed", "Forskningsstudier", "Erkännande", "Läge", "Pågår", "Avslutad"],
      ["added", "Forskningsstudier", "Föräldrar på avstånd", null, null, "Föräldrar på avstånd | Pågår"],
    ]);
  });
});

const year2020 = parsePeriod("2020") as Period;
const PUBLISHED = "2021-03-01";

describe("diffReports on a second organisation's log (Fjällbygden)", () => {
  const base = fjallbygdenLog();
  const analysis = base.find((draft) => (draft.data as { narrativeId?: string }).narrativeId === "samverkan-analys");
  const later: EventDraft[] = [
    { id: "rename-halsa", type: "strategy.goal-renamed", effectiveAt: "2020-06-01", recordedAt: "2021-05-01T09:00:00.000Z", data: { goalId: "mal-halsa", title: "Fler invånare i fjällbygden mår bättre." } },
    {
      id: "analys-ny",
      type: "narrative.written",
      effectiveAt: "2020-12-31",
      recordedAt: "2021-05-02T09:00:00.000Z",
      supersedes: analysis?.id ?? "",
      data: { narrativeId: "samverkan-analys", kind: "analysis", from: "2020-01-01", to: "2020-12-31", section: "samverkan-analys", markdown: "Samverkan fungerar bäst där teamen sitter tillsammans och delar ärenden." },
    },
    { id: "om-2", type: "narrative.written", effectiveAt: "2020-12-31", recordedAt: "2021-05-03T09:00:00.000Z", data: { narrativeId: "om-2", kind: "introduction", from: "2020-01-01", to: "2020-12-31", section: "om", markdown: "Förbundet bildades 2015 av fyra kommuner, regionen och två statliga myndigheter." } },
  ];

  const diffOf = async (drafts: readonly EventDraft[], a: string, b: string) => {
    const store = memoryStore({ catalog: defaultCatalog });
    const appended = await store.append(drafts);
    if (!appended.ok) throw new Error(JSON.stringify(appended.issues));
    return diffReports(store, defaultCatalog, { kind: "verksamhetsberattelse", period: year2020, generatedBy: "test" }, a, b);
  };

  it("lists a goal renamed, a narrative rewritten and one added, each with the event that did it, and no figure", async () => {
    const diff = await diffOf([...base, ...later], PUBLISHED, "now");
    expect(diff.changes).toEqual([]);
    expect(diff.textChanges.map((change) => ({ change: change.change, path: change.path, block: change.block, before: change.before, after: change.after, attribution: change.attribution, events: change.events.map((event) => event.id) }))).toEqual([
      { change: "added", path: ["1 Om förbundet"], block: "paragraph", before: null, after: "Förbundet bildades 2015 av fyra kommuner, regionen och två statliga myndigheter.", attribution: "words", events: ["om-2"] },
      {
        change: "changed",
        path: ["2 Myndigheterna samverkar kring den enskilde", "2.2 Vad vi lärde oss"],
        block: "paragraph",
        before: "Samverkan fungerar bäst där teamen sitter tillsammans.",
        after: "Samverkan fungerar bäst där teamen sitter tillsammans och delar ärenden.",
        attribution: "words",
        events: ["analys-ny"],
      },
      { change: "changed", path: ["3 Fler invånare i fjällbygden mår bättre"], block: "heading", before: "3 Fler invånare i fjällbygden mår bra", after: "3 Fler invånare i fjällbygden mår bättre", attribution: "words", events: ["rename-halsa"] },
    ]);
    expect(diff.textChanges[1]?.events[0]?.supersedes).toBe(analysis?.id);
  });

  it("a narrative retracted is a paragraph removed, caused by the retraction", async () => {
    const retraction: EventDraft = { id: "bort", type: "log.event-retracted", effectiveAt: "2020-12-31", recordedAt: "2021-05-04T09:00:00.000Z", retracts: analysis?.id ?? "", data: { reason: "texten hörde till fel år" } };
    const diff = await diffOf([...base, retraction], PUBLISHED, "now");
    const removed = diff.textChanges.find((change) => change.change === "removed" && change.block === "paragraph");
    expect(removed?.before).toBe("Samverkan fungerar bäst där teamen sitter tillsammans.");
    expect(removed?.events.map((event) => event.id)).toEqual(["bort"]);
  });

  it("a later outline: headings reworded and a section moved are matched by title and content, not by number", async () => {
    const diff = await diffOf(fjallbygdenLog({ revisedRecordedAt: "2021-06-01T09:00:00.000Z" }), PUBLISHED, "now");
    const lines = diff.textChanges.map((change) => `${change.change} ${change.block} ${change.before ?? "-"} → ${change.after ?? "-"}`);
    expect(lines).toContain("changed heading 1 Om förbundet → 1 Förbundet i korthet");
    expect(lines).toContain("changed heading 3.1 Aktiviteter → 5.1 Insatser");
    // The goal chapters moved (3 → 5, 2 → 6): their headings are not listed as changed.
    expect(lines.some((line) => line.includes("→ 5 Fler invånare"))).toBe(false);
    expect(lines.some((line) => line.includes("→ 6 Myndigheterna"))).toBe(false);
    expect(diff.textChanges.find((change) => change.after === "1 Förbundet i korthet")?.events.map((event) => event.type)).toEqual(["publication.outline-adopted"]);
  });

  it("nothing recorded in between: no text change", async () => {
    const diff = await diffOf([...base, ...later], PUBLISHED, "2021-04-01");
    expect(diff.textChanges).toEqual([]);
  });
});

describe("a metric's status and the event that names it", () => {
  const metricTable = (status: "met" | "partly-met", description: string): ReportBlock => ({
    kind: "metric-table",
    id: "metrics-3.2",
    rows: [{ key: "metrics.narvaro-pks@2020-T1..T2", status, derivedStatus: null, name: "Närvaro i PKS", target: { text: "80 %", figure: null }, result: figure("metrics.narvaro-pks@2020-T1..T2/result", "76 %"), trend: null, comparison: null, description }],
    footnotes: [],
  });

  it("a status changed is listed under its metric, with the metric's id to find the event by", () => {
    const changes = diffDocumentText(withBlocks([metricTable("met", "Hög närvaro.")]), withBlocks([metricTable("partly-met", "Hög närvaro.")]));
    expect(changes.map((change) => [change.block, change.blockId, change.row, change.field, change.before, change.after, change.refs])).toEqual([["metric-table", "metrics-3.2", "Närvaro i PKS", "status", "met", "partly-met", ["narvaro-pks"]]]);
  });

  const stored = (id: string, data: unknown): StoredEvent => ({ id, type: "strategy.metric-status-assessed", schemaVersion: 1, effectiveAt: "2020-08-31", recordedAt: "2020-10-01T08:00:00.000Z", seq: 1, data, prevHash: "", hash: "" });
  const status = { block: "metric-table", before: "met", after: "partly-met" } as const;

  it("two events bring the status word: the one naming the row's metric is named", () => {
    const between = { events: [stored("other", { metricId: "narvaro-kommundirektorer", status: "partly-met" }), stored("assessed", { metricId: "narvaro-pks", status: "partly-met" })], corrected: new Map<string, StoredEvent>() };
    const found = textCauses(between, status, ["narvaro-pks"], fragmentCache());
    expect([found.attribution, found.events.map((event) => event.id)]).toEqual(["words", ["assessed"]]);
  });

  it("no event carries the words: the one naming the metric is found by reference, and with no row to name, none is", () => {
    const between = { events: [stored("other", { metricId: "narvaro-kommundirektorer", assessment: "partly" }), stored("assessed", { metricId: "narvaro-pks", assessment: "partly" })], corrected: new Map<string, StoredEvent>() };
    const found = textCauses(between, status, ["narvaro-pks"], fragmentCache());
    expect([found.attribution, found.events.map((event) => event.id)]).toEqual(["reference", ["assessed"]]);
    expect(textCauses(between, status, [], fragmentCache())).toEqual({ attribution: "none", events: [] });
  });
});
