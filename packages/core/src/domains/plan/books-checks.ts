import type { CrossCheck, RowCoverage } from "../../reconciliation/figure-source.js";
import { lineKey } from "../finance/ledger.js";
import type { PlanBaseline } from "./baseline.js";
import { BUILT_IN_REVENUE_CATEGORIES, type RevenueCategoryTerm } from "./vocabularies.js";

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

/** The areas a plan's row stands for: its own, and every area below it in the organisation's tree. */
const withSubAreas = (rows: readonly string[], areaParents: Readonly<Record<string, string>>): string[] => {
  const covered = new Set(rows);
  const under = (areaId: string, seen: ReadonlySet<string>): boolean => {
    const parent = areaParents[areaId];
    return parent !== undefined && !seen.has(parent) && (covered.has(parent) || under(parent, new Set([...seen, parent])));
  };
  return [...rows, ...Object.keys(areaParents).filter((areaId) => !covered.has(areaId) && under(areaId, new Set([areaId])))];
};

/**
 * The areas the books leave funds at the end of the year before the plan's first: each needs a
 * row among the plan's opening balances of that year. The plan's rows with an opening balance
 * cover their areas (sub-areas and internal-charge lines included); any other line of Tabell 1
 * of the year before whose kvarvarande is not zero is an area the plan leaves out.
 */
export const openingRowsCheck = (plan: PlanBaseline, year: number, rows: readonly { readonly areaId: string | null; readonly opening: string | null }[], areaParents: Readonly<Record<string, string>>): RowCoverage[] => {
  if (year !== plan.fromYear) return [];
  const areas = withSubAreas(rows.flatMap((row) => (row.areaId === null || row.opening === null ? [] : [row.areaId])), areaParents);
  return [
    {
      figureKey: "finance.remaining",
      over: "row",
      has: areas.flatMap((areaId) => [lineKey(areaId), lineKey(areaId, "internal-charge")]),
      period: String(year - 1),
      closedAfter: yearEnd(year - 1),
      cause: `the opening balances of ${plan.planId}'s first year should name every area the books leave funds at the end of ${year - 1}`,
    },
  ];
};

/** Why a category maps onto no received amount, and what would make it checked: a built-in category cannot declare sources, a defined one can. */
const noCoversReason = (categoryId: string): string =>
  BUILT_IN_REVENUE_CATEGORIES.some((term) => term.id === categoryId)
    ? `${categoryId} is a built-in category, which names no financing sources, so nothing in the books' erhållna is known to be it; to have such revenue checked, plan it under a category of the log's own whose definition declares the sources it covers (covers on plan.revenue-category-defined)`
    : "the category declares no financing sources it covers, so nothing in the books' erhållna is known to be it; give its plan.revenue-category-defined a `covers` (by a definition that supersedes it) to have it checked";

/**
 * A comparison year's revenue in one category: what the books record received that year from the
 * financing sources the category covers (`covers` on its definition). A category that declares
 * none, or spends funds carried over (`drawsOn`), maps onto no received amount: not checked, and
 * the audit says so once the year's books give what was received.
 */
export const comparisonRevenueCheck = (plan: PlanBaseline, year: number, category: RevenueCategoryTerm | undefined, categoryId: string): CrossCheck[] => {
  if (year >= plan.fromYear) return [];
  const base = { period: String(year), closedAfter: yearEnd(year), cause: `${year} is the comparison year of ${plan.planId}, printed as its outcome: its revenue in ${categoryId}` };
  const covers = category?.covers ?? [];
  if (category?.drawsOn !== undefined) return [{ ...base, figureKey: "finance.received", params: { row: "total" }, unchecked: `the category spends funds carried over from earlier years (drawsOn ${category.drawsOn}), which the books do not record as received` }];
  if (covers.length === 0) return [{ ...base, figureKey: "finance.received", params: { row: "total" }, unchecked: noCoversReason(categoryId) }];
  return [{ ...base, figureKey: "finance.received-from", params: { source: covers.join("+") }, cause: `${base.cause} is what the books record received from ${covers.join(" and ")} in ${year}` }];
};
