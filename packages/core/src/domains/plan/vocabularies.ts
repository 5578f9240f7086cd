import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
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

/** Puts a definition in its place: a new term last, a superseding one where the term stood. Mutates the list. */
const place = <T extends { readonly id: string }>(terms: T[], term: T): void => {
  const at = terms.findIndex((each) => each.id === term.id);
  if (at === -1) terms.push(term);
  else terms[at] = term;
};

/** Learns a definition; true when the event was one. Mutates the vocabulary it is given. */
export const learnPlanVocabulary = (vocabulary: PlanVocabulary, event: DomainEvent): boolean => {
  if (RevenueCategoryDefined.is(event)) {
    const { categoryId, label, drawsOn } = event.data;
    place(vocabulary.revenueCategories, drawsOn === undefined ? { id: categoryId, label } : { id: categoryId, label, drawsOn });
    return true;
  }
  if (StaffClassDefined.is(event)) {
    place(vocabulary.staffClasses, { id: event.data.classId, label: event.data.label });
    return true;
  }
  return false;
};

/** Every term a log may name, in print order: built in first, then defined. */
export const revenueCategoriesOf = (vocabulary: PlanVocabulary): RevenueCategoryTerm[] => [...BUILT_IN_REVENUE_CATEGORIES, ...vocabulary.revenueCategories];
export const staffClassesOf = (vocabulary: PlanVocabulary): StaffClassTerm[] => [...BUILT_IN_STAFF_CLASSES, ...vocabulary.staffClasses];

/** The terms some line uses, in print order. */
export const termsInUse = <T extends { readonly id: string }>(terms: readonly T[], used: ReadonlySet<string>): T[] => terms.filter((term) => used.has(term.id));

/** What the rule knows of one vocabulary: its built-in ids, and the defined ones with their defining event. */
export interface TermRegistry {
  /** What a term is, as an issue says it ("revenue category"). */
  readonly noun: string;
  /** The event type that defines one. */
  readonly definedBy: string;
  readonly builtIn: readonly string[];
  readonly defined: Map<string, string>;
}

export const termRegistry = (noun: string, definedBy: string, builtIn: readonly { readonly id: string }[]): TermRegistry => ({ noun, definedBy, builtIn: builtIn.map((term) => term.id), defined: new Map() });

/** A fact may name a term only once the log knows it: built in, or defined before. */
export const requirePlanTerm = (registry: TermRegistry, id: string | undefined, path: string): Issue[] => {
  if (id === undefined || registry.builtIn.includes(id) || registry.defined.has(id)) return [];
  const ids = [...registry.defined.keys()];
  const expected = `a built-in ${registry.noun} (${registry.builtIn.join(", ")}) or one defined earlier by ${registry.definedBy}${ids.length === 0 ? " (none is)" : ` (${ids.join(", ")})`}`;
  return [issue("unknown-reference", path, `unknown ${registry.noun} "${id}"`, { expected, actual: id })];
};

/** A term is defined once, never over a built-in one; a later definition supersedes the first to relabel it. */
export const planDefinitionIssues = (registry: TermRegistry, event: DomainEvent, id: string, path: string): Issue[] => {
  if (registry.builtIn.includes(id)) return [issue("conflict", path, `"${id}" is a built-in ${registry.noun}; it needs no definition`, { expected: `an id other than ${registry.builtIn.join(", ")}`, actual: id })];
  const earlier = registry.defined.get(id);
  return earlier === undefined || event.supersedes === earlier ? [] : [issue("conflict", path, `${registry.noun} "${id}" is already defined by event ${earlier}; supersede that definition to change it`, { actual: id })];
};
