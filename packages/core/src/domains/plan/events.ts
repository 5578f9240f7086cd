import * as t from "io-ts";
import { DecimalString, Id, IsoDateC, NonEmptyString, NonNegativeDecimal, PositiveInteger, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";
import { FinancingSource, FundingSourceId } from "../finance/events.js";

/**
 * Facts only a plan states: what the plan is, its texts, and its money and staff for the years it
 * covers. Amounts are kronor as decimal strings; `knownTo` says how exactly the plan knows them
 * ("1000" for a table in tkr), as in the finance domain. Every fact names its plan, so two plans
 * (VP 2022–2024 and VP 2023–2025) can state different figures for the same year side by side.
 */
const knownTo = { knownTo: NonNegativeDecimal };
const ofPlan = { planId: Id };

export const PLAN_KINDS = ["verksamhetsplan", "budget", "flerarsplan"] as const;
export const PlanKind = oneOf("PlanKind", PLAN_KINDS);

export const PlanAdopted = defineEvent({
  type: "plan.adopted",
  description:
    "A plan document is adopted (or, when the decision is not printed, stands as the plan from the effective date): its kind, title, the years it covers (`fromYear`..`toYear`), the year planned in detail, the comparison year its tables show, and the decision (date, body, registration number). A later revision supersedes it.",
  data: strictObject(
    "PlanAdopted",
    { ...ofPlan, kind: PlanKind, title: NonEmptyString, fromYear: PositiveInteger, toYear: PositiveInteger, detailedYear: PositiveInteger },
    { comparisonYear: PositiveInteger, decidedOn: IsoDateC, decidedBy: NonEmptyString, registrationNumber: NonEmptyString },
  ),
});

export const StatementAdopted = defineEvent({
  type: "plan.statement-adopted",
  description: "The organisation's vision or mission text as the plan adopts it, with the points printed under it.",
  data: strictObject("StatementAdopted", { ...ofPlan, kind: oneOf("StatementKind", ["vision", "mission"]), text: NonEmptyString }, { points: listOf(NonEmptyString) }),
});

/** The built-in staff classes only: research and development, management and staff functions, or other operations (the closed vocabulary of version 1). */
export const StaffClass = oneOf("StaffClass", ["fou", "management", "other"]);
export type StaffClass = t.TypeOf<typeof StaffClass>;

/**
 * A staff class as a fact names it: a built-in one, or one the log defines with
 * `plan.staff-class-defined`. The codec takes any id; plan-integrity refuses one that is neither.
 */
export const StaffClassId = Id;

export const StaffClassDefined = defineEvent({
  type: "plan.staff-class-defined",
  description:
    "A class the organisation counts its planned staff in, beside the built-in `fou` (FoU), `management` (Ledning och stab) and `other` (Övrig); from then on `plan.staff-planned` and `plan.area-described` (version 2) may name `classId`. `label` heads its row in the plan's staff table (Medarbetare) and names it in the figure `plan.staff`. The table prints the built-in classes first, then the defined ones in the order they were defined, each only when the plan has staff lines in it. A class is defined once for the whole log (every plan may use it); supersede the definition to relabel it.",
  data: strictObject("StaffClassDefined", { classId: StaffClassId, label: NonEmptyString }),
});

const areaDescription = { purpose: NonEmptyString, targetGroup: NonEmptyString, steeringGroup: NonEmptyString };
const AreaDescribedV1 = strictObject("AreaDescribed", { ...ofPlan, areaId: Id }, { ...areaDescription, staffClass: StaffClass });

export const AreaDescribed = defineEvent({
  type: "plan.area-described",
  description:
    "What the plan says an area or network is for: its purpose, target group and steering group, and the staff class its people count in. Version 2 takes a staff class the log defines (`plan.staff-class-defined`) as well as the built-in ones.",
  data: strictObject("AreaDescribed", { ...ofPlan, areaId: Id }, { ...areaDescription, staffClass: StaffClassId }),
  older: [{ version: 1, data: AreaDescribedV1, upcast: unchanged }],
});

export const CostPlanned = defineEvent({
  type: "plan.cost-planned",
  description:
    "An area's planned cost for a year: the budget of the detailed year, the multi-year plan's later years, or the comparison year the plan prints. `gross` when overhead charged to the other areas is still in it (see `plan.overhead-allocated`), else `net`. A comparison year's cost of an area no other area pays part of is set against the books' utfall of that year once they are closed (audit).",
  data: strictObject("CostPlanned", { ...ofPlan, areaId: Id, year: PositiveInteger, amount: DecimalString, basis: oneOf("CostBasis", ["net", "gross"]) }, knownTo),
});

export const OverheadAllocated = defineEvent({
  type: "plan.overhead-allocated",
  description:
    "The part of an area's gross planned cost that the other areas pay through their own budgets (Härav ledning och stab finansierat från områdena ovan); it is taken out of the area's net cost so the total counts it once.",
  data: strictObject("OverheadAllocated", { ...ofPlan, areaId: Id, year: PositiveInteger, amount: NonNegativeDecimal }, knownTo),
});

/** The built-in revenue categories only (the closed vocabulary of version 1), in the order the plan's Intäkter table prints them. */
export const REVENUE_CATEGORIES = ["municipalities", "carried-over-municipal", "carried-over-state", "state-grants", "fees", "other"] as const;
export const RevenueCategory = oneOf("RevenueCategory", REVENUE_CATEGORIES);
export type RevenueCategory = t.TypeOf<typeof RevenueCategory>;

/**
 * A revenue category as a fact names it: a built-in one, or one the log defines with
 * `plan.revenue-category-defined`. The codec takes any id; plan-integrity refuses one that is neither.
 */
export const RevenueCategoryId = Id;

const RevenueCategoryDefinedV1 = strictObject("RevenueCategoryDefinedV1", { categoryId: RevenueCategoryId, label: NonEmptyString }, { drawsOn: FundingSourceId });

/** Version 2 adds `covers`; version 1 lines have none and are lifted unchanged. */
export const RevenueCategoryDefined = defineEvent({
  type: "plan.revenue-category-defined",
  description:
    "A line of the plan's revenue (Intäkter) of the organisation's own (\"Regionens bidrag\", \"Överförda regionala medel\"), beside the built-in `carried-over-municipal`, `carried-over-state`, `municipalities`, `state-grants`, `fees` and `other` (printed in that order); from then on `plan.revenue-planned` (version 2) may name `categoryId`. `label` heads its row in the Intäkter table. `drawsOn`, a financing source (built in or defined by `finance.funding-source-defined`), says the line spends that source's funds carried over from earlier years, as `carried-over-municipal` spends `kommunerna`'s and `carried-over-state` `staten`'s: the audit then expects the source's closing balance (`plan.closing-balance-forecast`) to fall by the line's amount from one year to the next. Version 2 adds `covers`, the financing sources whose funds received in a year the line is (\"Kommunernas bidrag\" covers `kommunerna`): the plan's revenue in the category for its comparison year is then set against what the books record received from those sources that year once it is closed (audit); a category without `covers` is not checked, and the audit says so. The table prints the built-in categories first, then the defined ones in the order they were defined, each only when the plan has revenue in it. A category is defined once for the whole log; supersede the definition to relabel it.",
  data: strictObject("RevenueCategoryDefined", { categoryId: RevenueCategoryId, label: NonEmptyString }, { drawsOn: FundingSourceId, covers: listOf(FundingSourceId, 1) }),
  older: [{ version: 1, data: RevenueCategoryDefinedV1, upcast: unchanged }],
});

const RevenuePlannedV1 = strictObject("RevenuePlanned", { ...ofPlan, year: PositiveInteger, category: RevenueCategory, amount: DecimalString }, { areaId: Id, ...knownTo });

export const RevenuePlanned = defineEvent({
  type: "plan.revenue-planned",
  description:
    "Planned revenue for a year by category: the municipalities' fees, funds carried over from earlier years (municipal or state), new state grants, fees, other; for the whole organisation or one area. Version 2 takes a revenue category the log defines (`plan.revenue-category-defined`) as well as the built-in ones.",
  data: strictObject("RevenuePlanned", { ...ofPlan, year: PositiveInteger, category: RevenueCategoryId, amount: DecimalString }, { areaId: Id, ...knownTo }),
  older: [{ version: 1, data: RevenuePlannedV1, upcast: unchanged }],
});

export const OpeningBalanceForecast = defineEvent({
  type: "plan.opening-balance-forecast",
  description:
    "The funds a plan expects an area to carry into a year (ingående medel); without an area, the organisation's result carried from earlier years (överskott sedan tidigare år, negative for a deficit). An area's amount for the plan's first year is set against the books' kvarvarande at the end of the year before once those books are closed (audit).",
  data: strictObject("OpeningBalanceForecast", { ...ofPlan, year: PositiveInteger, amount: DecimalString }, { areaId: Id, ...knownTo }),
});

const fundingData = { ...ofPlan, areaId: Id, year: PositiveInteger, amount: DecimalString };
const FundingStatus = oneOf("FundingStatus", ["expected", "granted"]);
const FundingExpectedV1 = strictObject("FundingExpected", fundingData, { status: FundingStatus, source: FinancingSource, funderId: Id, ...knownTo });

export const FundingExpected = defineEvent({
  type: "plan.funding-expected",
  description:
    "Funding an area expects, or has been granted, for a year (förväntade/beviljade medel), from a source and funder when the plan says which. Version 2 takes a financing source the log defines (`finance.funding-source-defined`) as well as the built-in ones.",
  data: strictObject("FundingExpected", fundingData, { status: FundingStatus, source: FundingSourceId, funderId: Id, ...knownTo }),
  older: [{ version: 1, data: FundingExpectedV1, upcast: unchanged }],
});

const ClosingBalanceForecastV1 = strictObject("ClosingBalanceForecast", { ...ofPlan, year: PositiveInteger, source: FinancingSource, amount: DecimalString }, knownTo);

export const ClosingBalanceForecast = defineEvent({
  type: "plan.closing-balance-forecast",
  description:
    "The funds a plan expects to remain at the end of a year (utgående balans), per financing source; for the plan's comparison year, set against the balance the books record at its end once they are closed (audit). Version 2 takes a financing source the log defines (`finance.funding-source-defined`) as well as the built-in ones.",
  data: strictObject("ClosingBalanceForecast", { ...ofPlan, year: PositiveInteger, source: FundingSourceId, amount: DecimalString }, knownTo),
  older: [{ version: 1, data: ClosingBalanceForecastV1, upcast: unchanged }],
});

const Allocation = strictObject("Allocation", { amount: DecimalString }, { areaId: Id, purpose: NonEmptyString });
const FutureAllocation = strictObject("FutureAllocation", { year: PositiveInteger, amount: DecimalString, decided: t.boolean }, { purpose: NonEmptyString });

export const TurnoverExpected = defineEvent({
  type: "plan.turnover-expected",
  description:
    "What the plan expects the organisation to turn over (omsätta) in a year whose books are not yet closed, usually the year the plan is written in: an expected outcome printed beside the budgets, not a budget line.",
  data: strictObject("TurnoverExpected", { ...ofPlan, year: PositiveInteger, amount: NonNegativeDecimal }, knownTo),
});

export const EarmarkedFundsRegistered = defineEvent({
  type: "plan.earmarked-funds-registered",
  description:
    "Earmarked state funds of one programme as a plan states them for a year: the opening amount, the total available over the programme's period and how much of it has a plan, how it is allocated to areas and purposes, what remains undecided, decided future allocations, who decides their use and the year they run out.",
  data: strictObject(
    "EarmarkedFundsRegistered",
    { ...ofPlan, programmeId: Id, name: NonEmptyString, year: PositiveInteger },
    {
      opening: DecimalString,
      available: DecimalString,
      planned: DecimalString,
      remaining: DecimalString,
      from: IsoDateC,
      to: IsoDateC,
      allocations: listOf(Allocation),
      futureAllocations: listOf(FutureAllocation),
      decidedBy: NonEmptyString,
      depletedBy: PositiveInteger,
      ...knownTo,
    },
  ),
});

export const PassThroughPlanned = defineEvent({
  type: "plan.pass-through-planned",
  description: "Money the organisation plans to pass on to others in a year (to the municipalities, to the region) outside its own budget, with its purpose and the programme it comes from.",
  data: strictObject("PassThroughPlanned", { ...ofPlan, year: PositiveInteger, recipients: NonEmptyString, purpose: NonEmptyString }, { amount: DecimalString, programmeId: Id, areaId: Id, ...knownTo }),
});

export const FEE_KINDS = ["membership", "partnership", "base-fee", "annual-fee", "course-fee", "administrative-fee", "participant-fee"] as const;

export const FeeSet = defineEvent({
  type: "plan.fee-set",
  description: "A fee the plan sets for an area and year (grundavgift, årlig avgift, kursavgift …), with the standard level it departs from and why.",
  data: strictObject(
    "FeeSet",
    { ...ofPlan, areaId: Id, year: PositiveInteger, feeKind: oneOf("FeeKind", FEE_KINDS), amount: DecimalString },
    { standardAmount: DecimalString, reason: NonEmptyString, ...knownTo },
  ),
});

const FinancingLine = strictObject("FinancingLine", { description: NonEmptyString }, { amount: DecimalString, condition: NonEmptyString });

export const FinancingDeclared = defineEvent({
  type: "plan.financing-declared",
  description:
    "How the plan says an area's work in a year is financed, in its own section: the area's total when printed (often rounded, `approximate` for \"cirka\"), and each source with its amount when given and the condition it depends on. These are parts of a budget row, never added to the plan's totals.",
  data: strictObject(
    "FinancingDeclared",
    { ...ofPlan, areaId: Id, year: PositiveInteger, sources: listOf(FinancingLine) },
    { total: DecimalString, approximate: t.boolean, ...knownTo },
  ),
});

const FixedShare = strictObject("FixedShare", { party: NonEmptyString, amount: DecimalString });

export const CostSharingSet = defineEvent({
  type: "plan.cost-sharing-set",
  description: "How an area's cost for a year is shared: parties paying fixed amounts, and the key (nyckeltal) by which the rest is shared.",
  data: strictObject("CostSharingSet", { ...ofPlan, areaId: Id, year: PositiveInteger, key: NonEmptyString }, { total: DecimalString, fixedShares: listOf(FixedShare), ...knownTo }),
});

const staffLine = { ...ofPlan, lineId: Id, year: PositiveInteger, areaIds: listOf(Id, 1), fte: NonNegativeDecimal };
const staffLineOptions = { headcount: PositiveInteger, projectId: Id, approximate: t.boolean };
const StaffPlannedV1 = strictObject("StaffPlanned", { ...staffLine, staffClass: StaffClass }, staffLineOptions);

export const StaffPlanned = defineEvent({
  type: "plan.staff-planned",
  description:
    "Planned staff (årsarbetare) for a year on one line: one area, or several when one post serves them together (counted once), in a staff class; optionally the headcount, a project, and whether the plan gives it only approximately. Version 2 takes a staff class the log defines (`plan.staff-class-defined`) as well as the built-in ones.",
  data: strictObject("StaffPlanned", { ...staffLine, staffClass: StaffClassId }, staffLineOptions),
  older: [{ version: 1, data: StaffPlannedV1, upcast: unchanged }],
});

export const PROJECT_KINDS = ["development-project", "research-study", "assignment", "pre-study", "initiative"] as const;

export const ProjectRegistered = defineEvent({
  type: "plan.project-registered",
  description:
    "A project, study or assignment the plan runs or takes part in: its kind, area, goal, period, funder, total budget and co-financing rate as printed, and the date its staff are funded to when that differs from its end.",
  data: strictObject(
    "ProjectRegistered",
    { ...ofPlan, projectId: Id, name: NonEmptyString, kind: oneOf("ProjectKind", PROJECT_KINDS) },
    { areaId: Id, goalId: Id, from: IsoDateC, to: IsoDateC, funderId: Id, totalBudget: DecimalString, coFinancingRate: NonNegativeDecimal, staffFundedUntil: IsoDateC, ...knownTo },
  ),
});

export const planEvents = [
  RevenueCategoryDefined,
  StaffClassDefined,
  PlanAdopted,
  StatementAdopted,
  AreaDescribed,
  CostPlanned,
  OverheadAllocated,
  RevenuePlanned,
  OpeningBalanceForecast,
  FundingExpected,
  ClosingBalanceForecast,
  EarmarkedFundsRegistered,
  PassThroughPlanned,
  FeeSet,
  CostSharingSet,
  FinancingDeclared,
  StaffPlanned,
  ProjectRegistered,
  TurnoverExpected,
] as const;
