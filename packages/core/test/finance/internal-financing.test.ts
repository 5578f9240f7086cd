import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  budgetFollowUpProjection,
  CostBooked,
  Decimal,
  decodeData,
  defaultCatalog,
  financeExternalShare,
  financeOutcome,
  financeOutcomeFinanced,
  financeOutcomeInternal,
  financeOutcomeShare,
  generateReport,
  memoryStore,
  outcomeBySourceProjection,
  period,
  replay,
  type BudgetFollowUpResult,
  type DomainEvent,
  type EventDraft,
  type OutcomeBySourceResult,
  type ReportDocument,
  type ReportSection,
  type ReportTable,
  type StoredEvent,
} from "@tertial/core";
import { fact, fold } from "./support.js";

const SPAN = { from: "2020-01-01", to: "2020-08-31" };
const PERIOD = "2020-T1..T2";

const cost = (areaId: string, amount: string, source?: string): DomainEvent => fact("finance.cost-booked", SPAN.to, { areaId, ...SPAN, amount, ...(source === undefined ? {} : { source }) });

/** Two areas paid from outside, and a management area the others pay part of (as footnote ** of the 2020 interim report says). */
const LEDGER: DomainEvent[] = [
  cost("fou", "1000000", "staten"),
  cost("fou", "600000", "kommunerna"),
  cost("stab", "300000", "kommunerna"),
  cost("stab", "100000", "ovriga"),
  cost("stab", "250000", "internal"),
];

const outcomeOf = (events: readonly DomainEvent[]): OutcomeBySourceResult => fold(outcomeBySourceProjection, events, PERIOD);
describe("finance.cost-booked versions", () => {
  const stored = (schemaVersion: number, data: unknown) => ({ id: "c", type: CostBooked.type, schemaVersion, effectiveAt: SPAN.to, recordedAt: "2020-09-03T08:00:00.000Z", seq: 1, data, prevHash: "0".repeat(64), hash: "0".repeat(64) }) as StoredEvent;

  it("version 2 takes the source internal; version 1 never knew it and refuses it", () => {
    const data = { areaId: "stab", ...SPAN, amount: "250000", source: "internal" };
    expect(CostBooked.latest.version).toBe(3);
    expect(decodeData(defaultCatalog, stored(2, data)).ok).toBe(true);
    expect(decodeData(defaultCatalog, stored(3, data)).ok).toBe(true);
    const old = decodeData(defaultCatalog, stored(1, data));
    expect(old.ok).toBe(false);
    if (!old.ok) expect(old.issues[0]).toEqual(expect.objectContaining({ path: "data.source" }));
  });

  it("lifts a version 1 cost unchanged: a named source stays that source, and no source still means not given", () => {
    for (const data of [{ areaId: "stab", ...SPAN, amount: "2309000", knownTo: "1000" }, { areaId: "stab", ...SPAN, amount: "1955000", source: "ovriga" }]) {
      const decoded = decodeData(defaultCatalog, stored(1, data));
      expect(decoded.ok && decoded.event.data).toEqual(data);
    }
  });

  it("a log appended at version 1 with a cost of no source replays with that cost unattributed, as before", async () => {
    const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2020, 8, 3) });
    const appended = await store.append([
      { type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "stab", name: "Ledning och stab", kind: "operation" } },
      { type: "finance.cost-booked", schemaVersion: 1, effectiveAt: SPAN.to, data: { areaId: "stab", ...SPAN, amount: "400000", source: "kommunerna" } },
      { type: "finance.cost-booked", schemaVersion: 1, effectiveAt: SPAN.to, data: { areaId: "stab", ...SPAN, amount: "100000" } },
    ]);
    expect(appended.ok).toBe(true);
    const result = (await replay(store, defaultCatalog, outcomeBySourceProjection, { period: period(PERIOD) })) as OutcomeBySourceResult;
    expect([result.total.total.exact, result.total.financed.exact, result.total.unattributed.exact, result.total.internal.exact]).toEqual(["500000", "500000", "100000", null]);
  });
});

