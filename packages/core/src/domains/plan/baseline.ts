import type { DataOf } from "../../events/definition.js";
import type { DomainEvent } from "../../events/envelope.js";
import { dec, sum, toDecimalString, type Decimal } from "../../numbers/decimal.js";
import { defineFold, defineView } from "../../projection/projection.js";
import { toCivil } from "../../time/calendar.js";
import { effectiveDateOf } from "../../time/effective.js";
import { FundingSourceDefined } from "../finance/events.js";
import { AreaEstablished } from "../reference/events.js";
import {
  AreaDescribed,
  ClosingBalanceForecast,
  CostPlanned,
  CostSharingSet,
  EarmarkedFundsRegistered,
  FeeSet,
  FinancingDeclared,
  FundingExpected,
  OpeningBalanceForecast,
  OverheadAllocated,
  PassThroughPlanned,
  PlanAdopted,
  ProjectRegistered,
  RevenuePlanned,
  StaffPlanned,
  StatementAdopted,
  TurnoverExpected,
} from "./events.js";
import { emptyPlanVocabulary, learnPlanVocabulary, revenueCategoriesOf, staffClassesOf, type PlanVocabulary, type RevenueCategoryTerm, type StaffClassTerm } from "./vocabularies.js";
import { emptyStrategyPart, evolveStrategyPart, strategyFor, type PlanStrategy, type StrategyPart } from "./strategy-part.js";

type Data<D> = DataOf<D>;
/** A fact with the id of the event that stated it, so figures can name their evidence. */
type Fact<D> = DataOf<D> & { readonly eventId: string };

/** Everything one plan states, keyed so a later fact for the same thing replaces the earlier one. */
interface PlanRecord {
  adopted: Data<typeof PlanAdopted> & { readonly adoptedOn: string };
  statements: Record<string, Fact<typeof StatementAdopted>>;
  areas: Record<string, Fact<typeof AreaDescribed>>;
  costs: Record<string, Fact<typeof CostPlanned>>;
  overhead: Record<string, Fact<typeof OverheadAllocated>>;
  revenue: Record<string, Fact<typeof RevenuePlanned>>;
  opening: Record<string, Fact<typeof OpeningBalanceForecast>>;
  funding: Record<string, Fact<typeof FundingExpected>>;
  closing: Record<string, Fact<typeof ClosingBalanceForecast>>;
  earmarked: Record<string, Fact<typeof EarmarkedFundsRegistered>>;
  passThrough: Record<string, Fact<typeof PassThroughPlanned>>;
  fees: Record<string, Fact<typeof FeeSet>>;
  costSharing: Record<string, Fact<typeof CostSharingSet>>;
  financing: Record<string, Fact<typeof FinancingDeclared>>;
  staff: Record<string, Fact<typeof StaffPlanned>>;
  projects: Record<string, Fact<typeof ProjectRegistered>>;
  turnover: Record<string, Fact<typeof TurnoverExpected>>;
}

export interface PlanBaselineState {
  plans: Record<string, PlanRecord>;
  strategy: StrategyPart;
  /** Each area's parent in the organisation's tree, so a figure can ask for an area with its sub-areas. */
  areaParents: Record<string, string>;
  /** Each area's name (and short name) in the organisation's directory, for a plan laid out per area. */
  areaNames: Record<string, { readonly name: string; readonly shortName: string | null }>;
  /** The name of each financing source the log defines (`finance.funding-source-defined`), for a table naming a source. */
  sourceNames: Record<string, string>;
  /** The revenue categories and staff classes the log defines, in the order defined. */
  vocabulary: PlanVocabulary;
}

const keyOf = (...parts: readonly (string | number | undefined)[]): string => parts.map((part) => (part === undefined ? "" : String(part))).join("|");

