import { CANONICAL_MAX_DEPTH } from "../log/canonical-json.js";

/**
 * Whether a projection's state comes back the same from JSON: what a checkpoint and a snapshot
 * refuse to keep when the projection declares no `save`.
 */

/** "a Set", "an Int8Array", "an instance of Tally": what a non-plain object is. */
const objectKind = (value: object): string => {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  if (typeof name !== "string" || name === "") return "an object of a class";
  const article = /^[AEIOU]/i.test(name) ? "an" : "a";
  return (globalThis as Record<string, unknown>)[name] === (value as { constructor?: unknown }).constructor ? `${article} ${name}` : `an instance of ${name}`;
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const pathOf = (keys: readonly (string | number)[]): string =>
  keys.reduce<string>((path, key) => (typeof key === "number" ? `${path}[${key}]` : IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`), "state");

/** What a value that is not an object is, where JSON would not keep it; undefined where it would. */
const notPlainScalar = (value: unknown, inList: boolean): string | undefined => {
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? undefined : String(value);
    case "bigint":
      return `a bigint (${value}n)`;
    case "function":
      return "a function";
    case "symbol":
      return "a symbol";
    case "undefined":
      return inList ? "undefined" : undefined;
    default:
      return undefined;
  }
};

/**
 * Where a state would not come back the same from JSON ("state.byId"), and what is there ("a
 * Map"); undefined when it would: plain objects (of Object's prototype or none), lists, text,
 * finite numbers, true, false and null. An object's undefined field is left out by JSON and reads
 * back the same; undefined as the whole state or in a list does not. Walks the whole value: once
 * per snapshot, never per event.
 */
export const notPlainJson = (root: unknown): { readonly path: string; readonly found: string } | undefined => {
  const keys: (string | number)[] = [];
  const ancestors: object[] = [];
  const visit = (value: unknown, inList: boolean): string | undefined => {
    if (typeof value !== "object" || value === null) return notPlainScalar(value, inList);
    const cycle = ancestors.indexOf(value);
    if (cycle >= 0) return `a cycle back to ${pathOf(keys.slice(0, cycle))}`;
    if (ancestors.length >= CANONICAL_MAX_DEPTH) return `more nesting than ${CANONICAL_MAX_DEPTH} levels`;
    const prototype: unknown = Object.getPrototypeOf(value);
    const list = Array.isArray(value);
    if (list ? prototype !== Array.prototype : prototype !== Object.prototype && prototype !== null) return objectKind(value);
    ancestors.push(value);
    for (const key of list ? Array.from({ length: value.length }, (_, index) => index) : Object.keys(value)) {
      keys.push(key);
      const found = visit((value as Record<string | number, unknown>)[key], list);
      if (found !== undefined) return found;
      keys.pop();
    }
    ancestors.pop();
    return undefined;
  };
  const found = visit(root, true);
  return found === undefined ? undefined : { path: pathOf(keys), found };
};
