import type { CrossCheck } from "../../reconciliation/figure-source.js";
import type { PlanBaseline } from "./baseline.js";

/**
 * A plan prints figures for years whose books are, or will be, closed: its comparison year (the
 * year before its first, printed as an outcome) and the funds it carries into its first year.
 * Once those books are known, the plan's figure and the books' should be one amount; each helper
 * names the finance figure the audit sets against the plan's (`CrossCheck`), or none.
 */

const yearEnd = (year: number): string => `${year}-12-31`;

/** A comparison year's cost of an area that no other area pays part of: the books' utfall of the area for that year. */
export const comparisonCostCheck = (plan: PlanBaseline, year: number, row: { readonly areaId: string; readonly overheadAllocated: string }): CrossCheck[] =>
  year >= plan.fromYear || row.overheadAllocated !== "0"
    ? []
    : [{ figureKey: "finance.outcome", params: { row: row.areaId }, period: String(year), closedAfter: yearEnd(year), cause: `${year} is the comparison year of ${plan.planId}, printed as its outcome: the books' utfall of ${row.areaId} in ${year}` }];

/** The funds an area carries into the plan's first year: what the books leave it at the end of the year before (kvarvarande). */
export const openingFundsCheck = (plan: PlanBaseline, year: number, areaId: string | undefined): CrossCheck[] =>
  year !== plan.fromYear || areaId === undefined
    ? []
    : [{ figureKey: "finance.remaining", params: { row: areaId }, period: String(year - 1), closedAfter: yearEnd(year - 1), cause: `the opening balance of ${areaId} in ${plan.planId}'s first year is what the books leave it at the end of ${year - 1}` }];

/** A comparison year's closing balance (from one source, or in total): the balance the books record at that year's end. */
export const comparisonClosingCheck = (plan: PlanBaseline, year: number, source: string | undefined): CrossCheck[] =>
  year >= plan.fromYear
    ? []
    : [
        {
          figureKey: "finance.balance",
          params: source === undefined ? { areas: "total" } : { areas: "total", source },
          period: String(year),
          closedAfter: yearEnd(year),
          cause: `${year} is the comparison year of ${plan.planId}: its closing balance ${source === undefined ? "in total" : `from ${source}`} is the balance the books record at ${yearEnd(year)}`,
        },
      ];