/** Which collection of its plan a fact goes to, and under which key. */
const placeFact = (plan: PlanRecord, event: DomainEvent): void => {
  const fact = <D>(data: D): D & { readonly eventId: string } => ({ ...data, eventId: event.id });
  if (StatementAdopted.is(event)) plan.statements[event.data.kind] = fact(event.data);
  else if (AreaDescribed.is(event)) plan.areas[event.data.areaId] = fact(event.data);
  else if (CostPlanned.is(event)) plan.costs[keyOf(event.data.year, event.data.areaId)] = fact(event.data);
  else if (OverheadAllocated.is(event)) plan.overhead[keyOf(event.data.year, event.data.areaId)] = fact(event.data);
  else if (RevenuePlanned.is(event)) plan.revenue[keyOf(event.data.year, event.data.category, event.data.areaId)] = fact(event.data);
  else if (OpeningBalanceForecast.is(event)) plan.opening[keyOf(event.data.year, event.data.areaId)] = fact(event.data);
  else if (FundingExpected.is(event)) plan.funding[keyOf(event.data.year, event.data.areaId, event.data.status, event.data.funderId)] = fact(event.data);
  else if (ClosingBalanceForecast.is(event)) plan.closing[keyOf(event.data.year, event.data.source)] = fact(event.data);
  else if (EarmarkedFundsRegistered.is(event)) plan.earmarked[keyOf(event.data.year, event.data.programmeId)] = fact(event.data);
  else if (PassThroughPlanned.is(event)) plan.passThrough[event.id] = fact(event.data);
  else if (FeeSet.is(event)) plan.fees[keyOf(event.data.year, event.data.areaId, event.data.feeKind)] = fact(event.data);
  else if (CostSharingSet.is(event)) plan.costSharing[keyOf(event.data.year, event.data.areaId)] = fact(event.data);
  else if (FinancingDeclared.is(event)) plan.financing[keyOf(event.data.year, event.data.areaId)] = fact(event.data);
  else if (StaffPlanned.is(event)) plan.staff[keyOf(event.data.year, event.data.lineId)] = fact(event.data);
  else if (ProjectRegistered.is(event)) plan.projects[event.data.projectId] = fact(event.data);
  else if (TurnoverExpected.is(event)) plan.turnover[keyOf(event.data.year)] = fact(event.data);
};

const newPlan = (adopted: PlanRecord["adopted"]): PlanRecord => ({
  adopted,
  statements: {},
  areas: {},
  costs: {},
  overhead: {},
  revenue: {},
  opening: {},
  funding: {},
  closing: {},
  earmarked: {},
  passThrough: {},
  fees: {},
  costSharing: {},
  financing: {},
  staff: {},
  projects: {},
  turnover: {},
});

const evolvePlan = (state: PlanBaselineState, event: DomainEvent): PlanBaselineState => {
  if (evolveStrategyPart(state.strategy, event)) return state;
  if (AreaEstablished.is(event)) {
    if (event.data.parentId !== undefined) state.areaParents[event.data.areaId] = event.data.parentId;
    state.areaNames[event.data.areaId] = { name: event.data.name, shortName: event.data.shortName ?? null };
    return state;
  }
  if (FundingSourceDefined.is(event)) {
    state.sourceNames[event.data.sourceId] = event.data.name;
    return state;
  }
  if (learnPlanVocabulary(state.vocabulary, event)) return state;
  if (PlanAdopted.is(event)) {
    const adopted = { ...event.data, adoptedOn: effectiveDateOf(event.effectiveAt) ?? event.effectiveAt };
    const known = state.plans[event.data.planId];
    if (known === undefined) state.plans[event.data.planId] = newPlan(adopted);
    else known.adopted = adopted;
    return state;
  }
  if (!event.type.startsWith("plan.")) return state;
  const plan = state.plans[(event.data as { readonly planId: string }).planId];
  if (plan !== undefined) placeFact(plan, event);
  return state;
};

// ---- The result: the plan as adopted, with exact totals --------------------------------------

/** Where a planned amount comes from: the events stating it, and how far it may be off because they give it rounded (half of each `knownTo`). */
export interface Sourced {
  readonly evidence: readonly string[];
  readonly uncertainty: string;
}

/** How a year figures in the plan: the year before it (printed for comparison), the detailed year, or a later year of the multi-year plan. */
export type PlanYearRole = "comparison" | "detailed" | "multi-year";

export interface CostRow extends Sourced {
  readonly areaId: string;
  readonly amount: string;
  readonly basis: "net" | "gross";
  /** Overhead other areas pay for through their own budgets; "0" when none. */
  readonly overheadAllocated: string;
  /** The cost counted in the plan's totals: the amount less overhead allocated. */
  readonly net: string;
}

export interface RevenueLine extends Sourced {
  readonly category: string;
  readonly areaId: string | null;
  readonly amount: string;
}

export interface PlanBudgetYear {
  readonly year: number;
  readonly role: PlanYearRole;
  readonly costs: readonly CostRow[];
  /** Σ of the rows' amounts as planned (gross rows gross). */
  readonly grossTotal: string;
  /** Σ of the rows' net costs: what the plan's cost table totals. */
  readonly netTotal: string;
  readonly revenue: readonly RevenueLine[];
  readonly revenueTotal: string | null;
  /** Revenue total less net cost total; null when the plan states no revenue for the year. */
  readonly balance: string | null;
}

