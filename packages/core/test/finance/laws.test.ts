import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetFollowUpProjection, Decimal, outcomeBySourceProjection, type BudgetFollowUpResult, type DomainEvent, type FactSum } from "@tertial/core";
import { fact, fold } from "./support.js";

const AREAS = ["a1", "a2", "a3"];
const SOURCES = ["kommunerna", "staten", "ovriga"] as const;
/** Accounting spans that lie inside one tertial of 2020: months 1–4 or 5–8. */
const SPANS = [
  { from: "2020-01-01", to: "2020-01-31" },
  { from: "2020-02-01", to: "2020-04-30" },
  { from: "2020-01-01", to: "2020-04-30" },
  { from: "2020-05-01", to: "2020-05-31" },
  { from: "2020-06-01", to: "2020-08-31" },
  { from: "2020-05-01", to: "2020-08-31" },
];

const amount = fc.integer({ min: -2_000_000, max: 5_000_000 }).map(String);

const arbFlow: fc.Arbitrary<DomainEvent> = fc
  .record({ kind: fc.constantFrom("finance.funds-received", "finance.cost-booked"), areaId: fc.constantFrom(...AREAS), span: fc.constantFrom(...SPANS), amount, source: fc.option(fc.constantFrom(...SOURCES), { nil: undefined }) })
  .map(({ kind, areaId, span, amount: value, source }) => fact(kind, span.to, { areaId, ...span, amount: value, ...(source === undefined ? {} : { source }) }));

const arbOpening: fc.Arbitrary<DomainEvent> = fc
  .record({ areaId: fc.constantFrom(...AREAS), amount: fc.integer({ min: 0, max: 9_000_000 }).map(String) })
  .map(({ areaId, amount: value }) => fact("finance.opening-balance-recorded", "2019-12-31", { areaId, asOf: "2019-12-31", amount: value }));

/** Budgets for the areas, some for other years than the period's (which must not count), some of zero (which is not blank). */
const arbBudget: fc.Arbitrary<DomainEvent> = fc
  .record({ areaId: fc.constantFrom(...AREAS), year: fc.constantFrom(2019, 2020, 2020, 2021), amount: fc.oneof(fc.constant("0"), fc.integer({ min: 0, max: 9_000_000 }).map(String)) })
  .map(({ areaId, year, amount: value }) => fact("finance.budget-adopted", `${year - 1}-12-15`, { areaId, year, amount: value }));

const arbLedger = fc.tuple(fc.array(arbOpening, { maxLength: 3 }), fc.array(arbFlow, { maxLength: 25 })).map(([openings, flows]) => [...openings, ...flows]);

const value = (sum: FactSum | undefined): Decimal => new Decimal(sum?.exact ?? "0");
const rowOf = (result: BudgetFollowUpResult, row: string) => (row === "total" ? result.total : result.rows.find((each) => each.row === row));

