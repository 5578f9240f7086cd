/**
 * A second, fictional organisation (Sjöstadens kulturråd) funded by its region and by fees, two
 * sources it defines in its own log: its money tables, chart and financing slide print exactly
 * those sources with its own labels, never the first organisation's kommunerna, staten and övriga.
 */
import { describe, expect, it } from "vitest";
import { allBlocks, cellText, documentOf, headOf, type Row, tableWithId } from "./document-reading.js";
import { Decimal, parsePeriod, type EventDraft, type Period, type ReportChart, type ReportDocument, type ReportTable } from "../../src/index.js";

let counter = 0;
const draft = (type: string, effectiveAt: string, data: Record<string, unknown>): EventDraft => {
  counter += 1;
  return { id: `sjostaden-${counter}`, type, effectiveAt, recordedAt: `2020-05-10T10:00:${String(counter).padStart(2, "0")}.000Z`, data } as EventDraft;
};

const SPAN = { from: "2020-01-01", to: "2020-04-30" };
const flow = (type: "finance.funds-received" | "finance.cost-booked", areaId: string, source: string, amount: string): EventDraft => draft(type, SPAN.to, { areaId, ...SPAN, amount, source });

/** Two areas; the region and the fees pay for both, and the stage pays a share of the art area's costs. */
const sjostadenLog = (): EventDraft[] => {
  counter = 0;
  return [
    draft("publication.organisation-profiled", "2020-01-01", { name: "Sjöstadens kulturråd", county: "Sjölands län", responsibleBody: "Kulturrådets styrelse" }),
    draft("reference.area-established", "2020-01-01", { areaId: "scen", name: "Scenkonst", kind: "operation" }),
    draft("reference.area-established", "2020-01-01", { areaId: "bild", name: "Bildkonst", kind: "operation" }),
    draft("finance.funding-source-defined", "2020-01-01", { sourceId: "regionen", name: "regionen", label: "Tillförda medel regionen" }),
    draft("finance.funding-source-defined", "2020-01-01", { sourceId: "avgifter", name: "avgifter", label: "Avgiftsintäkter" }),
    draft("finance.opening-balance-recorded", "2019-12-31", { areaId: "scen", asOf: "2019-12-31", amount: "50000" }),
    flow("finance.funds-received", "scen", "regionen", "600000"),
    flow("finance.funds-received", "scen", "avgifter", "150000"),
    flow("finance.funds-received", "bild", "regionen", "300000"),
    flow("finance.funds-received", "bild", "avgifter", "60000"),
    flow("finance.cost-booked", "scen", "regionen", "400000"),
    flow("finance.cost-booked", "scen", "avgifter", "100000"),
    flow("finance.cost-booked", "bild", "regionen", "200000"),
    flow("finance.cost-booked", "bild", "avgifter", "40000"),
    flow("finance.cost-booked", "bild", "internal", "10000"),
    draft("finance.balance-recorded", "2020-04-30", { areaIds: ["scen"], asOf: "2020-04-30", bySource: { regionen: "250000", avgifter: "50000" } }),
    draft("finance.balance-recorded", "2020-04-30", { areaIds: ["bild"], asOf: "2020-04-30", bySource: { regionen: "90000", avgifter: "20000" } }),
  ];
};

const T1 = parsePeriod("2020-T1") as Period;

const build = async (kind: "tertialrapport" | "resultatuppfoljning"): Promise<ReportDocument> => documentOf(sjostadenLog(), kind, T1);

/** A row's figures as exact decimals, its label left out; a blank cell is null. */
const exactsOf = (entry: Row): (Decimal | null)[] => entry.cells.slice(1).map((cell) => (cell.kind === "figure" ? new Decimal(cell.figure.exact) : null));
const sum = (values: readonly (Decimal | null)[]): Decimal => values.reduce<Decimal>((total, value) => total.plus(value ?? 0), new Decimal(0));

/** Each column of the Summa row (or the first `columns` of a share table) is its column's sum over the body. */
const expectFootsDown = (table: ReportTable, columns?: number): void => {
  const [total] = table.foot;
  if (total === undefined) throw new Error(`${table.id} has no totals row`);
  exactsOf(total).slice(0, columns).forEach((value, column) => {
    const cells = table.body.map((entry) => exactsOf(entry)[column] ?? null);
    expect(value?.toFixed() ?? null, `${table.id} column ${column + 1}`).toBe(cells.every((cell) => cell === null) ? null : sum(cells).toFixed());
  });
};