export interface FundsRow {
  /** null for the organisation's result carried from earlier years. */
  readonly areaId: string | null;
  readonly opening: string | null;
  readonly funding: string | null;
  /** Opening plus funding: what the area has at its disposal (disponibla medel). */
  readonly available: string;
  readonly budget: string | null;
  /** The facts behind the opening and funding columns (the budget column is the cost row's). */
  readonly openingFacts: Sourced;
  readonly fundingFacts: Sourced;
}

export interface PlanFundsYear {
  readonly year: number;
  readonly rows: readonly FundsRow[];
  readonly totals: { readonly opening: string; readonly funding: string; readonly available: string; readonly budget: string };
}

export interface StaffLine extends Sourced {
  readonly lineId: string;
  readonly areaIds: readonly string[];
  readonly fte: string;
  readonly staffClass: string;
  readonly headcount: number | null;
  readonly projectId: string | null;
  readonly approximate: boolean;
}

export interface PlanStaffYear {
  readonly year: number;
  readonly lines: readonly StaffLine[];
  /** Σ per staff class the year's lines use, in print order (built-in classes first, then defined ones). */
  readonly byClass: Readonly<Record<string, string>>;
  readonly total: string;
}

export interface ClosingLine extends Sourced {
  readonly source: string;
  readonly amount: string;
}

export interface PlanBaseline {
  readonly planId: string;
  readonly kind: string;
  readonly title: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly detailedYear: number;
  readonly comparisonYear: number | null;
  readonly adoptedOn: string;
  readonly decidedOn: string | null;
  readonly decidedBy: string | null;
  readonly registrationNumber: string | null;
  readonly vision: Data<typeof StatementAdopted> | null;
  readonly mission: Data<typeof StatementAdopted> | null;
  readonly areas: readonly Data<typeof AreaDescribed>[];
  readonly strategy: PlanStrategy;
  readonly budget: readonly PlanBudgetYear[];
  readonly funds: readonly PlanFundsYear[];
  readonly closingBalances: readonly { readonly year: number; readonly bySource: readonly ClosingLine[]; readonly total: string }[];
  readonly staff: readonly PlanStaffYear[];
  readonly earmarked: readonly Fact<typeof EarmarkedFundsRegistered>[];
  readonly passThrough: readonly Fact<typeof PassThroughPlanned>[];
  readonly fees: readonly Data<typeof FeeSet>[];
  readonly costSharing: readonly Data<typeof CostSharingSet>[];
  /** Each area's own financing statement: parts of a budget row, not added to any total. */
  readonly financing: readonly Data<typeof FinancingDeclared>[];
  readonly projects: readonly Data<typeof ProjectRegistered>[];
  /** What the plan expects the organisation to turn over in a year not yet closed (its comparison year). */
  readonly turnover: readonly Fact<typeof TurnoverExpected>[];
}

export interface PlanBaselineResult {
  /** The year the period ends in: the year figures read from each plan. */
  readonly year: number;
  /** The plans whose years (or comparison year) include the period's year, earliest first. */
  readonly plans: readonly PlanBaseline[];
  /** Each area's parent (areas without one are absent): for an area together with its sub-areas. */
  readonly areaParents: Readonly<Record<string, string>>;
  readonly areaNames: Readonly<Record<string, { readonly name: string; readonly shortName: string | null }>>;
  /** The name of each financing source the log defines, by id (the built-in ones are not here). */
  readonly sourceNames: Readonly<Record<string, string>>;
  /** Every revenue category the log may name, in print order: the built-in ones, then those it defines. */
  readonly revenueCategories: readonly RevenueCategoryTerm[];
  /** Every staff class the log may name, in print order: the built-in ones, then those it defines. */
  readonly staffClasses: readonly StaffClassTerm[];
}

const exact = (value: Decimal): string => toDecimalString(value);
const total = (values: readonly string[]): string => exact(sum(values.map((value) => dec(value))));
const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedValues = <T>(record: Record<string, T>): T[] =>
  Object.keys(record)
    .sort(compareKeys)
    .map((key) => record[key] as T);

