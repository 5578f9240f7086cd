/**
 * How deep canonicalJson follows objects and lists. Drafts are refused past 64 levels when read
 * (`JSON_LIMITS.depth`); this looser guard keeps a value built in code from overflowing the
 * stack (a RangeError deep in the recursion) and says what is wrong instead.
 */
export const CANONICAL_MAX_DEPTH = 1000;

/**
 * RFC 8785 (JSON Canonicalization Scheme): object keys sorted by UTF-16 code units, no
 * whitespace, strings and numbers serialised as ECMAScript's JSON.stringify does (which is
 * what the RFC prescribes). Our events hold no floats, so number edge cases do not arise,
 * but non-finite numbers are refused rather than written as null.
 *
 * A value whose keys already stand in that order everywhere (every event parsed from a line,
 * which was written canonical) is JSON.stringify's own output; only other values are rebuilt key
 * by key. A property test holds the two ways equal on any value.
 */
export const canonicalJson = (value: unknown, depth = 0): string => (inCanonicalOrder(value, depth) ? JSON.stringify(value) : rebuiltCanonicalJson(value, depth));

/**
 * Whether JSON.stringify writes `value` exactly as `rebuiltCanonicalJson` would: plain objects
 * and dense arrays only (no toJSON, own or inherited; no boxed values, no holes), finite numbers,
 * no functions or symbols, every object's keys in code-unit order, within the depth limit. A
 * getter is read twice (here, then by JSON.stringify): values built in code with getters that
 * change between reads are not canonicalised reliably; parsed JSON has none.
 */
const inCanonicalOrder = (value: unknown, depth: number): boolean => {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || depth >= CANONICAL_MAX_DEPTH) return false;
  if ("toJSON" in value) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let index = 0; index < value.length; index += 1) {
      if (!(index in value)) return false;
      const item: unknown = value[index];
      if (item !== undefined && !inCanonicalOrder(item, depth + 1)) return false;
    }
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  let previous: string | undefined;
  for (const key of Object.keys(value)) {
    if (previous !== undefined && !(previous < key)) return false;
    previous = key;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined && !inCanonicalOrder(item, depth + 1)) return false;
  }
  return true;
};

/** The canonical form built key by key: the definition, for values not already in canonical order. */
export const rebuiltCanonicalJson = (value: unknown, depth = 0): string => {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === "object" && depth >= CANONICAL_MAX_DEPTH) throw new TypeError(`canonical JSON: the value nests deeper than ${CANONICAL_MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    // As `map` then `join` wrote it: an undefined item as null, a hole as nothing.
    let written = "[";
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      written += `${index === 0 ? "" : ","}${index in value ? canonicalJson(item === undefined ? null : item, depth + 1) : ""}`;
    }
    return `${written}]`;
  }
  if (typeof value === "object") {
    // Array.prototype.sort's own order compares UTF-16 code units, the order RFC 8785 sorts keys in:
    // no comparator, no [key, value] pair per key (every draft an append fingerprints comes here).
    const fields = value as Record<string, unknown>;
    let written = "{";
    for (const key of Object.keys(fields).sort()) {
      const item = fields[key];
      if (item !== undefined) written += `${written === "{" ? "" : ","}${JSON.stringify(key)}:${canonicalJson(item, depth + 1)}`;
    }
    return `${written}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
};

/**
 * Whether a value nests objects and arrays deeper than `limit` levels. The walk goes no deeper
 * than the limit (nor round a cycle), so asking cannot overflow the stack; it allocates nothing
 * per value, as every draft of an append is asked.
 */
export const nestsDeeperThan = (value: unknown, limit: number, depth = 0): boolean => {
  if (typeof value !== "object" || value === null) return false;
  if (depth >= limit) return true;
  for (const key of Object.keys(value)) if (nestsDeeperThan((value as Record<string, unknown>)[key], limit, depth + 1)) return true;
  return false;
};

/**
 * `value` with every plain object's keys in canonical order (a copy where they were not; the
 * value itself where they were), so canonicalJson writes it with JSON.stringify however often it
 * is hashed and written (unless it has integer-like keys, "9" and "10", which every object lists
 * first in numeric order): an append fingerprints, hashes and writes each draft's data, which users
 * write in their own key order. canonicalJson gives the same text for the copy as for the value;
 * what it would refuse or rebuild (a non-finite number, a hole, toJSON, a class instance) is left
 * as it is, for canonicalJson to treat as before.
 */
export const canonicallyOrdered = <T>(value: T, depth = 0): T => (inCanonicalOrder(value, depth) ? value : (orderedCopy(value, depth) as T));

const orderedCopy = (value: unknown, depth: number): unknown => {
  if (typeof value !== "object" || value === null || depth >= CANONICAL_MAX_DEPTH || "toJSON" in value) return value;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return value;
    for (let index = 0; index < value.length; index += 1) if (!(index in value)) return value;
    // As canonicalJson writes an undefined item: null.
    return value.map((item: unknown) => (item === undefined ? null : canonicallyOrdered(item, depth + 1)));
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const fields = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(fields).sort()) {
    const item = fields[key];
    if (item === undefined) continue;
    // An own field, as JSON.parse makes it: assigning "__proto__" would set the prototype instead.
    if (key === "__proto__") Object.defineProperty(copy, key, { value: canonicallyOrdered(item, depth + 1), enumerable: true, writable: true, configurable: true });
    else copy[key] = canonicallyOrdered(item, depth + 1);
  }
  return copy;
};
