import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
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

const DEFINED_BY: Readonly<Record<StaffVocabulary, string>> = { "employment-form": EmploymentFormDefined.type, financing: StaffFinancingDefined.type };

const WHAT: Readonly<Record<StaffVocabulary, string>> = { "employment-form": "employment form", financing: "staff financing kind" };

// The built-in ids, checked against the closed codecs' lists so the two never drift apart.
const BUILT_IN_IDS: Readonly<Record<StaffVocabulary, readonly string[]>> = { "employment-form": EMPLOYMENT_FORMS, financing: FINANCING_KINDS };

export const isBuiltInTerm = (vocabulary: StaffVocabulary, id: string): boolean => BUILT_IN_IDS[vocabulary].includes(id);

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
  const terms = defined[definition.vocabulary];
  const at = terms.findIndex((term) => term.id === definition.term.id);
  if (at === -1) terms.push(definition.term);
  else terms[at] = definition.term;
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

/** The ids a fact may name, as an issue says it: the built-in ones and those defined so far. */
const expectedTerms = (vocabulary: StaffVocabulary, defined: ReadonlyMap<string, unknown>): string => {
  const ids = [...defined.keys()];
  return `a built-in ${WHAT[vocabulary]} (${BUILT_IN_IDS[vocabulary].join(", ")}) or one defined earlier by ${DEFINED_BY[vocabulary]}${ids.length === 0 ? " (none is)" : ` (${ids.join(", ")})`}`;
};

/** A fact may name a term only once the log knows it: built in, or defined before (`defined` by id). */
export const requireStaffTerm = (vocabulary: StaffVocabulary, defined: ReadonlyMap<string, unknown>, id: string | undefined, path: string): Issue[] =>
  id === undefined || isBuiltInTerm(vocabulary, id) || defined.has(id) ? [] : [issue("unknown-reference", path, `unknown ${WHAT[vocabulary]} "${id}"`, { expected: expectedTerms(vocabulary, defined), actual: id })];

/** A term is defined once, under an id no built-in term has; a correction supersedes the definition (`earlier` is the event that defined it). */
export const staffDefinitionIssues = (vocabulary: StaffVocabulary, id: string, earlier: string | undefined, supersedes: string | undefined, path: string): Issue[] => {
  if (isBuiltInTerm(vocabulary, id)) return [issue("conflict", path, `"${id}" is a built-in ${WHAT[vocabulary]}; it needs no definition`, { expected: `an id other than ${BUILT_IN_IDS[vocabulary].join(", ")}`, actual: id })];
  return earlier === undefined || supersedes === earlier ? [] : [issue("conflict", path, `${WHAT[vocabulary]} "${id}" is already defined by event ${earlier}; supersede that definition to change it`, { actual: id })];
};