/** In each row the source columns (from `first` on) add up to the row's own column `whole`. */
const expectFootsAcross = (table: ReportTable, whole: number, first: number, count: number): void => {
  for (const entry of [...table.body, ...table.foot]) {
    const values = exactsOf(entry);
    expect(sum(values.slice(first, first + count)).toFixed(), `${table.id} ${cellText(entry.cells[0] ?? { kind: "blank", marks: [] })}`).toBe(values[whole]?.toFixed());
  }
};

/** The first organisation's financing sources as its tables print them ("verksamhetens övriga områden" is anyone's words). */
const FIRST_ORGANISATION = ["kommunerna", "Kommunerna", "staten", "Staten", "medel övriga", "Övriga", "och övriga", "övriga finansiärer"];

describe("a second organisation funded by its region and by fees", () => {
  it("prints its own sources, with its own labels, as the columns of Tabell 2a/2b and 3a/3b, and they foot", async () => {
    const document = await build("tertialrapport");
    const [t2a, t2b, t3a, t3b] = ["tabell-2a", "tabell-2b", "tabell-3a", "tabell-3b"].map((id) => tableWithId(document, id)) as [ReportTable, ReportTable, ReportTable, ReportTable];
    expect(headOf(t2a)).toEqual(["Redovisning av disponibla medel", "Ingående medel 2019-12-31", "Disponibla medel 2020-04-30", "Tillförda medel regionen", "Avgiftsintäkter"]);
    expect(headOf(t2b)).toEqual(["Redovisning av disponibla medel", "Disponibla medel 2020-04-30", "Tillförda medel regionen", "Avgiftsintäkter"]);
    expect(headOf(t3a)).toEqual(["Utfall 2020-04-30", "Utfall per verksamhetsområde *", "Tillförda medel regionen", "Avgiftsintäkter"]);
    expect(headOf(t3b)).toEqual(["Finansiering av utfall 2020-04-30", "Andel utfall per verksamhetsområde *", "Tillförda medel regionen", "Avgiftsintäkter"]);

    expect(t3a.body.map((entry) => exactsOf(entry).map((value) => value?.toFixed() ?? null))).toEqual([
      ["500000", "400000", "100000"],
      ["240000", "200000", "40000"],
    ]);
    expect(t2a.body.map((entry) => exactsOf(entry).slice(1, 4).map((value) => value?.toFixed() ?? null))).toEqual([
      ["300000", "250000", "50000"],
      ["110000", "90000", "20000"],
    ]);
    for (const table of [t2a, t3a]) expectFootsDown(table);
    // A share table's first column is each row's share of the total; its source columns are shares of the row itself.
    for (const table of [t2b, t3b]) expectFootsDown(table, 1);
    expectFootsAcross(t2a, 1, 2, 2);
    expectFootsAcross(t3a, 0, 1, 2);
    // The source shares of each row make the whole of it.
    for (const entry of [...t2b.body, ...t2b.foot, ...t3b.body, ...t3b.foot]) expect(sum(exactsOf(entry).slice(1)).minus(1).abs().lessThan("1e-12")).toBe(true);
    expect(t3a.footnotes?.[0]?.markdown).toContain("finansieras av regionen och avgifter. Kostnader som verksamhetens övriga områden finansierar internt är borttagna");
    expect(t3b.footnotes?.[0]?.markdown).toContain("Andelarna avser kostnader som finansieras av regionen och avgifter;");
  });

  it("charts its funds and costs by its own sources, and prints nothing of the first organisation's sources", async () => {
    const document = await build("tertialrapport");
    const chart = allBlocks(document).find((block): block is ReportChart => block.kind === "chart" && block.id === "medel-och-utfall-per-finansiar");
    expect(chart?.categories).toEqual(["Regionen", "Avgifter"]);
    expect(chart?.series.map((series) => series.values.map((value) => value?.exact ?? null))).toEqual([
      ["340000", "70000"],
      ["600000", "140000"],
    ]);
    const economy = JSON.stringify(allBlocks(document).filter((block) => (block.kind === "table" && /^tabell-[23]/.test(block.id)) || block === chart));
    expect(FIRST_ORGANISATION.filter((word) => economy.includes(word))).toEqual([]);
  });

  it("heads the financing slide with its own sources", async () => {
    const slide = tableWithId(await build("resultatuppfoljning"), "bild-finansiering-andel");
    expect(headOf(slide)).toEqual(["Finansiering av utfall 2020-04-30", "Andel utfall per verksamhetsområde", "Tillförda medel regionen", "Avgiftsintäkter"]);
    expect(slide.align).toEqual(["left", "right", "right", "right"]);
    expect(slide.foot.map((entry) => exactsOf(entry).map((value) => value?.toDecimalPlaces(4).toFixed() ?? null))).toEqual([["1", "0.8108", "0.1892"]]);
  });
});
