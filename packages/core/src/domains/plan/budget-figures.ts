import { dec } from "../../numbers/decimal.js";
import { formatFigure } from "../../numbers/format.js";
import { defineFigure, type ComputedFigure, type CrossCheck, type RowCoverage } from "../../reconciliation/figure-source.js";
import { comparisonClosingCheck, comparisonCostCheck, comparisonRevenueCheck, openingFundsCheck, openingRowsCheck } from "./books-checks.js";
import { planBaselineProjection, type FundsRow, type PlanBaseline, type Sourced } from "./baseline.js";
import type { RevenueCategoryTerm } from "./vocabularies.js";
import { PLAN_PARAM, PLAN_YEAR_PARAM, atPlanYear, planFor, plannedFigure, plannedSum } from "./plan-select.js";

/**
 * The plan's budget tables as figures, each row a parameter value and the table's total the
 * figure without it, so the audit foots rows against totals from the declarations alone.
 */

const PLAN_EXAMPLE = { plan: "vp-2022-2024" };
const NO_FACTS: Sourced = { evidence: [], uncertainty: "0" };

/** The finance figures the audit sets a plan's figure against, once their books are closed (see books-checks.ts). */
const withChecks = (checks: readonly CrossCheck[]): Partial<ComputedFigure> => (checks.length === 0 ? {} : { crossChecks: checks });

const budgetYear = (plan: PlanBaseline, year: number) => plan.budget.find((entry) => entry.year === year);
const fundsYear = (plan: PlanBaseline, year: number) => plan.funds.find((entry) => entry.year === year);

/** An area's own section may state its budget again, rounded or otherwise: another way a document arrives at the figure. */
const ownStatement = (plan: PlanBaseline | undefined, year: number, areaId: string): Partial<ComputedFigure> => {
  const statement = plan?.financing.find((entry) => entry.year === year && entry.areaId === areaId);
  if (statement?.total === undefined) return {};
  return { alternatives: [{ exact: dec(statement.total), cause: `the area's own financing statement in its section (${formatFigure(dec(statement.total), "kr").text}), not its row in the budget table` }] };
};

export const planNetCost = defineFigure(planBaselineProjection, {
  key: "plan.net-cost",
  description: "an area's planned net cost for the year (Nettokostnader: gross rows less the overhead the other areas pay); without area, the plan's net-cost total",
  params: { ...PLAN_PARAM, ...PLAN_YEAR_PARAM, area: "an area id with a budget row; absent: the total" },
  unit: "kr",
  example: { ...PLAN_EXAMPLE, area: "fourum-social" },
  footing: [{ over: "area" }],
  compute: (baseline, params) => {
      const result = atPlanYear(baseline, params.year);
      if (result === undefined) return undefined;
    const plan = planFor(result, params.plan);
    const year = plan === undefined ? undefined : budgetYear(plan, result.year);
    if (plan === undefined || year === undefined) return undefined;
    if (params.area === undefined) return plannedSum(year.costs.map((row) => ({ ...row, value: dec(row.net) })), `the ${year.costs.length} net cost rows of ${result.year}`);
    const row = year.costs.find((cost) => cost.areaId === params.area);
    if (row === undefined) return undefined;
    const derivation = row.overheadAllocated === "0" ? `planned cost of ${row.areaId}` : `planned ${row.basis} cost of ${row.areaId} less ${row.overheadAllocated} kr paid by the other areas`;
    return plannedFigure(dec(row.net), [row], derivation, { ...ownStatement(plan, result.year, row.areaId), ...withChecks(comparisonCostCheck(plan, result.year, row)) });
  },
});

export const planRevenue = defineFigure(planBaselineProjection, {
  key: "plan.revenue",
  description: "planned revenue for the year by category (Intäkter: the municipalities, funds carried over, other); without category, the plan's revenue total",
  params: {
    ...PLAN_PARAM,
    ...PLAN_YEAR_PARAM,
    category: "a revenue category's id, built in (carried-over-municipal, carried-over-state, municipalities, state-grants, fees, other) or defined by plan.revenue-category-defined; absent: the total",
  },
  unit: "kr",
  example: { ...PLAN_EXAMPLE, category: "municipalities" },
  footing: [{ over: "category" }],
  compute: (baseline, params) => {
      const result = atPlanYear(baseline, params.year);
      if (result === undefined) return undefined;
    const plan = planFor(result, params.plan);
    const year = plan === undefined ? undefined : budgetYear(plan, result.year);
    const lines = (year?.revenue ?? []).filter((line) => params.category === undefined || line.category === params.category);
    if (plan === undefined || lines.length === 0) return undefined;
    const figure = plannedSum(lines.map((line) => ({ ...line, value: dec(line.amount) })), `planned revenue ${params.category ?? "of every category"} in ${result.year}`);
    const { category } = params;
    return category === undefined ? figure : { ...figure, ...withChecks(comparisonRevenueCheck(plan, result.year, result.revenueCategories.find((term) => term.id === category), category)) };
  },
});

