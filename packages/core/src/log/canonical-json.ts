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
 */
export const canonicalJson = (value: unknown, depth = 0): string => {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (typeof value === "object" && depth >= CANONICAL_MAX_DEPTH) throw new TypeError(`canonical JSON: the value nests deeper than ${CANONICAL_MAX_DEPTH} levels`);
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item, depth + 1)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item, depth + 1)}`).join(",")}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
};

/** Whether a value nests objects and arrays deeper than `limit` levels; iterative, so no depth can overflow the stack asking. */
export const nestsDeeperThan = (value: unknown, limit: number): boolean => {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== "object" || next.value === null) continue;
    if (next.depth >= limit) return true;
    for (const item of Object.values(next.value)) pending.push({ value: item, depth: next.depth + 1 });
  }
  return false;
};
