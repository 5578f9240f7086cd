import { issue, type Issue } from "./issues.js";

/**
 * A vocabulary events name by id that a log may extend: some terms built in (with the labels the
 * first organisation prints), the rest defined by a definition event of the owning domain
 * (financing sources, seat sides, employment forms, plan revenue categories…). Every domain's
 * vocabulary follows the same rules, so a user meets one behaviour and one wording: a fact names
 * only a term built in or defined earlier; a term is defined once, never over a built-in or
 * reserved id; a later definition that supersedes the first relabels the term in place.
 */
export interface TermVocabulary {
  /** What a term is, as an issue says it ("financing source"). */
  readonly noun: string;
  /** The event type that defines a term. */
  readonly definedBy: string;
  /** The built-in ids, in print order. */
  readonly builtIn: readonly string[];
  /** Ids no term may be defined under, and why (a cost's "internal" source means the other areas). */
  readonly reserved?: { readonly ids: readonly string[]; readonly because: string };
}

/** The terms a log has defined so far: id → the id of the event that defined it. */
export type DefinedTermIds = ReadonlyMap<string, string>;

/** The ids a log has defined so far, however a rule keeps them (a map or a set of ids). */
export interface KnownTermIds {
  has(id: string): boolean;
  keys(): IterableIterator<string>;
}

const list = (ids: readonly string[]): string => ids.join(", ");

/** What a fact may name, as an issue says it: the built-in terms and those defined so far. */
const expectedTerm = (vocabulary: TermVocabulary, defined: KnownTermIds): string => {
  const ids = [...defined.keys()];
  return `a built-in ${vocabulary.noun} (${list(vocabulary.builtIn)}) or one defined earlier by ${vocabulary.definedBy}${ids.length === 0 ? " (none is)" : ` (${list(ids)})`}`;
};

/** A fact may name a term only once the log knows it: built in, or defined before. No id, no issue. */
export const unknownTermIssues = (vocabulary: TermVocabulary, defined: KnownTermIds, id: string | undefined, path: string): Issue[] =>
  id === undefined || vocabulary.builtIn.includes(id) || defined.has(id) ? [] : [issue("unknown-reference", path, `unknown ${vocabulary.noun} "${id}"`, { expected: expectedTerm(vocabulary, defined), actual: id })];

/**
 * A definition's issues: an id built in or reserved, or one defined already by an event this one
 * does not supersede (`supersedes` is the definition's own `supersedes`).
 */
export const termDefinitionIssues = (vocabulary: TermVocabulary, defined: DefinedTermIds, id: string, supersedes: string | undefined, path: string): Issue[] => {
  if (vocabulary.builtIn.includes(id)) return [issue("conflict", path, `"${id}" is a built-in ${vocabulary.noun}; it needs no definition`, { expected: `an id other than ${list(vocabulary.builtIn)}`, actual: id })];
  const reserved = vocabulary.reserved;
  if (reserved?.ids.includes(id) === true) return [issue("invalid-field", path, `"${id}" is reserved: ${reserved.because}`, { expected: `an id other than ${list(reserved.ids)}`, actual: id })];
  const earlier = defined.get(id);
  return earlier === undefined || supersedes === earlier ? [] : [issue("conflict", path, `${vocabulary.noun} "${id}" is already defined by event ${earlier}; supersede that definition to change it`, { actual: id })];
};

/** Puts a definition in its place among the defined terms: a new term last, a relabelled one where it stood. Mutates the list. */
export const placeTerm = <T extends { readonly id: string }>(terms: T[], term: T): void => {
  const at = terms.findIndex((each) => each.id === term.id);
  if (at === -1) terms.push(term);
  else terms[at] = term;
};
