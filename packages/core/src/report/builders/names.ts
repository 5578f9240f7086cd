import { referenceProjection } from "../../domains/reference/projection.js";
import { resultOf, type ReportBuildContext } from "./context.js";

/** Swedish alphabetical order without Intl: å, ä, ö after z (Vaggeryd, Vetlanda, Värnamo). */
const SWEDISH_KEY: Readonly<Record<string, string>> = { å: "z\u0001", ä: "z\u0002", ö: "z\u0003", é: "e", ü: "y" };

export const swedishKey = (text: string): string =>
  text
    .toLowerCase()
    .split("")
    .map((char) => SWEDISH_KEY[char] ?? char)
    .join("");

export const bySwedishName = <T>(nameOf: (item: T) => string) => (a: T, b: T): number => {
  const [left, right] = [swedishKey(nameOf(a)), swedishKey(nameOf(b))];
  return left < right ? -1 : left > right ? 1 : 0;
};

/** Names of municipalities, areas and networks as the reference data had them at the period's end; the id when unknown. */
export const namer = (context: ReportBuildContext): ((id: string) => string) => {
  const reference = resultOf(context, referenceProjection);
  const names = new Map<string, string>();
  for (const list of [reference?.municipalities ?? [], reference?.areas ?? [], reference?.networks ?? [], reference?.funders ?? []]) for (const item of list) if (!names.has(item.id)) names.set(item.id, item.name);
  return (id) => names.get(id) ?? id;
};