describe("finance laws", () => {
  it("year roll-forward: with no opening recorded for 2021, each area opens 2021 with its kvarvarande of 2020, and the identities hold with it", () => {
    const nextYear = (event: DomainEvent): DomainEvent => {
      const data = event.data as { from: string; to: string };
      const shift = (date: string) => `2021${date.slice(4)}`;
      return fact(event.type, shift(data.to), { ...data, from: shift(data.from), to: shift(data.to) });
    };
    fc.assert(
      fc.property(arbLedger, fc.array(arbFlow, { maxLength: 10 }), (events, later) => {
        const all = [...events, ...later.map(nextYear)];
        const closed = fold(budgetFollowUpProjection, all, "2020");
        const next = fold(budgetFollowUpProjection, all, "2021");
        for (const area of AREAS) {
          const before = rowOf(closed, area);
          const after = rowOf(next, area);
          if (before === undefined || before.remaining.exact === null || before.remaining.exact === "0") continue;
          expect(after?.opening.exact).toBe(before.remaining.exact);
        }
        for (const row of [...next.rows, next.total]) {
          expect(value(row.available).toFixed()).toBe(value(row.opening).plus(value(row.received)).toFixed());
          expect(value(row.remaining).toFixed()).toBe(value(row.available).minus(value(row.outcome)).toFixed());
        }
        expect(value(next.total.opening).toFixed()).toBe(value(closed.total.remaining).toFixed());
      }),
      { numRuns: 200 },
    );
  });

  it("period additivity: received and costs of T1 + T2 equal those of T1..T2, per area and in total", () => {
    fc.assert(
      fc.property(arbLedger, (events) => {
        const t1 = fold(budgetFollowUpProjection, events, "2020-T1");
        const t2 = fold(budgetFollowUpProjection, events, "2020-T2");
        const both = fold(budgetFollowUpProjection, events, "2020-T1..T2");
        for (const row of [...AREAS, "total"]) {
          for (const column of ["received", "outcome"] as const) {
            expect(value(rowOf(t1, row)?.[column]).plus(value(rowOf(t2, row)?.[column])).toFixed()).toBe(value(rowOf(both, row)?.[column]).toFixed());
          }
        }
      }),
      { numRuns: 250 },
    );
  });

  it("balance identities: disponibla = ingående + erhållna, kvarvarande = disponibla − utfall", () => {
    fc.assert(
      fc.property(arbLedger, (events) => {
        const result = fold(budgetFollowUpProjection, events, "2020-T1..T2");
        for (const row of [...result.rows, result.total]) {
          expect(value(row.available).toFixed()).toBe(value(row.opening).plus(value(row.received)).toFixed());
          expect(value(row.remaining).toFixed()).toBe(value(row.available).minus(value(row.outcome)).toFixed());
        }
      }),
      { numRuns: 250 },
    );
  });

  it("blank is not zero: a column with no facts stays blank, and one with facts (zero included) is their exact sum", () => {
    const seen = { budgetBlank: 0, budgetSet: 0, outcomeBlank: 0, outcomeSet: 0 };
    const sumOfFacts = (events: readonly DomainEvent[], keep: (event: DomainEvent, data: Record<string, unknown>) => boolean): string | null => {
      const amounts = events.filter((event) => keep(event, event.data as Record<string, unknown>)).map((event) => new Decimal((event.data as { amount: string }).amount));
      return amounts.length === 0 ? null : amounts.reduce((total, each) => total.plus(each), new Decimal(0)).toFixed();
    };
    fc.assert(
      fc.property(fc.tuple(arbLedger, fc.array(arbBudget, { maxLength: 4 })), ([ledger, budgets]) => {
        const events = [...ledger, ...budgets];
        const result = fold(budgetFollowUpProjection, events, "2020-T1..T2");
        for (const areaId of AREAS) {
          const budget = sumOfFacts(events, (event, data) => event.type === "finance.budget-adopted" && data.areaId === areaId && data.year === 2020);
          const outcome = sumOfFacts(events, (event, data) => event.type === "finance.cost-booked" && data.areaId === areaId);
          const row = result.rows.find((each) => each.row === areaId);
          if (row === undefined) {
            expect([areaId, budget, outcome]).toEqual([areaId, null, null]);
            continue;
          }
          expect([areaId, "budget", row.budget.exact]).toEqual([areaId, "budget", budget]);
          expect([areaId, "outcome", row.outcome.exact]).toEqual([areaId, "outcome", outcome]);
          expect([areaId, "deviation", row.deviation.exact === null]).toEqual([areaId, "deviation", budget === null]);
          seen[budget === null ? "budgetBlank" : "budgetSet"] += 1;
          seen[outcome === null ? "outcomeBlank" : "outcomeSet"] += 1;
        }
      }),
      { numRuns: 300 },
    );
    // Both columns were checked both ways: blank where nothing was recorded, a sum where something was.
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(20);
  });

  it("shares sum to the exact whole before rounding: areas' shares of all costs, sources' shares of costs with a source", () => {
    const positiveCost = fc
      .record({ areaId: fc.constantFrom(...AREAS), span: fc.constantFrom(...SPANS), amount: fc.integer({ min: 1, max: 5_000_000 }).map(String), source: fc.constantFrom(...SOURCES) })
      .map(({ areaId, span, amount: cost, source }) => fact("finance.cost-booked", span.to, { areaId, ...span, amount: cost, source }));
    fc.assert(
      fc.property(fc.array(positiveCost, { minLength: 1, maxLength: 20 }), (events) => {
        const result = fold(outcomeBySourceProjection, events, "2020-T1..T2");
        const areaShares = result.rows.reduce((total, row) => total.plus(row.shareOfTotal ?? "0"), new Decimal(0));
        expect(areaShares.toDecimalPlaces(40).equals(1)).toBe(true);
        for (const row of [...result.rows, result.total]) {
          const sourceShares = SOURCES.reduce((total, source) => total.plus(row.sourceShares[source] ?? "0"), new Decimal(0));
          expect(sourceShares.toDecimalPlaces(40).equals(1)).toBe(true);
        }
      }),
      { numRuns: 250 },
    );
  });
});
