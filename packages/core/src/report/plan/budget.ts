import { planBaselineProjection, type PlanBaseline } from "../../domains/plan/baseline.js";
import { planAvailableFunds, planBudget, planClosingBalance, planFunding, planNetCost, planOpeningBalance, planRevenue } from "../../domains/plan/budget-figures.js";
import type { ReportBlock, ReportCell } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { defineSection, nothing, type AppendixDraft, type BuiltSection, type Placement, type ReportBuildContext } from "../builders/context.js";
import { documentedPlan, planYearCell, planYears, yearsLabel, type DocumentedPlan } from "./plan-cells.js";
import { areaLabel } from "./areas.js";
import { BUILT_IN_SOURCES, balanceLabelById } from "../../domains/finance/funding-sources.js";
import { termsInUse } from "../../domains/plan/vocabularies.js";

const TKR = { unit: "tkr" as const, options: { withSuffix: false } };

interface Tables {
  readonly context: ReportBuildContext;
  readonly documented: DocumentedPlan;
  readonly evidence: Record<string, readonly string[]>;
}

const place = (tables: Tables) => ({ ...TKR, evidence: tables.evidence });

/** BUDGET of the detailed year: each area's budget row and the total, less what the other areas pay for management. */
const budgetTable = (tables: Tables): ReportBlock[] => {
  const { context, documented } = tables;
  const { plan } = documented;
  const year = plan.detailedYear;
  const rows = plan.budget.find((entry) => entry.year === year)?.costs ?? [];
  if (rows.length === 0) return [];
  const cell = (rowId: string | undefined): ReportCell => planYearCell(context, documented, planBudget, rowId === undefined ? { plan: plan.planId } : { plan: plan.planId, row: rowId }, year, place(tables));
  const overhead = rows.some((entry) => entry.overheadAllocated !== "0");
  return [
    table({
      id: "plan-budget",
      caption: `BUDGET ${year}`,
      unitNote: "tkr",
      align: ["left", "right"],
      head: [headerRow(["Område", "Budget"])],
      body: [...rows.map((entry) => row([textCell(areaLabel(documented, entry.areaId)), cell(entry.areaId)])), ...(overhead ? [row([textCell("Härav ledning och stab finansierat från områdena ovan"), cell("overhead")])] : [])],
      foot: [row([textCell("Summa"), cell(undefined)])],
    }),
  ];
};

/** Intäkter and Nettokostnader per year of the plan (the comparison year first). */
const yearTables = (tables: Tables): ReportBlock[] => {
  const { context, documented } = tables;
  const { plan } = documented;
  const years = planYears(plan).filter((year) => plan.budget.some((entry) => entry.year === year));
  if (years.length === 0) return [];
  // The categories the plan has revenue in, built-in ones first in their fixed order, then the log's own in the order defined.
  const categories = termsInUse(documented.result.revenueCategories, new Set(plan.budget.flatMap((entry) => entry.revenue.map((line) => line.category))));
  const areas = [...new Set(plan.budget.flatMap((entry) => entry.costs.map((cost) => cost.areaId)))];
  const head = [headerRow(["", ...years.map(String)])];
  const align = ["left" as const, ...years.map(() => "right" as const)];
  const revenue = (category: string | undefined) => years.map((year) => planYearCell(context, documented, planRevenue, category === undefined ? { plan: plan.planId } : { plan: plan.planId, category }, year, place(tables)));
  const net = (area: string | undefined) => years.map((year) => planYearCell(context, documented, planNetCost, area === undefined ? { plan: plan.planId } : { plan: plan.planId, area }, year, place(tables)));
  const span = yearsLabel(plan.fromYear, plan.toYear);
  return [
    ...(categories.length === 0
      ? []
      : [table({ id: "plan-intakter", caption: `Intäkter ${span}`, unitNote: "tkr", align, head, body: categories.map((category) => row([textCell(category.label), ...revenue(category.id)])), foot: [row([textCell("Summa intäkter"), ...revenue(undefined)])] })]),
    table({ id: "plan-nettokostnader", caption: `Nettokostnader ${span}`, unitNote: "tkr", align, head, body: areas.map((area) => row([textCell(areaLabel(documented, area)), ...net(area)])), foot: [row([textCell("Summa nettokostnader"), ...net(undefined)])] }),
  ];
};

/** Disponibla medel of the detailed year: per row, the opening balance, funding, what is available and the budget. */
const fundsTable = (tables: Tables): ReportBlock[] => {
  const { context, documented } = tables;
  const { plan } = documented;
  const year = plan.detailedYear;
  const funds = plan.funds.find((entry) => entry.year === year);
  if (funds === undefined) return [];
  const rowIds = funds.rows.map((entry) => entry.areaId ?? "result");
  const cells = (rowId: string | undefined): ReportCell[] => {
    const params = rowId === undefined ? { plan: plan.planId } : { plan: plan.planId, row: rowId };
    return [planOpeningBalance, planFunding, planAvailableFunds].map((figure) => planYearCell(context, documented, figure, params, year, place(tables)));
  };
  return [
    table({
      id: "plan-disponibla-medel",
      caption: `Disponibla medel ${year}`,
      unitNote: "tkr",
      align: ["left", "right", "right", "right"],
      head: [headerRow(["", "Ingående medel", "Förväntade/beviljade medel", "Disponibla medel"])],
      body: rowIds.map((rowId) => row([textCell(rowId === "result" ? "Resultat från tidigare år" : areaLabel(documented, rowId)), ...cells(rowId)])),
      foot: [row([textCell("Summa"), ...cells(undefined)])],
    }),
  ];
};

