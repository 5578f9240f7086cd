import type { DomainEvent } from "../../events/envelope.js";
import { placeTerm, termDefinitionIssues, unknownTermIssues, type DefinedTermIds, type KnownTermIds, type TermVocabulary } from "../../events/defined-terms.js";
import type { Issue } from "../../events/issues.js";
import { EMPLOYMENT_FORMS, EmploymentFormDefined, FINANCING_KINDS, StaffFinancingDefined } from "./events.js";

/** An employment form or a financing kind of staff, as the staff tables and slides print it. */
export interface StaffTerm {
  readonly id: string;
  /** The term as a sentence names it, in lower case ("projektanställning", "regionbidrag"). */
  readonly name: string;
  /** Its column or row heading in the staff tables ("Projektanställd", "Regionbidrag"). */
  readonly label: string;
}

/** The two staff vocabularies a log may extend. */
export type StaffVocabulary = "employment-form" | "financing";

/** The employment forms every log knows, in the order the tables print them: the first organisation's. */
export const BUILT_IN_EMPLOYMENT_FORMS: readonly StaffTerm[] = [
  { id: "tjanstekop", name: "tjänsteköp", label: "Tjänsteköp" },
  { id: "tillsvidare", name: "tillsvidareanställning", label: "Tillsvidare" },
  { id: "visstid", name: "visstidsanställning", label: "Visstid" },
];

/** The financing kinds every log knows, in the order the tables print them: the first organisation's. */
export const BUILT_IN_STAFF_FINANCING: readonly StaffTerm[] = [
  { id: "grund", name: "grundfinansiering", label: "Grundfinansiering" },
  { id: "extern", name: "externa medel", label: "Externa medel" },
];

const BUILT_IN: Readonly<Record<StaffVocabulary, readonly StaffTerm[]>> = { "employment-form": BUILT_IN_EMPLOYMENT_FORMS, financing: BUILT_IN_STAFF_FINANCING };

// The built-in ids, checked against the closed codecs' lists so the two never drift apart.
const VOCABULARY: Readonly<Record<StaffVocabulary, TermVocabulary>> = {
  "employment-form": { noun: "employment form", definedBy: EmploymentFormDefined.type, builtIn: EMPLOYMENT_FORMS },
  financing: { noun: "staff financing kind", definedBy: StaffFinancingDefined.type, builtIn: FINANCING_KINDS },
};

export const isBuiltInTerm = (vocabulary: StaffVocabulary, id: string): boolean => VOCABULARY[vocabulary].builtIn.includes(id);

/** The terms a log defined so far, per vocabulary, in the order defined. */
export interface DefinedStaffTerms {
  "employment-form": StaffTerm[];
  financing: StaffTerm[];
}

export const noDefinedTerms = (): DefinedStaffTerms => ({ "employment-form": [], financing: [] });

/** The vocabulary and term a definition event defines, or undefined for any other event. */
export const definitionIn = (event: DomainEvent): { readonly vocabulary: StaffVocabulary; readonly term: StaffTerm } | undefined => {
  if (EmploymentFormDefined.is(event)) return { vocabulary: "employment-form", term: { id: event.data.formId, name: event.data.name, label: event.data.label } };
  if (StaffFinancingDefined.is(event)) return { vocabulary: "financing", term: { id: event.data.kindId, name: event.data.name, label: event.data.label } };
  return undefined;
};

/** Learns a definition; mutates the terms it is given. A second definition of an id (a correction) renames it in place. */
export const learnTerm = (defined: DefinedStaffTerms, event: DomainEvent): void => {
  const definition = definitionIn(event);
  if (definition === undefined) return;
  placeTerm(defined[definition.vocabulary], definition.term);
};

/** Every term of a vocabulary the log knows, in print order: the built-in ones in their fixed order, then the defined ones in the order defined. */
export const knownTerms = (defined: DefinedStaffTerms, vocabulary: StaffVocabulary): StaffTerm[] => [...BUILT_IN[vocabulary], ...defined[vocabulary]];

/**
 * The terms the given breakdowns name, in print order. A term no breakdown names gets no column;
 * an id the log never defined (only a log that bypassed the rules holds one) is printed by its id,
 * so the parts still foot to the total.
 */
export const termsIn = (terms: readonly StaffTerm[], breakdowns: readonly (Readonly<Record<string, string>> | null)[]): StaffTerm[] => {
  const named = new Set(breakdowns.flatMap((parts) => (parts === null ? [] : Object.keys(parts))));
  const known = terms.filter((term) => named.has(term.id));
  const unknown = [...named].filter((id) => !terms.some((term) => term.id === id)).sort();
  return [...known, ...unknown.map((id) => ({ id, name: id, label: id }))];
};

/** A fact may name a term only once the log knows it: built in, or defined before (`defined` by id). */
export const requireStaffTerm = (vocabulary: StaffVocabulary, defined: KnownTermIds, id: string | undefined, path: string): Issue[] => unknownTermIssues(VOCABULARY[vocabulary], defined, id, path);

/** A term is defined once, under an id no built-in term has; a correction supersedes the definition. */
export const staffDefinitionIssues = (vocabulary: StaffVocabulary, defined: DefinedTermIds, id: string, supersedes: string | undefined, path: string): Issue[] =>
  termDefinitionIssues(VOCABULARY[vocabulary], defined, id, supersedes, path);