/** Where planned amounts come from: their events, and the slack half of each `knownTo` leaves. */
export const sourcedBy = (facts: readonly ({ readonly eventId: string; readonly knownTo?: string } | undefined)[]): Sourced => {
  const known = facts.filter((fact): fact is { readonly eventId: string; readonly knownTo?: string } => fact !== undefined);
  return { evidence: known.map((fact) => fact.eventId), uncertainty: exact(sum(known.map((fact) => dec(fact.knownTo ?? "0").dividedBy(2)))) };
};

const roleOf = (adopted: PlanRecord["adopted"], year: number): PlanYearRole => (year < adopted.fromYear ? "comparison" : year === adopted.detailedYear ? "detailed" : "multi-year");

const yearsOf = (records: readonly { readonly year: number }[]): number[] => [...new Set(records.map((record) => record.year))].sort((a, b) => a - b);

const costRowsOf = (plan: PlanRecord, year: number): CostRow[] =>
  sortedValues(plan.costs)
    .filter((cost) => cost.year === year)
    .map((cost) => {
      const allocated = plan.overhead[keyOf(year, cost.areaId)];
      const overhead = allocated?.amount ?? "0";
      return { areaId: cost.areaId, amount: cost.amount, basis: cost.basis, overheadAllocated: overhead, net: exact(dec(cost.amount).minus(overhead)), ...sourcedBy([cost, allocated]) };
    });

const budgetYearOf = (plan: PlanRecord, year: number): PlanBudgetYear => {
  const costs = costRowsOf(plan, year);
  const revenue = sortedValues(plan.revenue)
    .filter((line) => line.year === year)
    .map((line): RevenueLine => ({ category: line.category, areaId: line.areaId ?? null, amount: line.amount, ...sourcedBy([line]) }));
  const netTotal = total(costs.map((row) => row.net));
  const revenueTotal = revenue.length === 0 ? null : total(revenue.map((line) => line.amount));
  return {
    year,
    role: roleOf(plan.adopted, year),
    costs,
    grossTotal: total(costs.map((row) => row.amount)),
    netTotal,
    revenue,
    revenueTotal,
    balance: revenueTotal === null ? null : exact(dec(revenueTotal).minus(netTotal)),
  };
};

const fundsYearOf = (plan: PlanRecord, year: number): PlanFundsYear => {
  const opening = sortedValues(plan.opening).filter((line) => line.year === year);
  const funding = sortedValues(plan.funding).filter((line) => line.year === year);
  const areaIds = [...new Set([...opening.map((line) => line.areaId ?? ""), ...funding.map((line) => line.areaId)])].sort(compareKeys);
  const rows = areaIds.map((key): FundsRow => {
    const areaId = key === "" ? null : key;
    const openingAmounts = opening.filter((line) => (line.areaId ?? null) === areaId).map((line) => line.amount);
    const fundingAmounts = funding.filter((line) => line.areaId === areaId).map((line) => line.amount);
    const cost = areaId === null ? undefined : costRowsOf(plan, year).find((row) => row.areaId === areaId);
    return {
      areaId,
      opening: openingAmounts.length === 0 ? null : total(openingAmounts),
      funding: fundingAmounts.length === 0 ? null : total(fundingAmounts),
      available: total([...openingAmounts, ...fundingAmounts]),
      budget: cost?.net ?? null,
      openingFacts: sourcedBy(opening.filter((line) => (line.areaId ?? null) === areaId)),
      fundingFacts: sourcedBy(funding.filter((line) => line.areaId === areaId)),
    };
  });
  const column = (pick: (row: FundsRow) => string | null): string => total(rows.map(pick).filter((value): value is string => value !== null));
  return { year, rows, totals: { opening: column((row) => row.opening), funding: column((row) => row.funding), available: column((row) => row.available), budget: budgetYearOf(plan, year).netTotal } };
};

const staffYearOf = (plan: PlanRecord, year: number, classes: readonly StaffClassTerm[]): PlanStaffYear => {
  const lines = sortedValues(plan.staff)
    .filter((line) => line.year === year)
    .map((line): StaffLine => ({ lineId: line.lineId, areaIds: line.areaIds, fte: line.fte, staffClass: line.staffClass, headcount: line.headcount ?? null, projectId: line.projectId ?? null, approximate: line.approximate ?? false, ...sourcedBy([line]) }));
  const ofClass = (staffClass: string): string => total(lines.filter((line) => line.staffClass === staffClass).map((line) => line.fte));
  const used = classes.filter((staffClass) => lines.some((line) => line.staffClass === staffClass.id));
  return { year, lines, byClass: Object.fromEntries(used.map((staffClass) => [staffClass.id, ofClass(staffClass.id)])), total: total(lines.map((line) => line.fte)) };
};

