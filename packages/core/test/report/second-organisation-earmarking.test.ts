/**
 * Tabell 1's "Varav kvarvarande fonderade statliga medel" is the first organisation's column: it
 * keeps earmarked state funds. A second, fictional organisation (Fjällbygdens kulturråd) keeps
 * none, so its Tabell 1 has no such column, and its columns still foot; an organisation that
 * records earmarked funds in some period has the column in every period's table.
 */
import { describe, expect, it } from "vitest";
import { cellText, documentOf, headOf, tableWithId, type Row } from "./document-reading.js";
import { Decimal, parsePeriod, type EventDraft, type Period, type ReportTable } from "../../src/index.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `fjall-${counter}`, type, effectiveAt, recordedAt: `2020-05-10T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const SPAN = { from: "2020-01-01", to: "2020-04-30" };

/** Two areas with an opening balance, funds, budget, costs and a forecast; nothing earmarked. */
const fjallLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2020-01-01", { name: "Fjällbygdens kulturråd", county: "Fjällbygdens län", responsibleBody: "Kulturrådets styrelse" }),
    draft("reference.area-established", "2020-01-01", { areaId: "scen", name: "Scenkonst", kind: "operation" }),
    draft("reference.area-established", "2020-01-01", { areaId: "bild", name: "Bildkonst", kind: "operation" }),
    draft("finance.opening-balance-recorded", "2019-12-31", { areaId: "scen", asOf: "2019-12-31", amount: "50000" }),
    draft("finance.opening-balance-recorded", "2019-12-31", { areaId: "bild", asOf: "2019-12-31", amount: "20000" }),
    draft("finance.budget-adopted", "2020-01-01", { areaId: "scen", year: 2020, amount: "1200000" }),
    draft("finance.budget-adopted", "2020-01-01", { areaId: "bild", year: 2020, amount: "600000" }),
    draft("finance.funds-received", SPAN.to, { areaId: "scen", ...SPAN, amount: "750000", source: "kommunerna" }),
    draft("finance.funds-received", SPAN.to, { areaId: "bild", ...SPAN, amount: "360000", source: "kommunerna" }),
    draft("finance.cost-booked", SPAN.to, { areaId: "scen", ...SPAN, amount: "500000", source: "kommunerna" }),
    draft("finance.cost-booked", SPAN.to, { areaId: "bild", ...SPAN, amount: "240000", source: "kommunerna" }),
    draft("finance.forecast-made", SPAN.to, { areaId: "scen", horizon: "2020-12-31", amount: "100000" }),
    draft("finance.forecast-made", SPAN.to, { areaId: "bild", horizon: "2020-12-31", amount: "40000" }),
  ];
};

/** A balance of earmarked state money recorded for a later period than the report's. */
const earmarkedLater = (): EventDraft => draft("finance.balance-recorded", "2020-08-31", { areaIds: ["scen"], asOf: "2020-08-31", earmarkedState: "30000" });

const T1 = parsePeriod("2020-T1") as Period;

const tabell1 = async (drafts: readonly EventDraft[]): Promise<ReportTable> => tableWithId(await documentOf(drafts, "tertialrapport", T1), "tabell-1-budgetuppfoljning");

const exactsOf = (entry: Row): (string | null)[] => entry.cells.slice(1).map((cell) => (cell.kind === "figure" ? new Decimal(cell.figure.exact).toFixed() : null));

const HEADINGS = ["", "Ingående medel 2020", "Erhållna medel 2020", "Disponibla medel 2020", "Budget förbrukning 2020", "Utfall förbrukning 2020-04-30", "Kvarvarande medel 2020-04-30"];
const FORECAST = "Prognos kvarvarande medel 2020-12-31";

describe("Tabell 1 of an organisation without earmarked funds", () => {
  it("has no earmarked column, and every column foots", async () => {
    const table = await tabell1(fjallLog());
    expect(headOf(table)).toEqual([...HEADINGS, FORECAST]);
    expect(table.align).toHaveLength(8);
    expect(JSON.stringify(table)).not.toMatch(/fonderade/);
    const rows = [...table.body, ...table.foot].map((entry) => [cellText(entry.cells[0] ?? { kind: "blank", marks: [] }), ...exactsOf(entry)]);
    expect(rows).toEqual([
      ["Scenkonst", "50000", "750000", "800000", "1200000", "500000", "300000", "100000"],
      ["Bildkonst", "20000", "360000", "380000", "600000", "240000", "140000", "40000"],
      ["Summa", "70000", "1110000", "1180000", "1800000", "740000", "440000", "140000"],
      // The forecast total again, in the last column: the forecast's own column, wherever it stands.
      ["Ackumulerat överskott 2020-12-31", null, null, null, null, null, null, "140000"],
    ]);
  });
});

describe("Tabell 1 of an organisation that records earmarked funds", () => {
  it("has the earmarked column in every period's table, blank where the period has none", async () => {
    const table = await tabell1([...fjallLog(), earmarkedLater()]);
    expect(headOf(table)).toEqual([...HEADINGS, "Varav kvarvarande fonderade statliga medel", FORECAST]);
    expect(table.body.map((entry) => exactsOf(entry)[6])).toEqual([null, null]);
  });

  it("has it when money is received earmarked", async () => {
    const earmarked = draft("finance.funds-received", SPAN.to, { areaId: "bild", ...SPAN, amount: "1000", source: "staten", earmarked: true });
    expect(headOf(await tabell1([...fjallLog(), earmarked]))).toContain("Varav kvarvarande fonderade statliga medel");
  });
});