/** Disponibla medel over the plan's years: what each financing source is expected to hold at each year's end. */
const closingTable = (tables: Tables): ReportBlock[] => {
  const { context, documented } = tables;
  const { plan } = documented;
  const years = plan.closingBalances.map((entry) => entry.year);
  if (years.length === 0) return [];
  // Built-in sources first in their fixed order, then the log's own in the order it defined them.
  const order = [...BUILT_IN_SOURCES.map((source) => source.id), ...Object.keys(documented.result.sourceNames)];
  const used = new Set(plan.closingBalances.flatMap((entry) => entry.bySource.map((line) => line.source)));
  const sources = order.filter((source) => used.has(source));
  const cells = (source: string | undefined) => years.map((year) => planYearCell(context, documented, planClosingBalance, source === undefined ? { plan: plan.planId } : { plan: plan.planId, source }, year, place(tables)));
  return [
    table({
      id: "plan-utgaende-balans",
      caption: `Disponibla medel ${yearsLabel(years[0] ?? 0, years[years.length - 1] ?? 0)}`,
      unitNote: "tkr",
      align: ["left", ...years.map(() => "right" as const)],
      head: [headerRow(["", ...years.map((year) => `Utgående balans ${year}`)])],
      body: sources.map((source) => row([textCell(balanceLabelById(source, documented.result.sourceNames)), ...cells(source)])),
      foot: [row([textCell("Summa"), ...cells(undefined)])],
    }),
  ];
};

/** The multi-year plan: each area's net cost in the years after the detailed one. */
const multiYearTable = (tables: Tables): ReportBlock[] => {
  const { context, documented } = tables;
  const { plan } = documented;
  const years = plan.budget.filter((entry) => entry.year > plan.detailedYear).map((entry) => entry.year);
  if (years.length === 0) return [];
  const areas = [...new Set(plan.budget.filter((entry) => years.includes(entry.year)).flatMap((entry) => entry.costs.map((cost) => cost.areaId)))];
  const net = (area: string | undefined) => years.map((year) => planYearCell(context, documented, planNetCost, area === undefined ? { plan: plan.planId } : { plan: plan.planId, area }, year, place(tables)));
  return [
    table({
      id: "plan-flerarsplan",
      caption: `Flerårsplan ${yearsLabel(years[0] ?? 0, years[years.length - 1] ?? 0)}`,
      unitNote: "tkr",
      align: ["left", ...years.map(() => "right" as const)],
      head: [headerRow(["Område", ...years.map(String)])],
      body: areas.map((area) => row([textCell(areaLabel(documented, area)), ...net(area)])),
      foot: [row([textCell("Summa"), ...net(undefined)])],
    }),
  ];
};

/** The budget appendix: every area's net cost of the detailed year and their total, so the areas' cards sum to the plan. */
const appendixTable = (tables: Tables): ReportBlock[] => {
  const { context, documented } = tables;
  const { plan } = documented;
  const rows = plan.budget.find((entry) => entry.year === plan.detailedYear)?.costs ?? [];
  if (rows.length === 0) return [];
  const net = (area: string | undefined) => planYearCell(context, documented, planNetCost, area === undefined ? { plan: plan.planId } : { plan: plan.planId, area }, plan.detailedYear, place(tables));
  return [
    table({
      id: "plan-budgetbilaga",
      caption: `Budget per område ${plan.detailedYear}`,
      unitNote: "tkr",
      align: ["left", "right"],
      head: [headerRow(["Område", "Nettokostnad"])],
      body: rows.map((entry) => row([textCell(areaLabel(documented, entry.areaId)), net(entry.areaId)])),
      foot: [row([textCell("Summa"), net(undefined)])],
    }),
  ];
};

const placedIf = (slot: string, number: string, title: string, blocks: readonly ReportBlock[]): Placement[] => (blocks.length === 0 ? [] : [{ slot, number, title, blocks }]);

const buildBudget = (context: ReportBuildContext): BuiltSection => {
  const documented = documentedPlan(context);
  if (documented === undefined) return nothing;
  const tables: Tables = { context, documented, evidence: {} };
  const { plan } = documented;
  const appendix = appendixTable(tables);
  const appendices: AppendixDraft[] = appendix.length === 0 ? [] : [{ slot: "plan-budget-appendix", id: "bilaga-budget", title: "Budget per område", blocks: appendix }];
  return {
    placements: [
      ...placedIf("plan-budget", "3.1.1", "Budget och finansiering", budgetTable(tables)),
      ...placedIf("plan-budget-years", "3.1.1", "Budget och finansiering", yearTables(tables)),
      ...placedIf("plan-available-funds", "3.1.1", "Budget och finansiering", [...fundsTable(tables), ...closingTable(tables)]),
      ...placedIf("plan-multi-year", "5", `Flerårsplan ${yearsLabel(plan.detailedYear + 1, plan.toYear)}`, multiYearTable(tables)),
    ],
    appendices,
    evidence: tables.evidence,
  };
};

export const planBudgetSections = defineSection({ name: "plan-budget", reads: [planBaselineProjection], build: buildBudget });

export type { PlanBaseline };
