/**
 * A second, fictional organisation (Sjöstadens kursverksamhet) whose courses are paid by the
 * state and by two financing sources it defines, the region and a foundation: its revenue table
 * names exactly those payers by their sources' names, never the first organisation's
 * "deltagaravgifter från länets kommuner", and the payers' rows add up to the total.
 */
import { describe, expect, it } from "vitest";
import { Decimal, defaultCatalog, generateReport, memoryStore, parsePeriod, type EventDraft, type Period, type ReportBlock, type ReportDocument, type ReportSection, type ReportTable } from "../../src/index.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `sjostaden-kurs-${counter}`, type, effectiveAt, recordedAt: `2020-05-10T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const SPAN = { from: "2020-01-01", to: "2020-04-30" };
const revenue = (byPayer: Record<string, string>): EventDraft => draft("courses.revenue-recorded", SPAN.to, { ...SPAN, amount: Object.values(byPayer).reduce((sum, amount) => sum.plus(amount), new Decimal(0)).toString(), byPayer });

const definitions = (): EventDraft[] => [
  draft("finance.funding-source-defined", "2020-01-01", { sourceId: "regionen", name: "regionen", label: "Tillförda medel regionen" }),
  draft("finance.funding-source-defined", "2020-01-01", { sourceId: "stiftelsen", name: "Kursstiftelsen", label: "Tillförda medel Kursstiftelsen", external: true }),
];

const kursLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2020-01-01", { name: "Sjöstadens kursverksamhet", county: "Sjölands län", responsibleBody: "Styrelsen" }),
    ...definitions(),
    revenue({ stiftelsen: "12000", regionen: "30000", staten: "8000" }),
  ];
};

const T1 = parsePeriod("2020-T1") as Period;

const blocksOf = (sections: readonly ReportSection[]): ReportBlock[] => sections.flatMap((section) => [...section.blocks, ...blocksOf(section.sections)]);
const tableWithId = (document: ReportDocument, id: string): ReportTable => {
  const found = [...blocksOf(document.sections), ...document.appendices.flatMap((appendix) => appendix.blocks)].find((block): block is ReportTable => block.kind === "table" && block.id === id);
  if (found === undefined) throw new Error(`no table ${id}`);
  return found;
};
type Row = ReportTable["body"][number];
const cellText = (cell: Row["cells"][number]): string => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text : "");
const exactOf = (cell: Row["cells"][number]): string => (cell.kind === "figure" ? cell.figure.exact : "");

describe("a second organisation's course payers", () => {
  it("names each payer by its financing source's name, built-in first, then the defined ones as defined, and the payers add up to the total", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    const outcome = await store.append(kursLog());
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.issues));
    const table = tableWithId((await generateReport(store, defaultCatalog, { kind: "tertialrapport", period: T1, generatedBy: "test" })).document, "kursintakter");
    expect(table.body.map((row) => cellText(row.cells[0] as Row["cells"][number]))).toEqual(["Intäkter totalt", "varav från staten", "varav från regionen", "varav från Kursstiftelsen"]);
    const [total, ...payers] = table.body.map((row) => exactOf(row.cells[1] as Row["cells"][number]));
    expect(payers).toEqual(["8000", "30000", "12000"]);
    expect(payers.reduce((sum, amount) => sum.plus(amount), new Decimal(0)).toString()).toBe(total);
    expect(JSON.stringify(table)).not.toContain("länets kommuner");
  });

  it("refuses revenue from a payer neither a built-in nor a defined financing source, saying where and what was expected, and appends nothing", async () => {
    const store = memoryStore({ catalog: defaultCatalog });
    counter = 0;
    const outcome = await store.append([revenue({ kommunerna: "100", regionen: "200" })]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([
      expect.objectContaining({
        code: "unknown-reference",
        path: "data.byPayer.regionen",
        message: 'unknown financing source "regionen"',
        expected: "a built-in financing source (kommunerna, staten, ovriga) or one defined earlier by finance.funding-source-defined (none is)",
        actual: "regionen",
      }),
    ]);
    expect(store.events()).toHaveLength(0);
    expect((await store.append([...definitions(), revenue({ kommunerna: "100", regionen: "200" })])).ok).toBe(true);
  });
});
