import { basisMark } from "../document/basis.js";
import type { ReportFigure } from "../document/figure.js";

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Stands in for a figure in a text, so a text that differs only in its figures compares equal. */
export const FIGURE_MASK = "\u{FFFC}";

/**
 * The text with every printed figure (and the basis mark after it, "†", "‡") replaced by one
 * mask, where it stands as a word of its own ("9" in "9 av 21", never the "9" of "2019"): a
 * figure that changed is a figure change, listed once, not also a text change.
 */
export const maskFigures = (text: string, figures: readonly (ReportFigure | null | undefined)[]): string => {
  const printed = figures.filter((figure): figure is ReportFigure => figure !== null && figure !== undefined && figure.text !== "");
  if (printed.length === 0) return text;
  const alternatives = [...new Set(printed.map((figure) => figure.text))].sort((x, y) => y.length - x.length).map(escapeRegExp);
  const marks = [...new Set(printed.map(basisMark).filter((mark) => mark !== ""))].map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?:${marks.length === 0 ? "" : marks.join("|")})?(?![\\p{L}\\p{N}])`, "gu");
  return text.replace(pattern, FIGURE_MASK);
};

const words = (text: string): string[] => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== "");

/** Shared words over all words (Dice), 0 to 1: whether two texts are one text rewritten. */
export const similarity = (a: string, b: string): number => {
  const [left, right] = [new Set(words(a)), new Set(words(b))];
  if (left.size + right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared += 1;
  return (2 * shared) / (left.size + right.size);
};

/** Whitespace collapsed and end punctuation dropped: "Fler invånare mår bra." is the heading "Fler invånare mår bra". */
export const normalise = (text: string): string =>
  text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.:;,!?]+$/u, "");

/** Whether `fragment` stands in `text` as whole words. Both normalised. */
export const containsWords = (text: string, fragment: string): boolean => {
  if (fragment === "") return false;
  const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  for (let at = text.indexOf(fragment); at !== -1; at = text.indexOf(fragment, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + fragment.length])) return true;
  }
  return false;
};
