import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, diffReports, memoryStore, period, type EventDraft } from "@tertial/core";
import { clipTexts } from "../src/commands/diff.js";
import { EXAMPLE_LOG, snapshot, tempDir, tertial, writeLog } from "./report-helpers.js";

const FORMS_T1 = { tjanstekop: "6.35", tillsvidare: "24.25", visstid: "13.80" };
const FORMS_T2 = { tjanstekop: "7.25", tillsvidare: "24.25", visstid: "13.80" };
const FORMS_T2_CORRECTED = { tjanstekop: "7.75", tillsvidare: "24.25", visstid: "13.80" };

const history: EventDraft[] = [
  snapshot("snap-t1", "2020-04-30", "2020-05-10T08:00:00.000Z", FORMS_T1, "44.40"),
  snapshot("snap-t2", "2020-08-31", "2020-09-02T08:00:00.000Z", FORMS_T2, "45.30"),
  snapshot("snap-t2-corrected", "2020-08-31", "2020-10-01T08:00:00.000Z", FORMS_T2_CORRECTED, "45.80", "snap-t2"),
];

const diffArgs = (log: string, a: string, b: string) => ["diff", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", a, "--known-at", b];

describe("tertial diff", () => {
  it("lists exactly the figures a correction recorded in between changed, with the event that changed them", async () => {
    const log = await writeLog(await tempDir(), history);
    const { code, stdout } = await tertial([...diffArgs(log, "2020-09-15", "2020-10-15"), "--format", "json"]);
    expect(code).toBe(5);
    const diff = JSON.parse(stdout) as { changes: { key: string; before: { text: string } | null; after: { text: string } | null; attribution: string; events: { id: string; supersedes?: string }[] }[] };
    expect(diff.changes.map((change) => change.key).sort()).toEqual(["staffing.fte@2020-08-31", "staffing.fte@2020-08-31/form=tjanstekop", "staffing.fte@2020-08-31/group=ovrig/change-from=2019-12-31"].filter((key) => diff.changes.some((change) => change.key === key)).sort());
    const total = diff.changes.find((change) => change.key === "staffing.fte@2020-08-31");
    expect(total?.before?.text).toBe("45,30");
    expect(total?.after?.text).toBe("45,80");
    expect(total?.attribution).toBe("evidence");
    expect(total?.events.map((event) => event.id)).toEqual(["snap-t2-corrected"]);
    expect(diff.changes.find((change) => change.key === "staffing.fte@2020-08-31/form=tjanstekop")?.after?.text).toBe("7,75");
    expect(diff.changes.some((change) => change.key.includes("2020-04-30"))).toBe(false);
  });

  it("prints a readable list, and nothing when no event was recorded in between", async () => {
    const log = await writeLog(await tempDir(), history);
    const text = await tertial(diffArgs(log, "2020-09-15", "2020-10-15"));
    expect(text.stdout).toContain("staffing.fte@2020-08-31\t45,30 → 45,80");
    expect(text.stdout).toContain("caused by: snap-t2-corrected (staff.snapshot-recorded, effective 2020-08-31, recorded 2020-10-01T08:00:00.000Z, supersedes snap-t2)");
    const none = await tertial(diffArgs(log, "2020-09-03", "2020-09-30"));
    expect(none.code).toBe(0);
    expect(none.stdout).toBe("no figure and no text differs between the report as known at 2020-09-03 and as known at 2020-09-30\n");
  });

  it("shows figures that appear once their facts are recorded", async () => {
    const log = await writeLog(await tempDir(), history);
    const { stdout } = await tertial([...diffArgs(log, "2020-05-01", "2020-05-20"), "--format", "json"]);
    const diff = JSON.parse(stdout) as { changes: { key: string; before: unknown; events: { id: string }[] }[] };
    const t1 = diff.changes.find((change) => change.key === "staffing.fte@2020-04-30");
    expect(t1?.before).toBeNull();
    expect(t1?.events.map((event) => event.id)).toEqual(["snap-t1"]);
  });

  it("needs --known-at exactly twice, in order", async () => {
    const log = await writeLog(await tempDir(), history);
    expect((await tertial(["diff", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-09-01"])).code).toBe(2);
    expect((await tertial(diffArgs(log, "2020-10-15", "2020-09-15"))).stderr).toContain("must not be later");
  });

  it("law: no events recorded between A and B → empty diff", async () => {
    const tertialEnds = ["2019-04-30", "2019-08-31", "2019-12-31", "2020-04-30", "2020-08-31"];
    const fact = fc.record({ asOf: fc.constantFrom(...tertialEnds), day: fc.integer({ min: 1, max: 200 }), cents: fc.integer({ min: 0, max: 3000 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(fact, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat({ max: 23 }), async (facts, gapPick, hours) => {
        const days = [...new Set(facts.map((item) => item.day))].sort((a, b) => a - b);
        const at = (day: number, hour = 8): string => new Date(Date.UTC(2020, 8, 1) + day * 86_400_000 + hour * 3_600_000).toISOString();
        const drafts = facts
          .map((item, index) => ({ item, index }))
          .sort((a, b) => a.item.day - b.item.day || a.index - b.index)
          .map(({ item, index }) => {
            const visstid = (item.cents / 100).toFixed(2);
            return snapshot(`s${index}`, item.asOf, at(item.day), { tjanstekop: "1.00", tillsvidare: "2.00", visstid }, (3 + item.cents / 100).toFixed(2));
          });
        const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
        const appended = await store.append(drafts);
        if (!appended.ok) throw new Error(JSON.stringify(appended.issues));
        // A and B inside one gap between recording days (or both after the last one).
        const gap = gapPick % days.length;
        const from = days[gap] ?? 0;
        const to = days[gap + 1];
        const a = at(from, 9);
        const b = to === undefined ? at(from + 30, 9) : at(to - 1, 9 + (hours % 15));
        const diff = await diffReports(store, defaultCatalog, { kind: "delarsrapport", period: period("2020-T1..T2"), generatedBy: "law" }, a, b);
        expect(diff.changes).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it("hides a change only in the exact value unless --exact, and then says the printed text is unchanged", async () => {
    // 709 000 kr and then 709 400 kr: Tabell 1 prints both as 709 (tkr).
    const cost = (id: string, recordedAt: string, amount: string): EventDraft => ({ id, type: "finance.cost-booked", effectiveAt: "2020-08-31", recordedAt, data: { areaId: "fourum-fritid", from: "2020-01-01", to: "2020-08-31", amount, source: "kommunerna" } });
    const area: EventDraft = { id: "area", type: "reference.area-established", effectiveAt: "2017-01-01", recordedAt: "2020-09-01T08:00:00.000Z", data: { areaId: "fourum-fritid", name: "FoUrum fritid", kind: "operation" } };
    const log = await writeLog(await tempDir(), [area, cost("cost-a", "2020-09-02T08:00:00.000Z", "709000"), cost("cost-b", "2020-10-01T08:00:00.000Z", "400")]);
    const hidden = await tertial(diffArgs(log, "2020-09-15", "2020-10-15"));
    expect(hidden.code).toBe(5);
    expect(hidden.stdout).toContain("more changed only in exact value, the printed text is unchanged (--exact lists them)");
    expect(hidden.stdout).not.toContain("709 → 709");
    const shown = await tertial([...diffArgs(log, "2020-09-15", "2020-10-15"), "--exact"]);
    expect(shown.stdout).toContain("budget-follow-up.outcome@2020-T1..T2/row=fourum-fritid\t709 → 709\t(printed text unchanged, exact value changed: 709,00\u00a0tkr → 709,40\u00a0tkr)");
    const json = JSON.parse((await tertial([...diffArgs(log, "2020-09-15", "2020-10-15"), "--format", "json"])).stdout) as { changes: { key: string; printedChanged: boolean }[] };
    expect(json.changes.length).toBeGreaterThan(0);
    expect(json.changes.find((change) => change.key === "budget-follow-up.outcome@2020-T1..T2/row=fourum-fritid")?.printedChanged).toBe(false);
  });
});

describe("diff of a figure written into a text", () => {
  it("names the event behind the change, from the figure's own evidence, and not the unrelated events in between", async () => {
    const text: EventDraft = {
      id: "text-staff",
      type: "narrative.written",
      effectiveAt: "2020-08-31",
      recordedAt: "2020-09-03T08:00:00.000Z",
      data: { narrativeId: "text-staff", kind: "introduction", from: "2020-01-01", to: "2020-08-31", section: "1.2", markdown: "Vi var {{staffing.fte asOf=2020-08-31 suffix=nej}} årsarbetare." },
    };
    const unrelated: EventDraft = { id: "area-new", type: "reference.area-established", effectiveAt: "2020-09-01", recordedAt: "2020-09-20T08:00:00.000Z", data: { areaId: "ny", name: "Nytt område" } };
    const [t1, t2, corrected] = history as [EventDraft, EventDraft, EventDraft];
    const store = memoryStore({ catalog: defaultCatalog });
    expect((await store.append([t1, t2, text, unrelated, corrected])).ok).toBe(true);
    const diff = await diffReports(store, defaultCatalog, { kind: "delarsrapport", period: period("2020-T1..T2"), generatedBy: "test" }, "2020-09-15", "2020-10-15");
    const inText = diff.changes.find((change) => change.key.includes("narrative=text-staff"));
    expect([inText?.before?.text, inText?.after?.text]).toEqual(["45,30", "45,80"]);
    expect(inText?.attribution).toBe("evidence");
    expect(inText?.events.map((event) => event.id)).toEqual(["snap-t2-corrected"]);
  });
});

describe("diff of the words", () => {
  const narrative = (id: string, recordedAt: string, markdown: string, supersedes?: string): EventDraft => ({
    id,
    type: "narrative.written",
    effectiveAt: "2020-08-31",
    recordedAt,
    ...(supersedes === undefined ? {} : { supersedes }),
    data: { narrativeId: "analys-1-2", kind: "analysis", from: "2020-01-01", to: "2020-08-31", section: "1.2", markdown },
  });
  const first = narrative("text-a", "2020-09-03T08:00:00.000Z", "Personalen har varit stabil under hela perioden och ingen har slutat sedan årsskiftet.");
  const rewritten = narrative("text-b", "2020-10-01T08:00:00.000Z", "Personalen har varit stabil under hela perioden men två har slutat sedan årsskiftet.", "text-a");

  it("a paragraph rewritten and no figure changed: says so, lists it clipped with the event, and exits 5", async () => {
    const [t1, t2] = history as [EventDraft, EventDraft];
    const log = await writeLog(await tempDir(), [t1, t2, first, rewritten]);
    const { code, stdout } = await tertial(diffArgs(log, "2020-09-15", "2020-10-15"));
    expect(code).toBe(5);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("no figure differs between the report as known at 2020-09-15 and as known at 2020-10-15, but 1 text(s) do (each clipped to the words that differ, with up to three words around them; --format json has the whole texts):");
    expect(lines[1]).toBe("1.1 Analys\tparagraph 1\tchanged: … under hela perioden och ingen har slutat sedan … → … under hela perioden men två har slutat sedan …");
    expect(lines[2]).toBe("  caused by: text-b (narrative.written, effective 2020-08-31, recorded 2020-10-01T08:00:00.000Z, supersedes text-a)");
    const json = JSON.parse((await tertial([...diffArgs(log, "2020-09-15", "2020-10-15"), "--format", "json"])).stdout) as { changes: unknown[]; textChanges: { change: string; block: string; before: string; after: string; attribution: string; events: { id: string }[] }[] };
    expect(json.changes).toEqual([]);
    expect(json.textChanges).toEqual([expect.objectContaining({ change: "changed", block: "paragraph", before: (first.data as { markdown: string }).markdown, after: (rewritten.data as { markdown: string }).markdown, attribution: "words", events: [expect.objectContaining({ id: "text-b", supersedes: "text-a" })] })]);
  });

  it("clips to the words that differ, three words around them, twelve at most of what differs", () => {
    expect(clipTexts("a b c d e f g h", "a b c d X f g h")).toEqual(["… b c d e f g h", "… b c d X f g h"]);
    expect(clipTexts("ett två tre fyra fem sex sju åtta", "ett två tre FYRA fem sex sju åtta")).toEqual(["ett två tre fyra fem sex sju …", "ett två tre FYRA fem sex sju …"]);
    expect(clipTexts(null, "1 2 3 4 5 6 7 8 9 10 11 12 13 14")).toEqual(["(saknas)", "1 2 3 4 5 6 7 8 9 10 11 12 …"]);
    expect(clipTexts("Rad ett\n\nRad två", null)).toEqual(["Rad ett ¶ Rad två", "(saknas)"]);
  });
});

describe("diff of the bundled example (Kommunal utveckling), as published 2020-10-15 and now", () => {
  const args = ["diff", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--known-at", "now"];

  it("the corrections recorded since change figures only: every paragraph that reads differently differs in its figures (and their marks), so no text change is listed", async () => {
    const { code, stdout } = await tertial([...args, "--format", "json"]);
    expect(code).toBe(5);
    const diff = JSON.parse(stdout) as { changes: { key: string }[]; textChanges: unknown[] };
    expect(diff.changes.length).toBeGreaterThan(0);
    // The paragraph of 3.2 reads "nådde 10‡ av 21‡" now and "nådde 9† av 21†" then: a figure change, not also a text change.
    expect(diff.changes.some((change) => change.key.includes("narrative=narvaro-3-2"))).toBe(true);
    expect(diff.textChanges).toEqual([]);
    const text = await tertial(args);
    expect(text.stdout.trimEnd().split("\n").at(-1)).toBe("no text differs apart from these figures");
  });

  it("from before the report's texts were written: every text added is listed, each with the event that wrote it", async () => {
    const { stdout } = await tertial(["diff", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-09-12", "--known-at", "2020-10-15", "--format", "json"]);
    const diff = JSON.parse(stdout) as { textChanges: { change: string; block: string; path: string[]; attribution: string; events: { id: string; type: string }[] }[] };
    const intro = diff.textChanges.filter((change) => change.block === "paragraph" && change.path[0] === "1 Inledning" && change.path.length === 1);
    expect(intro.map((change) => [change.change, change.attribution, change.events.map((event) => event.id)])).toEqual([
      ["added", "words", ["narrative-intro-1-1"]],
      ["added", "words", ["narrative-intro-1-2"]],
      ["added", "words", ["narrative-intro-1-3"]],
    ]);
  });
});
