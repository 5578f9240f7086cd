import { CANONICAL_MAX_DEPTH } from "../../log/canonical-json.js";
import { Decimal } from "../../numbers/decimal.js";

/**
 * How the laws compare results and the readings of accessors (internal to the laws, not exported
 * from `@tertial/core/testing`).
 *
 * A law compares results as data, and understands what results hold: plain objects (key order
 * aside, unless asked), arrays, strings, finite numbers, booleans, null, undefined (equal to
 * itself, distinct from null; a field holding undefined is the same as no field), Decimals (by
 * value), Maps (by their entries) and Sets (by their members), entry and member order aside unless
 * asked, like keys. JSON.stringify prints a Map or a Set as `{}`, so comparing JSON made any two
 * equal. What it cannot know how to compare (an instance of another class, a function, a symbol,
 * a bigint, a non-finite number, a cycle) it refuses, naming where in the result it stands,
 * instead of comparing what JSON makes of it.
 */

/** A value the laws cannot compare faithfully: where it stands and what it is. */
export class Unfaithful extends Error {
  constructor(
    readonly path: string,
    readonly what: string,
  ) {
    super(`${path} is ${what}`);
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

const fieldPath = (path: string, key: string): string => (IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

const instanceOf = (value: object): string => {
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: unknown } } | null)?.constructor?.name;
  return `an instance of ${typeof name === "string" && name !== "" ? name : "a class"}, which a law cannot know how to compare (JSON does not give it back as it was)`;
};

const ordered = (texts: string[], keyOrder: boolean): string => (keyOrder ? texts : texts.sort()).join(",");

const write = (value: unknown, path: string, keyOrder: boolean, open: Set<object>): string => {
  if (value === undefined) return "undefined";
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Unfaithful(path, `the number ${value}, which JSON.stringify prints as null`);
    return JSON.stringify(value);
  }
  if (typeof value === "function") throw new Unfaithful(path, "a function, which JSON.stringify leaves out");
  if (typeof value !== "object") throw new Unfaithful(path, `a ${typeof value}, which JSON has no form for`);
  if (Decimal.isDecimal(value)) return `Decimal(${value.isFinite() ? value.toFixed() : value.toString()})`;
  if (open.has(value)) throw new Unfaithful(path, "the object that contains it (a cycle)");
  if (open.size >= CANONICAL_MAX_DEPTH) throw new Unfaithful(path, `nested deeper than ${CANONICAL_MAX_DEPTH} levels`);
  const prototype: unknown = Object.getPrototypeOf(value);
  const kind = value instanceof Map ? "map" : value instanceof Set ? "set" : Array.isArray(value) && prototype === Array.prototype ? "list" : prototype === Object.prototype || prototype === null ? "object" : undefined;
  if (kind === undefined) throw new Unfaithful(path, instanceOf(value));
  open.add(value);
  try {
    switch (kind) {
      case "list": {
        const items: string[] = [];
        const list = value as readonly unknown[];
        for (let index = 0; index < list.length; index += 1) items.push(write(list[index], `${path}[${index}]`, keyOrder, open));
        return `[${items.join(",")}]`;
      }
      case "map": {
        const entries: string[] = [];
        for (const [key, item] of value as ReadonlyMap<unknown, unknown>) {
          const keyText = write(key, `${path}.keys()`, keyOrder, open);
          entries.push(`${keyText}=>${write(item, `${path}.get(${keyText})`, keyOrder, open)}`);
        }
        return `Map{${ordered(entries, keyOrder)}}`;
      }
      case "set": {
        const members: string[] = [];
        for (const member of value as ReadonlySet<unknown>) members.push(write(member, `${path}.values()`, keyOrder, open));
        return `Set{${ordered(members, keyOrder)}}`;
      }
      case "object": {
        const fields = value as Record<string, unknown>;
        const keys = Object.keys(fields);
        if (!keyOrder) keys.sort();
        const written: string[] = [];
        for (const key of keys) {
          const item = fields[key];
          if (item !== undefined) written.push(`${JSON.stringify(key)}:${write(item, fieldPath(path, key), keyOrder, open)}`);
        }
        return `{${written.join(",")}}`;
      }
    }
  } finally {
    open.delete(value);
  }
};

/**
 * The text two values are compared by: equal texts, equal values. `root` names the value in a
 * refusal's path (`result.byArea["a 1"]`); `keyOrder` makes the order of an object's keys count
 * (the determinism law's "same bytes"). Throws `Unfaithful` for a value with no faithful JSON form.
 */
export const comparableText = (value: unknown, root: string, keyOrder = false): string => write(value, root, keyOrder, new Set());

/** How an accessor's reading is described in a message: its comparable text, or what it is. */
export const describeReading = (value: unknown): string => {
  try {
    const text = comparableText(value, "");
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch (error) {
    if (error instanceof Unfaithful) return error.what.replace(/,.*$/, "");
    throw error;
  }
};

/**
 * After how many runs (or results read) that all read undefined, and none anything else, a law
 * says its accessor reads nothing. Large enough that a figure rightly absent in most runs (but
 * not nearly all) is not mistaken for a typo; an accessor that returns null or 0 where the
 * figure is rightly absent never trips it.
 */
export const UNDEFINED_READINGS_LIMIT = 50;

/**
 * Watches an accessor across the runs of one law: `saw(defined)` once per run (or per result
 * read); once `UNDEFINED_READINGS_LIMIT` have read only undefined and none anything else, it
 * throws the message `fail` makes of the count. Once anything was read, it never throws.
 */
export const undefinedReadingsWatch = (fail: (count: number) => Error): { saw: (defined: boolean) => void } => {
  let undefinedCount = 0;
  let definedOnce = false;
  return {
    saw: (defined) => {
      if (defined) definedOnce = true;
      else undefinedCount += 1;
      if (!definedOnce && undefinedCount >= UNDEFINED_READINGS_LIMIT) throw fail(undefinedCount);
    },
  };
};
