import { formatIssue, type Issue } from "@tertial/core";

/** How many places of one problem are printed before the rest are counted. */
export const PLACES_SHOWN = 3;

/** A problem apart from its place: two issues with the same key differ only in line and column. */
const keyOf = ({ line: _line, column: _column, ...rest }: Issue): string => formatIssue(rest);

const remainder = (file: string | undefined, lines: readonly (number | undefined)[]): string => {
  const known = lines.filter((line): line is number => line !== undefined);
  const what = known.length === lines.length ? `${lines.length} more line(s) with the same problem: lines ${known[0]} to ${known[known.length - 1]}` : `${lines.length} more with the same problem`;
  return `${file === undefined ? "" : `${file}: `}and ${what}`;
};

/**
 * The issues as lines to print, each problem at its first few places and then a count of the
 * rest: a log saved with CRLF line endings has the same problem on every line, and ten thousand
 * identical lines would bury any other. Distinct problems are all listed, in their order.
 */
export const collapseRepeated = (issues: readonly Issue[], shown = PLACES_SHOWN): string[] => {
  const byKey = new Map<string, Issue[]>();
  for (const found of issues) {
    const key = keyOf(found);
    const same = byKey.get(key);
    if (same === undefined) byKey.set(key, [found]);
    else same.push(found);
  }
  const out: string[] = [];
  const seen = new Map<string, number>();
  for (const found of issues) {
    const key = keyOf(found);
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count <= shown) out.push(formatIssue(found));
    const all = byKey.get(key) ?? [];
    if (count === shown && all.length > shown) out.push(remainder(found.file, all.slice(shown).map((rest) => rest.line)));
  }
  return out;
};
