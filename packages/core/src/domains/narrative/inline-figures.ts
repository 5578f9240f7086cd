import { isUnitId, type UnitId } from "../../numbers/units.js";
import { figureLookup, type FigureLookup } from "../../reconciliation/figure-source.js";
import { paramsTaken, unknownFigureHint, unknownParamText } from "../../reconciliation/figure-reference.js";
import type { Comparison } from "../../time/period.js";
import { builtInModules } from "../index.js";
import { isNumberWordStyle, NUMBER_WORD_STYLES, type NumberWordStyle } from "./number-words.js";

let builtIn: FigureLookup | undefined;

/**
 * The built-in domains' figures: what a text's placeholders are checked against and computed from
 * where no catalog says which (a rule no catalog has bound, a report context without `figures`);
 * a catalog binds its rules to its own, a module's added with `with` among them. Made when first
 * asked, once every domain module has loaded (this module is part of one).
 */
export const builtInFigures = (): FigureLookup => (builtIn ??= figureLookup(builtInModules.flatMap((module) => module.figures ?? [])));

/**
 * A figure written into a narrative: `{{finance.state-grants-requisitioned programme="Psykiatri"
 * unit=miljoner-kronor decimals=1}}`. The text names the figure by key and parameters, as a
 * `figure stated` event does; the report computes it from the facts as known at its cut-off,
 * prints it with the house formatter and keeps it beside the paragraph, so prose figures are
 * audited, diffed and traced like table cells. `unit`, `decimals`, `suffix=nej`, `sign=nej` (the
 * size without its sign: "ett underskott på 547 tkr") and `words=en|ett|En|Ett` (a whole number up
 * to twenty in words, "tre", "Nio") choose only how it is printed. `compare=previous-year` (or
 * `same-period-last-year`, `previous-tertial`) computes the figure for that period relative to the
 * report's, so next year's text needs no change ("9 under hela 2019" in the 2020 report). Every other
 * name is a parameter of the figure.
 */
export const INLINE_FIGURE = /\{\{\s*([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)((?:\s+[a-zA-Z][a-zA-Z0-9-]*=(?:"[^"]*"|[^\s"}]+))*)\s*\}\}/g;

const OPTION = /([a-zA-Z][a-zA-Z0-9-]*)=(?:"([^"]*)"|([^\s"}]+))/g;

/** What a narrative prints when the facts do not give a figure it names: a blank, said in words, never a zero. */
export const MISSING_FIGURE_TEXT = "(uppgift saknas)";

/** The comparison periods a text may name, every kind of `Comparison` (the record keeps the list complete). */
const TEXT_COMPARISONS: Readonly<Record<Comparison, true>> = { "same-period-last-year": true, "previous-year": true, "previous-tertial": true };

const isComparison = (value: string): value is Comparison => Object.hasOwn(TEXT_COMPARISONS, value);

export interface InlineFigureRef {
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
  readonly unit: UnitId | undefined;
  readonly decimals: number | undefined;
  readonly suffix: boolean;
  readonly signed: boolean;
  readonly words: NumberWordStyle | undefined;
  /** The period the figure is for, relative to the report's; undefined: the report's own. */
  readonly compare: Comparison | undefined;
}

/** A placeholder's figure, parameters and print options; a problem in words when an option is malformed. */
export const parseInlineFigure = (key: string, optionText: string): InlineFigureRef | string => {
  const params: Record<string, string> = {};
  let unit: UnitId | undefined;
  let decimals: number | undefined;
  let suffix = true;
  let signed = true;
  let words: NumberWordStyle | undefined;
  let compare: Comparison | undefined;
  for (const match of optionText.matchAll(OPTION)) {
    const name = match[1] ?? "";
    const value = match[2] ?? match[3] ?? "";
    if (name === "unit") {
      if (!isUnitId(value)) return `unknown unit "${value}" in {{${key} …}}`;
      unit = value;
    } else if (name === "decimals") {
      if (!/^[0-9]$/.test(value)) return `decimals must be a digit 0–9 in {{${key} …}}, not "${value}"`;
      decimals = Number(value);
    } else if (name === "suffix") {
      if (value !== "ja" && value !== "nej") return `suffix must be "ja" or "nej" in {{${key} …}}, not "${value}"`;
      suffix = value === "ja";
    } else if (name === "sign") {
      if (value !== "ja" && value !== "nej") return `sign must be "ja" or "nej" in {{${key} …}}, not "${value}"`;
      signed = value === "ja";
    } else if (name === "words") {
      if (!isNumberWordStyle(value)) return `words must be one of ${NUMBER_WORD_STYLES.join(", ")} in {{${key} …}}, not "${value}"`;
      words = value;
    } else if (name === "compare") {
      if (!isComparison(value)) return `compare must be one of ${Object.keys(TEXT_COMPARISONS).join(", ")} in {{${key} …}}, not "${value}"`;
      compare = value;
    } else params[name] = value;
  }
  return { key, params, unit, decimals, suffix, signed, words, compare };
};

/** A placeholder as the text has it, cut short for a message. */
const excerpt = (markdown: string, at: number): string => {
  const end = markdown.indexOf("}}", at);
  const text = end === -1 || end - at > 60 ? `${markdown.slice(at, at + 60)}…` : markdown.slice(at, end + 2);
  return text.replace(/\s+/g, " ");
};

/** A placeholder whose figure the catalog lacks, or that gives the figure a parameter it does not take: the report could only print it as missing. */
const figureProblem = (ref: InlineFigureRef, figures: FigureLookup, written: string): string | undefined => {
  const source = figures.figure(ref.key);
  if (source === undefined) return `"${written}" names no figure "${ref.key}"${unknownFigureHint(ref.key, figures)}`;
  const unknown = source.unknownParams(ref.params);
  if (unknown.length === 0) return undefined;
  const named = unknown.map((name) => unknownParamText(source, name)).join(", ");
  return `"${written}" gives ${ref.key} ${unknown.length === 1 ? "a parameter" : "parameters"} it does not take: ${named}; it takes ${paramsTaken(source)}`;
};

/**
 * The problems with a narrative's placeholders (for the narrative rule): every `{{` must open one
 * written as `{{figure.key name=value …}}` and closed by `}}` (a misspelt or unclosed one would
 * otherwise be printed as it stands), its print options must be valid, and its figure must be one
 * of these figures (the catalog's, which a report computes it from), with parameters it takes.
 */
export const inlineFigureProblems = (markdown: string, figures: FigureLookup): string[] => {
  const problems: string[] = [];
  const placeholders = new Map([...markdown.matchAll(INLINE_FIGURE)].map((match) => [match.index, match] as const));
  for (let at = markdown.indexOf("{{"); at !== -1; at = markdown.indexOf("{{", at + 2)) {
    const match = placeholders.get(at);
    if (match === undefined) {
      problems.push(`"${excerpt(markdown, at)}" is not a figure placeholder: write {{figure.key name=value …}}, closed by }}`);
      continue;
    }
    const parsed = parseInlineFigure(match[1] ?? "", match[2] ?? "");
    const problem = typeof parsed === "string" ? parsed : figureProblem(parsed, figures, excerpt(markdown, at));
    if (problem !== undefined) problems.push(problem);
    at += match[0].length - 2;
  }
  return problems;
};