describe("the ledger fold and the financing table with internal financing", () => {
  it("keeps internally financed costs in the area's utfall (Tabell 1) and out of the financing table", () => {
    const budget = fold<BudgetFollowUpResult>(budgetFollowUpProjection, LEDGER, PERIOD);
    expect(financeOutcome.compute(budget, { row: "stab" })?.exact.toFixed()).toBe("650000");
    expect(financeOutcome.compute(budget, { row: "total" })?.exact.toFixed()).toBe("2250000");
    // A printed utfall of 400 000 (the financing table's basis) is explained, not just flagged.
    expect(financeOutcome.compute(budget, { row: "stab" })?.alternatives?.map((each) => each.exact.toFixed())).toEqual(["400000"]);
    const stab = outcomeOf(LEDGER).rows.find((row) => row.row === "stab");
    expect([stab?.total.exact, stab?.internal.exact, stab?.financed.exact, stab?.withSource.exact, stab?.unattributed.exact]).toEqual(["650000", "250000", "400000", "400000", null]);
    expect(financeOutcomeFinanced.compute(outcomeOf(LEDGER), { row: "stab" })?.exact.toFixed()).toBe("400000");
    expect(financeOutcomeFinanced.compute(outcomeOf(LEDGER), { row: "areas" })?.exact.toFixed()).toBe("2000000");
    expect(financeOutcomeInternal.compute(outcomeOf(LEDGER), { row: "stab" })?.exact.toFixed()).toBe("250000");
    expect(financeOutcomeShare.compute(outcomeOf(LEDGER), { row: "stab" })?.exact.toFixed()).toBe("0.2");
  });

  it("counts the internal part as no external financier's: the external share is (staten + övriga) ÷ the financed costs, exactly", () => {
    const share = financeExternalShare.compute(outcomeOf(LEDGER), {});
    // Counted as external it would be 1 350 000 ÷ 2 250 000 = 60 %; left in the base, 1 100 000 ÷ 2 250 000 = 48,9 %.
    expect(share?.exact.toFixed()).toBe("0.55");
    expect(share?.uncertainty).toBeUndefined();
  });

  it("keeps the uncertainty range where a source is truly not given, and only for that part", () => {
    const withUnknown = [...LEDGER, cost("fou", "400000")];
    const result = outcomeOf(withUnknown);
    expect([result.total.financed.exact, result.total.unattributed.exact, result.total.internal.exact]).toEqual(["2400000", "400000", "250000"]);
    const share = financeExternalShare.compute(result, {});
    // Between 1 100 000 ÷ 2 400 000 and 1 500 000 ÷ 2 400 000: the middle, with half the width as uncertainty.
    const close = (actual: Decimal | undefined, expected: Decimal) => expect(actual?.toDecimalPlaces(40).equals(expected.toDecimalPlaces(40))).toBe(true);
    close(share?.exact, new Decimal(1_300_000).dividedBy(2_400_000));
    close(share?.uncertainty, new Decimal(200_000).dividedBy(2_400_000));
  });

  it("law: for any costs, utfall = financed + internal per area, the rows' financed costs add up, and each row's sources and unattributed part make its financed costs", () => {
    const arbCost = fc
      .record({ areaId: fc.constantFrom("a1", "a2", "a3"), amount: fc.integer({ min: 1, max: 5_000_000 }).map(String), source: fc.option(fc.constantFrom("kommunerna", "staten", "ovriga", "internal"), { nil: undefined }) })
      .map(({ areaId, amount, source }) => cost(areaId, amount, source));
    fc.assert(
      fc.property(fc.array(arbCost, { minLength: 1, maxLength: 20 }), (events) => {
        const result = outcomeOf(events);
        const value = (exact: string | null) => new Decimal(exact ?? "0");
        const internalCosts = events.filter((event) => (event.data as { source?: string }).source === "internal").reduce((sum, event) => sum.plus((event.data as { amount: string }).amount), new Decimal(0));
        expect(value(result.total.internal.exact).equals(internalCosts)).toBe(true);
        expect(value(result.total.total.exact).equals(value(result.total.financed.exact).plus(internalCosts))).toBe(true);
        for (const row of [...result.rows, result.total]) {
          const parts = ["kommunerna", "staten", "ovriga"].reduce((sum, source) => sum.plus(row.bySource[source]?.exact ?? "0"), value(row.unattributed.exact));
          expect(parts.equals(value(row.financed.exact))).toBe(true);
        }
        const rows = result.rows.reduce((sum, row) => sum.plus(row.financed.exact ?? "0"), new Decimal(0));
        expect(rows.equals(value(result.total.financed.exact))).toBe(true);
        // An area the others pay for wholly has nothing financed from outside: no row of the financing table, but its internal part is still named.
        expect(result.rows.every((row) => row.financed.exact !== null)).toBe(true);
        const named = result.internallyFinanced.reduce((sum, row) => sum.plus(row.internal.exact ?? "0"), new Decimal(0));
        expect(named.equals(internalCosts)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

const AREAS: EventDraft[] = [
  { type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU", kind: "operation" } },
  { type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "stab", name: "Ledning och stab", kind: "operation" } },
];

const reportOf = async (costs: readonly EventDraft[]): Promise<ReportDocument> => {
  const store = memoryStore({ catalog: defaultCatalog, clock: () => Date.UTC(2020, 8, 3) });
  const appended = await store.append([...AREAS, ...costs]);
  if (!appended.ok) throw new Error(JSON.stringify(appended.issues));
  return (await generateReport(store, defaultCatalog, { kind: "tertialrapport", period: period("2020-T2"), generatedBy: "test" })).document;
};

const findTable = (sections: readonly ReportSection[], id: string): ReportTable | undefined => {
  for (const section of sections) {
    const found = section.blocks.find((block): block is ReportTable => block.kind === "table" && block.id === id) ?? findTable(section.sections, id);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** Text as read, the formatter's thin and no-break spaces as plain ones. */
const plain = (text: string | undefined): string => (text ?? "").replace(/\s/g, " ");
const cellText = (cell: ReportTable["body"][number]["cells"][number]): string => (cell.kind === "text" ? cell.text : cell.kind === "figure" ? cell.figure.text.replace(/\s/g, " ") : "");
const printed = (table: ReportTable | undefined): string[][] => [...(table?.head ?? []), ...(table?.body ?? []), ...(table?.foot ?? [])].map((row) => row.cells.map(cellText));

const T2 = { from: "2020-05-01", to: "2020-08-31" };
const t2Cost = (areaId: string, amount: string, source?: string): EventDraft => ({ type: "finance.cost-booked", effectiveAt: T2.to, data: { areaId, ...T2, amount, ...(source === undefined ? {} : { source }) } });

describe("the report's financing tables", () => {
  it("eliminate internally financed costs, say so in a footnote with the amount, and keep them in the budget table's utfall", async () => {
    const document = await reportOf([t2Cost("fou", "1000000", "staten"), t2Cost("stab", "300000", "kommunerna"), t2Cost("stab", "250000", "internal")]);
    const amounts = findTable(document.sections, "tabell-3a");
    expect(printed(amounts)).toEqual([
      ["Utfall 2020-08-31", "Utfall per verksamhetsområde *", "Tillförda medel kommunerna", "Tillförda medel staten"],
      ["FoU", "1 000 000", "", "1 000 000"],
      ["Ledning och stab", "300 000", "300 000", ""],
      ["Summa", "1 300 000", "300 000", "1 000 000"],
    ]);
    const [note] = amounts?.footnotes ?? [];
    expect(plain(note?.markdown)).toContain("Ledning och stab 250 000 kr");
    expect(note?.figures?.map((each) => each.definition?.key)).toEqual(["finance.outcome-internal"]);
    // The column is its own figure, never Tabell 1's utfall.
    expect(amounts?.body.map((row) => (row.cells[1]?.kind === "figure" ? row.cells[1].figure.definition?.key : null))).toEqual(["finance.outcome-financed", "finance.outcome-financed"]);
    const shares = findTable(document.sections, "tabell-3b");
    expect(printed(shares).map((row) => row.slice(0, 2))).toEqual([["Finansiering av utfall 2020-08-31", "Andel utfall per verksamhetsområde *"], ["FoU", "77 %"], ["Ledning och stab", "23 %"], ["Summa", "100 %"]]);
    const budget = findTable(document.sections, "tabell-1-budgetuppfoljning");
    expect(printed(budget).find((row) => row[0] === "Ledning och stab")?.[5]).toBe("550");
  });

  it("keep the column Finansiering ej angiven for costs whose source is truly not given (generated costs)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 900 }).map((thousands) => String(thousands * 1000)), fc.integer({ min: 1, max: 900 }).map((thousands) => String(thousands * 1000)), async (known, open) => {
        const document = await reportOf([t2Cost("stab", known, "kommunerna"), t2Cost("stab", open)]);
        const rows = printed(findTable(document.sections, "tabell-3a"));
        const format = (kr: string) => new Decimal(kr).toNumber().toString().replace(/\B(?=(\d{3})+(?!\d))/g, " ");
        expect(rows[0]).toEqual(["Utfall 2020-08-31", "Utfall per verksamhetsområde", "Tillförda medel kommunerna", "Finansiering ej angiven"]);
        expect(rows[1]).toEqual(["Ledning och stab", format(new Decimal(known).plus(open).toFixed()), format(known), format(open)]);
        expect(findTable(document.sections, "tabell-3a")?.footnotes).toEqual([]);
        const shares = findTable(document.sections, "tabell-3b");
        expect(shares?.footnotes.map((note) => note.mark)).toEqual(["*"]);
        expect(plain(shares?.footnotes[0]?.markdown)).toContain(`${format(open)} kr av periodens kostnader saknar angiven finansiär`);
      }),
      { numRuns: 8 },
    );
  });

  it("show both: the internal part eliminated in a footnote, the unattributed part in its column", async () => {
    const document = await reportOf([t2Cost("stab", "300000", "kommunerna"), t2Cost("stab", "250000", "internal"), t2Cost("stab", "50000")]);
    const amounts = findTable(document.sections, "tabell-3a");
    expect(printed(amounts)).toEqual([
      ["Utfall 2020-08-31", "Utfall per verksamhetsområde *", "Tillförda medel kommunerna", "Finansiering ej angiven"],
      ["Ledning och stab", "350 000", "300 000", "50 000"],
      ["Summa", "350 000", "300 000", "50 000"],
    ]);
    expect(plain(amounts?.footnotes[0]?.markdown)).toContain("Ledning och stab 250 000 kr");
    const shares = findTable(document.sections, "tabell-3b");
    expect(shares?.footnotes.map((note) => note.mark)).toEqual(["*", "**"]);
    expect(plain(shares?.footnotes[1]?.markdown)).toContain("50 000 kr av periodens kostnader saknar angiven finansiär");
    expect(printed(findTable(document.sections, "tabell-1-budgetuppfoljning")).find((row) => row[0] === "Ledning och stab")?.[5]).toBe("600");
  });

  it("name an area the others pay for wholly in the footnote, with no row of its own", async () => {
    const document = await reportOf([t2Cost("fou", "1000000", "staten"), t2Cost("stab", "250000", "internal")]);
    const amounts = findTable(document.sections, "tabell-3a");
    expect(printed(amounts).map((row) => row[0])).toEqual(["Utfall 2020-08-31", "FoU", "Summa"]);
    expect(plain(amounts?.footnotes[0]?.markdown)).toContain("Ledning och stab 250 000 kr");
  });
});