/** The budget table's rows: an area's, the carried result ("result"), or the overhead line ("overhead"). */
const ROW = { row: 'a row of the plan\'s budget table: an area id, "result" (the result carried from earlier years) or "overhead" (Härav ledning och stab finansierat från områdena ovan); absent: the total' };

/** The overhead line moves cost between rows and carries no funds: its funds cells are zero by construction. */
const overheadFunds = (plan: PlanBaseline, year: number): ComputedFigure => {
  const rows = budgetYear(plan, year)?.costs.filter((row) => row.overheadAllocated !== "0") ?? [];
  return plannedFigure(dec(0), rows, "the overhead line moves costs between rows and carries no funds");
};

const fundsRowOf = (plan: PlanBaseline, year: number, row: string): FundsRow | undefined => fundsYear(plan, year)?.rows.find((entry) => (entry.areaId ?? "result") === row);

const fundsColumn = (
  key: string,
  description: string,
  pick: (row: FundsRow) => { readonly value: string | null; readonly facts: Sourced; readonly parts?: readonly string[] },
  checks: (plan: PlanBaseline, year: number, row: FundsRow) => readonly CrossCheck[] = () => [],
  totalChecks: (plan: PlanBaseline, year: number, rows: readonly FundsRow[], areaParents: Readonly<Record<string, string>>) => readonly RowCoverage[] = () => [],
) =>
  defineFigure(planBaselineProjection, {
    key,
    description: `${description}; without row, the column's total`,
    params: { ...PLAN_PARAM, ...PLAN_YEAR_PARAM, ...ROW, except: "with no row: a row the total leaves out (funds the organisation shares with others, as the plan's text counts them); absent: every row" },
    unit: "kr",
    example: { ...PLAN_EXAMPLE, row: "fourum-social" },
    footing: [{ over: "row" }],
    compute: (baseline, params) => {
      const result = atPlanYear(baseline, params.year);
      if (result === undefined) return undefined;
      const plan = planFor(result, params.plan);
      if (plan === undefined || fundsYear(plan, result.year) === undefined) return undefined;
      if (params.row === "overhead") return overheadFunds(plan, result.year);
      if (params.row !== undefined && params.except !== undefined) return undefined;
      const every = (fundsYear(plan, result.year)?.rows ?? []).filter((row) => (row.areaId ?? "result") !== params.except);
      const rows = params.row === undefined ? every : [fundsRowOf(plan, result.year, params.row)].filter((row): row is FundsRow => row !== undefined);
      const cells = rows.map(pick).filter((cell) => cell.value !== null);
      const first = cells[0];
      if (first === undefined) return undefined;
      const facts = cells.map((cell) => cell.facts);
      const [only] = rows;
      if (params.row !== undefined)
        return plannedFigure(dec(first.value ?? "0"), facts, `${description} of ${params.row}`, {
          ...((first.parts ?? []).length > 1 ? { parts: (first.parts ?? []).map((part) => dec(part)) } : {}),
          ...(only === undefined ? {} : withChecks(checks(plan, result.year, only))),
        });
      const sum = plannedSum(cells.map((cell) => ({ ...cell.facts, value: dec(cell.value ?? "0") })), `${description} of every row${params.except === undefined ? "" : ` but ${params.except}`} in ${result.year}`);
      // The whole column only: a total that leaves a row out on purpose (`except`) is not the books' whole.
      const coverage = params.except === undefined ? totalChecks(plan, result.year, every, result.areaParents) : [];
      return coverage.length === 0 ? sum : { ...sum, coverage };
    },
  });

export const planOpeningBalance = fundsColumn(
  "plan.opening-balance",
  "funds the plan expects a row to carry into the year (ingående medel)",
  (row) => ({ value: row.opening, facts: row.openingFacts }),
  (plan, year, row) => openingFundsCheck(plan, year, row.areaId ?? undefined),
  (plan, year, rows, areaParents) => openingRowsCheck(plan, year, rows, areaParents),
);
export const planFunding = fundsColumn("plan.funding", "funding a row expects or has been granted for the year (förväntade/beviljade medel)", (row) => ({ value: row.funding, facts: row.fundingFacts }));
export const planAvailableFunds = fundsColumn("plan.available-funds", "funds at a row's disposal in the year (disponibla medel: ingående + förväntade/beviljade)", (row) => ({
  value: row.available,
  facts: { evidence: [...row.openingFacts.evidence, ...row.fundingFacts.evidence], uncertainty: dec(row.openingFacts.uncertainty).plus(row.fundingFacts.uncertainty).toString() },
  parts: [row.opening, row.funding].filter((value): value is string => value !== null),
}));

