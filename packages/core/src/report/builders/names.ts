import { referenceProjection } from "../../domains/reference/projection.js";
import { resultOf, type ReportBuildContext } from "./context.js";

/**
 * Swedish alphabetical order without Intl: å, ä, ö after z (Vaggeryd, Vetlanda, Värnamo; Zeta,
 * Åseda, Östra Göinge), as the three characters that follow z in code-unit order.
 */
const SWEDISH_KEY: Readonly<Record<string, string>> = { å: "{", ä: "|", ö: "}", é: "e", ü: "y" };

const SWEDISH_LETTERS = /[åäöéü]/g;

export const swedishKey = (text: string): string => text.toLowerCase().replace(SWEDISH_LETTERS, (char) => SWEDISH_KEY[char] ?? char);

/** A comparator by Swedish alphabetical order of a name; each item's key made once per sort, not at every comparison. */
export const bySwedishName = <T>(nameOf: (item: T) => string) => {
  const keys = new Map<T, string>();
  const keyOf = (item: T): string => {
    let key = keys.get(item);
    if (key === undefined) keys.set(item, (key = swedishKey(nameOf(item))));
    return key;
  };
  return (a: T, b: T): number => {
    const left = keyOf(a);
    const right = keyOf(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };
};

/** Names of municipalities, areas and networks as the reference data had them at the period's end; the id when unknown. */
export const namer = (context: ReportBuildContext): ((id: string) => string) => {
  const reference = resultOf(context, referenceProjection);
  const names = new Map<string, string>();
  for (const list of [reference?.municipalities ?? [], reference?.areas ?? [], reference?.networks ?? [], reference?.funders ?? []]) for (const item of list) if (!names.has(item.id)) names.set(item.id, item.name);
  return (id) => names.get(id) ?? id;
};
