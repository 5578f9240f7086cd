import type { DomainEvent } from "../../events/envelope.js";
import { placeTerm, termDefinitionIssues, unknownTermIssues, type TermVocabulary } from "../../events/defined-terms.js";
import type { Issue } from "../../events/issues.js";
import { RevenueCategoryDefined, StaffClassDefined } from "./events.js";

/**
 * The plan's own words for its revenue lines and its staff classes: some built in (the first
 * organisation's, with the labels its plan prints), the rest defined by the log
 * (`plan.revenue-category-defined`, `plan.staff-class-defined`). Tables print the built-in ones
 * first in their fixed order, then the defined ones in the order they were defined, and only
 * those the plan's lines use.
 */

/** A revenue line of the plan's Intäkter table. */
export interface RevenueCategoryTerm {
  readonly id: string;
  /** Its row heading in the Intäkter table ("Överförda statliga medel"). */
  readonly label: string;
  /** The financing source whose funds carried over from earlier years the line spends: its closing balance falls by the line's amount. */
  readonly drawsOn?: string;
  /** The financing sources whose funds received in a year the line is: what the books' erhållna of a closed year is matched to. None for the built-in categories, which do not map one to one onto sources. */
  readonly covers?: readonly string[];
}

/** A class the plan counts its staff in. */
export interface StaffClassTerm {
  readonly id: string;
  /** Its row heading in the staff table ("Ledning och stab"). */
  readonly label: string;
}

/** In the order the first organisation's plan prints them: funds carried over first, then the year's new revenue. */
export const BUILT_IN_REVENUE_CATEGORIES: readonly RevenueCategoryTerm[] = [
  { id: "carried-over-municipal", label: "Överförda kommunala medel", drawsOn: "kommunerna" },
  { id: "carried-over-state", label: "Överförda statliga medel", drawsOn: "staten" },
  { id: "municipalities", label: "Kommunerna" },
  { id: "state-grants", label: "Statsbidrag" },
  { id: "fees", label: "Avgifter" },
  { id: "other", label: "Övriga intäkter" },
];

export const BUILT_IN_STAFF_CLASSES: readonly StaffClassTerm[] = [
  { id: "fou", label: "FoU" },
  { id: "management", label: "Ledning och stab" },
  { id: "other", label: "Övrig" },
];

/** The terms a log has defined so far, in the order defined. */
export interface PlanVocabulary {
  revenueCategories: RevenueCategoryTerm[];
  staffClasses: StaffClassTerm[];
}

export const emptyPlanVocabulary = (): PlanVocabulary => ({ revenueCategories: [], staffClasses: [] });

/** Learns a definition; true when the event was one. Mutates the vocabulary it is given. */
export const learnPlanVocabulary = (vocabulary: PlanVocabulary, event: DomainEvent): boolean => {
  if (RevenueCategoryDefined.is(event)) {
    const { categoryId, label, drawsOn, covers } = event.data;
    placeTerm(vocabulary.revenueCategories, { id: categoryId, label, ...(drawsOn === undefined ? {} : { drawsOn }), ...(covers === undefined ? {} : { covers: [...covers] }) });
    return true;
  }
  if (StaffClassDefined.is(event)) {
    placeTerm(vocabulary.staffClasses, { id: event.data.classId, label: event.data.label });
    return true;
  }
  return false;
};

/** Every term a log may name, in print order: built in first, then defined. */
export const revenueCategoriesOf = (vocabulary: PlanVocabulary): RevenueCategoryTerm[] => [...BUILT_IN_REVENUE_CATEGORIES, ...vocabulary.revenueCategories];
export const staffClassesOf = (vocabulary: PlanVocabulary): StaffClassTerm[] => [...BUILT_IN_STAFF_CLASSES, ...vocabulary.staffClasses];

/** The terms some line uses, in print order. */
export const termsInUse = <T extends { readonly id: string }>(terms: readonly T[], used: ReadonlySet<string>): T[] => terms.filter((term) => used.has(term.id));

/** What the rule knows of one vocabulary: what it is, its built-in ids, and the defined ones with their defining event. */
export interface TermRegistry extends TermVocabulary {
  readonly defined: Map<string, string>;
}

export const termRegistry = (noun: string, definedBy: string, builtIn: readonly { readonly id: string }[]): TermRegistry => ({ noun, definedBy, builtIn: builtIn.map((term) => term.id), defined: new Map() });

/** A fact may name a term only once the log knows it: built in, or defined before. */
export const requirePlanTerm = (registry: TermRegistry, id: string | undefined, path: string): Issue[] => unknownTermIssues(registry, registry.defined, id, path);

/** A term is defined once, never over a built-in one; a later definition supersedes the first to relabel it. */
export const planDefinitionIssues = (registry: TermRegistry, event: DomainEvent, id: string, path: string): Issue[] => termDefinitionIssues(registry, registry.defined, id, event.supersedes, path);