export const planBudget = defineFigure(planBaselineProjection, {
  key: "plan.budget",
  description: 'the budget column of the plan\'s budget table: an area\'s cost as planned (gross where the area carries overhead), "overhead" the overhead the other areas pay (negative); without row, the net total',
  params: { ...PLAN_PARAM, ...PLAN_YEAR_PARAM, ...ROW },
  unit: "kr",
  example: { ...PLAN_EXAMPLE, row: "ledning-och-stab" },
  footing: [{ over: "row" }],
  compute: (baseline, params) => {
      const result = atPlanYear(baseline, params.year);
      if (result === undefined) return undefined;
    const plan = planFor(result, params.plan);
    const year = plan === undefined ? undefined : budgetYear(plan, result.year);
    if (year === undefined || params.row === "result") return undefined;
    const overheadRows = year.costs.filter((row) => row.overheadAllocated !== "0");
    const overhead = overheadRows.reduce((total, row) => total.minus(row.overheadAllocated), dec(0));
    if (params.row === "overhead") return overheadRows.length === 0 ? undefined : plannedFigure(overhead, overheadRows, "overhead the other areas pay, taken out of the total");
    if (params.row !== undefined) {
      const row = year.costs.find((cost) => cost.areaId === params.row);
      return row === undefined ? undefined : plannedFigure(dec(row.amount), [row], `planned ${row.basis} cost of ${row.areaId}`);
    }
    const parts = [...year.costs.map((row) => ({ ...row, value: dec(row.amount) })), ...(overheadRows.length === 0 ? [] : [{ ...NO_FACTS, value: overhead }])];
    return plannedSum(parts, `the ${year.costs.length} budget rows of ${result.year} less overhead`);
  },
});

/**
 * A closing balance should be the year before's less what the year's budget draws from it; when
 * the plan's own tables say otherwise, that is a second fact base that disagrees.
 */
const rollForwardConflict = (plan: PlanBaseline, categories: readonly RevenueCategoryTerm[], year: number, source: string | undefined, stated: ComputedFigure): Partial<ComputedFigure> => {
  const before = plan.closingBalances.find((entry) => entry.year === year - 1);
  // Per source only: the total's gap is the sum of the sources' gaps, reported where it arises.
  if (before === undefined || source === undefined) return {};
  // The revenue lines that spend the source's carried-over funds: built in for kommunerna and staten, `drawsOn` of a defined category for any source.
  const drawing = new Set(categories.filter((category) => category.drawsOn === source).map((category) => category.id));
  const opening = before.bySource.filter((line) => line.source === source);
  const drawn = (budgetYear(plan, year)?.revenue ?? []).filter((line) => drawing.has(line.category));
  if (opening.length === 0 || drawn.length === 0) return {};
  const rolled = opening.reduce((total, line) => total.plus(line.amount), dec(0)).minus(drawn.reduce((total, line) => total.plus(line.amount), dec(0)));
  const expected = rolled;
  const slack = dec(stated.uncertainty ?? 0).plus([...opening, ...drawn].reduce((total, line) => total.plus(line.uncertainty), dec(0)));
  if (expected.minus(stated.exact).abs().lte(slack)) return {};
  return {
    conflicts: [
      {
        exact: expected,
        evidence: [...opening, ...drawn].flatMap((line) => line.evidence),
        cause: `the closing balance of ${source} at the end of ${year - 1} less what the budget of ${year} draws from it (funds carried over) does not leave the closing balance of ${year}; the difference is money that leaves outside the budget (pass-through payments?)`,
      },
    ],
  };
};

export const planClosingBalance = defineFigure(planBaselineProjection, {
  key: "plan.closing-balance",
  description: "funds the plan expects to remain at the year's end (utgående balans) from a financing source; without source, the total",
  params: { ...PLAN_PARAM, ...PLAN_YEAR_PARAM, source: "a financing source's id, built in (kommunerna, staten, ovriga) or defined by finance.funding-source-defined; absent: the total" },
  unit: "kr",
  example: { ...PLAN_EXAMPLE, source: "staten" },
  footing: [{ over: "source" }],
  compute: (baseline, params) => {
      const result = atPlanYear(baseline, params.year);
      if (result === undefined) return undefined;
    const plan = planFor(result, params.plan);
    const closing = plan?.closingBalances.find((entry) => entry.year === result.year);
    if (plan === undefined || closing === undefined) return undefined;
    const lines = closing.bySource.filter((line) => params.source === undefined || line.source === params.source);
    if (lines.length === 0) return undefined;
    const figure = plannedSum(lines.map((line) => ({ ...line, value: dec(line.amount) })), `closing balance ${params.source ?? "of every source"} at the end of ${result.year}`);
    return { ...figure, ...rollForwardConflict(plan, result.revenueCategories, result.year, params.source, figure), ...withChecks(comparisonClosingCheck(plan, result.year, params.source)) };
  },
});

export const planBudgetFigures = [planNetCost, planRevenue, planOpeningBalance, planFunding, planAvailableFunds, planBudget, planClosingBalance] as const;
