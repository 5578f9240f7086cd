import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicallyOrdered, nestsDeeperThan } from "../../src/log/canonical-json.js";

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

describe("values put in canonical key order", () => {
  const anything = fc.anything({ withBoxedValues: true, withSparseArray: true, withNullPrototype: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withBigInt: false, maxDepth: 4 });
  const keysLike = fc.dictionary(fc.constantFrom("10", "9", "a", "B", "é", "__proto__", "constructor", "", "01"), fc.oneof(fc.integer(), fc.string(), fc.constant(undefined), fc.constant(Number.NaN)));

  it("write as the value itself writes, or fail as it fails", () => {
    fc.assert(fc.property(fc.oneof(anything, keysLike, fc.array(keysLike), fc.array(fc.option(keysLike, { nil: undefined }))), (value) => outcome(() => canonicalJson(canonicallyOrdered(value))) === outcome(() => reference(value))), { numRuns: 5000 });
  });

  // An object lists integer-like keys ("9", "10") first, in numeric order, whatever order they are set in: no copy can put "10" before "9".
  const hasIntegerKeys = (value: unknown): boolean =>
    typeof value === "object" && value !== null && (Object.keys(value).some((key) => /^(0|[1-9]\d*)$/.test(key)) || Object.values(value).some(hasIntegerKeys));

  it("are JSON.stringify's own canonical text for any JSON value without integer-like keys, keys as JSON.parse makes them included, and leave the value given unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 5 }), keysLike.map((value) => JSON.parse(JSON.stringify(value)) as unknown)), (value) => {
        const before = JSON.stringify(value);
        const ordered = canonicallyOrdered(value);
        expect(canonicalJson(ordered)).toBe(reference(value));
        if (!hasIntegerKeys(value)) expect(JSON.stringify(ordered)).toBe(reference(value));
        expect(JSON.stringify(value)).toBe(before);
      }),
      { numRuns: 3000 },
    );
  });

  it("are the value itself where its keys stand in order already", () => {
    const value = JSON.parse('{"a":[{"b":1,"c":2}],"d":{"__proto__":3,"e":null}}') as unknown;
    expect(canonicallyOrdered(value)).toBe(value);
    const unordered = { z: 1, a: { y: 2, b: 3 } };
    expect(Object.keys(canonicallyOrdered(unordered))).toEqual(["a", "z"]);
    expect(Object.keys(canonicallyOrdered(unordered).a)).toEqual(["b", "y"]);
  });
});

describe("how deep a value nests", () => {
  const nested = (levels: number): unknown => (levels === 0 ? "leaf" : { inner: [nested(levels - 1)] });

  it("is measured in objects and lists, the limit itself allowed", () => {
    // nested(n) is 2n levels of objects and lists around a string.
    expect(nestsDeeperThan(nested(32), 64)).toBe(false);
    expect(nestsDeeperThan(nested(33), 64)).toBe(true);
    expect(nestsDeeperThan({ a: 1, b: [1, 2, { c: "x" }] }, 2)).toBe(true);
    expect(nestsDeeperThan({ a: 1, b: [1, 2, { c: "x" }] }, 3)).toBe(false);
    expect(nestsDeeperThan("text", 0)).toBe(false);
  });

  it("answers for a value too deep for the stack to walk, and for a cycle", () => {
    let deep: unknown = "leaf";
    for (let level = 0; level < 200_000; level += 1) deep = [deep];
    expect(nestsDeeperThan(deep, 64)).toBe(true);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(nestsDeeperThan(cycle, 64)).toBe(true);
  });
});