const closingOf = (plan: PlanRecord): PlanBaseline["closingBalances"] =>
  yearsOf(Object.values(plan.closing)).map((year) => {
    const lines = sortedValues(plan.closing).filter((line) => line.year === year);
    return { year, bySource: lines.map((line): ClosingLine => ({ source: line.source, amount: line.amount, ...sourcedBy([line]) })), total: total(lines.map((line) => line.amount)) };
  });

const baselineOf = (plan: PlanRecord, strategy: StrategyPart, classes: readonly StaffClassTerm[]): PlanBaseline => {
  const { adopted } = plan;
  const planYears = Array.from({ length: adopted.toYear - adopted.fromYear + 1 }, (_, index) => adopted.fromYear + index);
  return {
    planId: adopted.planId,
    kind: adopted.kind,
    title: adopted.title,
    fromYear: adopted.fromYear,
    toYear: adopted.toYear,
    detailedYear: adopted.detailedYear,
    comparisonYear: adopted.comparisonYear ?? null,
    adoptedOn: adopted.adoptedOn,
    decidedOn: adopted.decidedOn ?? null,
    decidedBy: adopted.decidedBy ?? null,
    registrationNumber: adopted.registrationNumber ?? null,
    vision: plan.statements["vision"] ?? null,
    mission: plan.statements["mission"] ?? null,
    areas: sortedValues(plan.areas),
    strategy: strategyFor(strategy, adopted.planId, planYears),
    budget: yearsOf([...Object.values(plan.costs), ...Object.values(plan.revenue)]).map((year) => budgetYearOf(plan, year)),
    funds: yearsOf([...Object.values(plan.opening), ...Object.values(plan.funding)]).map((year) => fundsYearOf(plan, year)),
    closingBalances: closingOf(plan),
    staff: yearsOf(Object.values(plan.staff)).map((year) => staffYearOf(plan, year, classes)),
    earmarked: sortedValues(plan.earmarked),
    passThrough: sortedValues(plan.passThrough),
    fees: sortedValues(plan.fees),
    costSharing: sortedValues(plan.costSharing),
    financing: sortedValues(plan.financing),
    projects: sortedValues(plan.projects),
    turnover: sortedValues(plan.turnover),
  };
};

/** Every plan recorded, as known at the cut-off: the state the baseline and the follow-up against the plan both read. */
export const plansFold = defineFold<PlanBaselineState>({
  name: "plans",
  // Revision 2: the state holds the revenue categories and staff classes the log defines.
  // Revision 3: a planned activity's tags are `themes` (built in or the log's own), no longer `threeK`.
  // Revision 4: a defined revenue category keeps the financing sources it covers (`covers`, plan.revenue-category-defined version 2).
  revision: 4,
  init: () => ({ plans: {}, strategy: emptyStrategyPart(), areaParents: {}, areaNames: {}, sourceNames: {}, vocabulary: emptyPlanVocabulary() }),
  evolve: (state, event) => evolvePlan(state, event),
});

/**
 * The plan as adopted: for each plan covering the period's year, its span, texts, strategy, money
 * and staff with exact totals. Revisions are corrections (`supersedes`) recorded later, so the
 * plan as known at its adoption date is this projection replayed as known at that date.
 */
export const planBaselineProjection = defineView<PlanBaselineState, PlanBaselineResult>(plansFold, {
  name: "plan-baseline",
  description: "The plans covering the period's year as adopted (or as revised, as known at the cut-off): span, goals, metrics with targets per year, activities, budget per area and year with exact totals, funds, staff, earmarked funds and projects.",
  result: (state, { period }) => {
    const year = toCivil(period.end).year;
    return {
      year,
      areaParents: { ...state.areaParents },
      areaNames: { ...state.areaNames },
      sourceNames: { ...state.sourceNames },
      revenueCategories: revenueCategoriesOf(state.vocabulary),
      staffClasses: staffClassesOf(state.vocabulary),
      plans: Object.values(state.plans)
        .filter((plan) => (plan.adopted.comparisonYear ?? plan.adopted.fromYear) <= year && plan.adopted.toYear >= year)
        .sort((a, b) => a.adopted.fromYear - b.adopted.fromYear || compareKeys(a.adopted.planId, b.adopted.planId))
        .map((plan) => baselineOf(plan, state.strategy, staffClassesOf(state.vocabulary))),
    };
  },
});
