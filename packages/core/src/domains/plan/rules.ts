import { defineRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { GoalEstablished } from "../strategy/events.js";
import { FundingSourceDefined } from "../finance/events.js";
import { requireFundingSource } from "../finance/funding-sources.js";
import { heldKeyIssues } from "../restated-keys.js";
import { AreaDescribed, ClosingBalanceForecast, EarmarkedFundsRegistered, FundingExpected, PassThroughPlanned, PlanAdopted, ProjectRegistered, RevenueCategoryDefined, RevenuePlanned, StaffClassDefined, StaffPlanned, planEvents } from "./events.js";
import { BUILT_IN_REVENUE_CATEGORIES, BUILT_IN_STAFF_CLASSES, planDefinitionIssues, requirePlanTerm, termRegistry, type TermRegistry } from "./vocabularies.js";

interface PlanYears {
  readonly first: number;
  readonly last: number;
  /** The event adopting the plan: a correction (a revision) may restate its own target's plan, never another's. */
  readonly adoptedBy: string;
}

interface PlanKnowledge {
  readonly references: KnownReferences;
  readonly plans: Map<string, PlanYears>;
  readonly goals: Set<string>;
  readonly programmes: Set<string>;
  readonly projects: Set<string>;
  /** The financing sources the log has defined so far, by id, with the defining event. */
  readonly sources: Map<string, string>;
  readonly revenueCategories: TermRegistry;
  readonly staffClasses: TermRegistry;
}

const PLAN_TYPES: ReadonlySet<string> = new Set(planEvents.map((definition) => definition.type));

/** The fields of any plan event that point elsewhere; each event type has some of them. */
interface PlanReferences {
  readonly planId: string;
  readonly year?: number;
  readonly areaId?: string;
  readonly areaIds?: readonly string[];
  readonly funderId?: string;
  readonly goalId?: string;
  readonly programmeId?: string;
  readonly projectId?: string;
}

const adoptionIssues = (known: PlanKnowledge, event: DomainEvent): Issue[] => {
  if (!PlanAdopted.is(event)) return [];
  const { planId, fromYear, toYear, detailedYear, comparisonYear } = event.data;
  const found = heldKeyIssues(known.plans.get(planId)?.adoptedBy, event, { noun: "plan", held: "adopted", key: planId, path: "data.planId" }, () => [
    issue("conflict", "data.planId", `plan "${planId}" is already adopted`, { expected: "a revision that supersedes it" }),
  ]);
  if (toYear < fromYear) found.push(issue("invalid-field", "data.toYear", "the plan ends before it starts", { expected: `${fromYear} or later`, actual: String(toYear) }));
  if (detailedYear < fromYear || detailedYear > toYear) found.push(issue("invalid-field", "data.detailedYear", "is one of the plan's years", { expected: `${fromYear}..${toYear}`, actual: String(detailedYear) }));
  if (comparisonYear !== undefined && comparisonYear >= fromYear) found.push(issue("invalid-field", "data.comparisonYear", "is a year before the plan", { expected: `before ${fromYear}`, actual: String(comparisonYear) }));
  return found;
};

const yearIssues = (plan: PlanYears, year: number | undefined, path: string): Issue[] =>
  year === undefined || (year >= plan.first && year <= plan.last) ? [] : [issue("invalid-field", path, "lies outside the plan's years", { expected: `${plan.first}..${plan.last}`, actual: String(year) })];

const referenceIssues = (known: PlanKnowledge, data: PlanReferences): Issue[] => {
  const found: Issue[] = [];
  if (data.areaId !== undefined) found.push(...known.references.requireArea(data.areaId, "data.areaId"));
  (data.areaIds ?? []).forEach((areaId, index) => found.push(...known.references.requireArea(areaId, `data.areaIds[${index}]`)));
  if (data.funderId !== undefined) found.push(...known.references.requireFunder(data.funderId, "data.funderId"));
  if (data.goalId !== undefined && !known.goals.has(data.goalId)) found.push(issue("unknown-reference", "data.goalId", `unknown goal "${data.goalId}"`, { expected: "a goal established earlier in the log", actual: data.goalId }));
  return found;
};

/** Programmes and projects an event points at must be registered first (the registering events themselves excepted). */
const registryIssues = (known: PlanKnowledge, event: DomainEvent, data: PlanReferences): Issue[] => {
  const found: Issue[] = [];
  if (PassThroughPlanned.is(event) && data.programmeId !== undefined && !known.programmes.has(data.programmeId))
    found.push(issue("unknown-reference", "data.programmeId", `unknown programme "${data.programmeId}"`, { expected: "earmarked funds registered earlier for the plan", actual: data.programmeId }));
  if (StaffPlanned.is(event) && data.projectId !== undefined && !known.projects.has(data.projectId))
    found.push(issue("unknown-reference", "data.projectId", `unknown project "${data.projectId}"`, { expected: "a project registered earlier for the plan", actual: data.projectId }));
  return found;
};

/** The terms a fact names must be built in or defined earlier; a definition must be new (or supersede) and draw on and cover known sources. */
const vocabularyIssues = (known: PlanKnowledge, event: DomainEvent): Issue[] => {
  if (RevenuePlanned.is(event)) return requirePlanTerm(known.revenueCategories, event.data.category, "data.category");
  if (StaffPlanned.is(event) || AreaDescribed.is(event)) return requirePlanTerm(known.staffClasses, event.data.staffClass, "data.staffClass");
  if (StaffClassDefined.is(event)) return planDefinitionIssues(known.staffClasses, event, event.data.classId, "data.classId");
  if (RevenueCategoryDefined.is(event))
    return [
      ...planDefinitionIssues(known.revenueCategories, event, event.data.categoryId, "data.categoryId"),
      ...requireFundingSource(known.sources, event.data.drawsOn, "data.drawsOn"),
      ...(event.data.covers ?? []).flatMap((source, index) => requireFundingSource(known.sources, source, `data.covers[${index}]`)),
    ];
  return [];
};

const isDefinition = (event: DomainEvent): boolean => RevenueCategoryDefined.is(event) || StaffClassDefined.is(event);

const factIssues = (known: PlanKnowledge, event: DomainEvent): Issue[] => {
  const data = event.data as PlanReferences;
  const plan = known.plans.get(data.planId);
  const source = FundingExpected.is(event) || ClosingBalanceForecast.is(event) ? requireFundingSource(known.sources, event.data.source, "data.source") : [];
  // An unknown plan leaves the year unchecked, but every other reference is checked all the same: one run names every problem.
  const planned = plan === undefined ? [issue("unknown-reference", "data.planId", `unknown plan "${data.planId}"`, { expected: "a plan adopted earlier in the log", actual: data.planId })] : yearIssues(plan, data.year, "data.year");
  return [...planned, ...referenceIssues(known, data), ...registryIssues(known, event, data), ...source, ...vocabularyIssues(known, event)];
};

/**
 * Plan facts belong to an adopted plan and its years, and point at areas, goals, funders,
 * programmes, projects, financing sources, revenue categories and staff classes the log knows.
 */
export const planIntegrity = defineRule<PlanKnowledge>({
  name: "plan-integrity",
  // Revision 3: the state holds the revenue categories and staff classes the log defines (revision 2 added the financing sources);
  // 4: the event adopting each plan.
  revision: 4,
  learnsFrom: [...REFERENCE_FACTS, ...[GoalEstablished, PlanAdopted, EarmarkedFundsRegistered, ProjectRegistered, FundingSourceDefined, RevenueCategoryDefined, StaffClassDefined].map((definition) => definition.type)],
  init: () => ({
    references: new KnownReferences(),
    plans: new Map(),
    goals: new Set(),
    programmes: new Set(),
    projects: new Set(),
    sources: new Map(),
    revenueCategories: termRegistry("revenue category", RevenueCategoryDefined.type, BUILT_IN_REVENUE_CATEGORIES),
    staffClasses: termRegistry("staff class", StaffClassDefined.type, BUILT_IN_STAFF_CLASSES),
  }),
  learn: (known, event) => {
    known.references.learn(event);
    if (GoalEstablished.is(event)) known.goals.add(event.data.goalId);
    if (PlanAdopted.is(event)) known.plans.set(event.data.planId, { first: event.data.comparisonYear ?? event.data.fromYear, last: event.data.toYear, adoptedBy: event.id });
    if (EarmarkedFundsRegistered.is(event)) known.programmes.add(event.data.programmeId);
    if (ProjectRegistered.is(event)) known.projects.add(event.data.projectId);
    if (FundingSourceDefined.is(event)) known.sources.set(event.data.sourceId, event.id);
    if (RevenueCategoryDefined.is(event)) known.revenueCategories.defined.set(event.data.categoryId, event.id);
    if (StaffClassDefined.is(event)) known.staffClasses.defined.set(event.data.classId, event.id);
  },
  check: (known, event) => {
    if (PlanAdopted.is(event)) return adoptionIssues(known, event);
    if (isDefinition(event)) return vocabularyIssues(known, event);
    return PLAN_TYPES.has(event.type) ? factIssues(known, event) : [];
  },
});
