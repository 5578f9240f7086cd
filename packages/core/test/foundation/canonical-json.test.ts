import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/log/canonical-json.js";

// The definition, key by key, as canonicalJson was written before its JSON.stringify path.
const reference = (value: unknown, depth = 0): string => {
  if (value === null || typeof value === "boolean" || typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError("non-finite");
    return JSON.stringify(value);
  }
  if (typeof value === "object" && depth >= 1000) throw new TypeError("too deep");
  if (Array.isArray(value)) return `[${value.map((item) => reference(item === undefined ? null : item, depth + 1)).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${reference(item, depth + 1)}`).join(",")}}`;
  }
  throw new TypeError(`no form for a ${typeof value}`);
};

const outcome = (write: () => string): string => {
  try {
    return `ok ${write()}`;
  } catch (error) {
    return `throws ${(error as Error).constructor.name}`;
  }
};

describe("canonical JSON", () => {
  it("is the key-by-key definition for any value: odd objects, holes, boxed values, toJSON, integer-like keys", () => {
    const anything = fc.anything({ withBoxedValues: true, withSparseArray: true, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withBigInt: false, maxDepth: 4 });
    const keysLike = fc.dictionary(fc.constantFrom("10", "9", "a", "B", "é", "__proto__", "constructor", "", "01"), fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)));
    fc.assert(fc.property(fc.oneof(anything, keysLike, fc.array(keysLike)), (value) => outcome(() => canonicalJson(value)) === outcome(() => reference(value))), { numRuns: 5000 });
  });

  it("leaves toJSON to the definition, which ignores it: an array's own, an object's own or inherited", () => {
    const array = Object.assign([1, 2], { toJSON: () => "x" });
    class Dated {
      constructor(readonly at: number) {}
      toJSON(): string {
        return "y";
      }
    }
    for (const value of [array, { a: array }, { toJSON: () => "z", b: 1 }, new Dated(1), [new Dated(2)]]) expect(outcome(() => canonicalJson(value))).toBe(outcome(() => reference(value)));
  });

  it("writes a value parsed from canonical text back to the same text (the path every stored line takes)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const text = reference(value);
        return canonicalJson(JSON.parse(text)) === text;
      }),
      { numRuns: 3000 },
    );
  });
});
