import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import * as fc from "fast-check";
import * as t from "io-ts";
import { describe, expect, it } from "vitest";
import { compileGuard, defaultCatalog, EventDraftCodec, Id, Provenance, Sha256Hex, StoredEventCodec, strictObject, strictPartsOf } from "@tertial/core";
import { arbDecimalString, arbInstantText, arbIsoDate } from "@tertial/core/testing";

/**
 * `compileGuard(codec)` stands in for `codec.is` on every read: it must accept exactly what `is`
 * accepts, for every codec events are written with. Values come from a generator that follows
 * each codec's structure (so most are valid), then one mutation (a field removed, an unknown one
 * added, a value of the wrong type, a string or number just off), and arbitrary values.
 */

type Tagged = t.Any & { readonly _tag?: string };

const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });

/** Values for the named refinements: most of them valid, so the refinement's predicate is reached both ways. */
const NAMED: Record<string, () => fc.Arbitrary<unknown>> = {
  Id: () => fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,12}$/),
  DecimalString: () => arbDecimalString(),
  NonNegativeDecimal: () => fc.oneof(arbDecimalString(), arbDecimalString().map((text) => text.replace(/^-/, ""))),
  Instant: () => arbInstantText(),
  EffectiveAt: () => fc.oneof(arbIsoDate(), arbInstantText()),
  IsoDate: () => arbIsoDate(),
  Sha256Hex: () => hex,
  NonEmptyString: () => fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.constantFrom("", " ", "\t\n", "a b")),
  PositiveInteger: () => fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constantFrom(0, -1, 1.5, 2 ** 53, Number.NaN)),
  NonNegativeInteger: () => fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(-1, 0.5, 2 ** 53, Number.POSITIVE_INFINITY)),
  Answer: () => fc.constantFrom(1, 2, 3, 4, 5, 6, "vet ej", 0, 7, 2.5, "6"),
};

/** Values shaped by a codec's structure. */
const arbOf = (codec: t.Any, depth = 0): fc.Arbitrary<unknown> => {
  const strict = strictPartsOf(codec);
  if (strict !== undefined) {
    const fields = (props: t.Props) => Object.fromEntries(Object.entries(props).map(([key, prop]) => [key, arbOf(prop, depth + 1)]));
    return fc.record({ ...fields(strict.required), ...fields(strict.optional) }, { requiredKeys: Object.keys(strict.required) });
  }
  const named = NAMED[codec.name];
  if (named !== undefined) return named();
  const tagged = codec as Tagged;
  switch (tagged._tag) {
    case "StringType":
      return fc.string({ maxLength: 8 });
    case "NumberType":
      return fc.oneof(fc.integer(), fc.double());
    case "BooleanType":
      return fc.boolean();
    case "UnknownType":
      return fc.jsonValue({ maxDepth: 2 });
    case "LiteralType":
      return fc.constant((codec as unknown as t.LiteralType<string | number | boolean>).value);
    case "KeyofType":
      return fc.constantFrom(...Object.keys((codec as unknown as t.KeyofType<Record<string, unknown>>).keys));
    case "RefinementType": {
      const base = (codec as unknown as t.RefinementType<t.Any>).type as Tagged;
      // Lists of at least one item (listOf with a minimum): mostly long enough, sometimes empty.
      if (base._tag === "ReadonlyArrayType") return fc.oneof({ weight: 4, arbitrary: fc.array(arbOf((base as unknown as t.ArrayType<t.Any>).type, depth + 1), { minLength: 1, maxLength: 2 }) }, { weight: 1, arbitrary: arbOf(base, depth) });
      return arbOf(base, depth);
    }
    case "ReadonlyArrayType":
    case "ArrayType":
      return fc.array(arbOf((codec as unknown as t.ArrayType<t.Any>).type, depth + 1), { maxLength: depth > 3 ? 1 : 3 });
    case "UnionType":
      return fc.oneof(...(codec as unknown as t.UnionType<t.Mixed[]>).types.map((member) => arbOf(member, depth)));
    case "IntersectionType":
      return fc.oneof(...(codec as unknown as t.IntersectionType<t.Mixed[]>).types.map((member) => arbOf(member, depth)));
    case "DictionaryType":
      return fc.dictionary(fc.string({ maxLength: 6 }), arbOf((codec as unknown as t.DictionaryType<t.Any, t.Any>).codomain, depth + 1), { maxKeys: 3 });
    default:
      throw new Error(`no generator for codec ${codec.name} (${String(tagged._tag)}): teach this test its values`);
  }
};

type Mutation = "remove" | "add-unknown" | "replace" | "undefined" | "null" | "string-off" | "number-off" | "array";

const MUTATIONS: readonly Mutation[] = ["remove", "add-unknown", "replace", "undefined", "null", "string-off", "number-off", "array"];

/** A value changed at one place: the place is found by following `steps` into objects and lists. */
const mutate = (value: unknown, steps: readonly number[], mutation: Mutation, replacement: unknown): unknown => {
  const here = (current: unknown): unknown => {
    switch (mutation) {
      case "replace":
        return replacement;
      case "undefined":
        return undefined;
      case "null":
        return null;
      case "string-off":
        return typeof current === "string" ? [`${current}x`, current.slice(1), current.toUpperCase(), ` ${current}`, "", "constructor", "__proto__", "toString"][(steps[0] ?? 0) % 8] : "text";
      case "number-off":
        return typeof current === "number" ? [current + 0.5, -current - 1, 2 ** 53, Number.NaN][(steps[0] ?? 0) % 4] : 1;
      case "array":
        return [current];
      default:
        return current;
    }
  };
  const walk = (current: unknown, rest: readonly number[]): unknown => {
    const [step, ...after] = rest;
    if (typeof current !== "object" || current === null || step === undefined) {
      if (typeof current === "object" && current !== null && !Array.isArray(current) && (mutation === "remove" || mutation === "add-unknown")) {
        const keys = Object.keys(current);
        if (mutation === "add-unknown") return { ...current, unknownField: replacement };
        const drop = keys[(step ?? 0) % Math.max(1, keys.length)];
        return Object.fromEntries(Object.entries(current).filter(([key]) => key !== drop));
      }
      return here(current);
    }
    if (Array.isArray(current)) {
      if (current.length === 0) return here(current);
      const index = step % current.length;
      return current.map((item, at) => (at === index ? walk(item, after) : item));
    }
    const keys = Object.keys(current);
    if (keys.length === 0) return here(current);
    const key = keys[step % keys.length] as string;
    return { ...current, [key]: walk((current as Record<string, unknown>)[key], after) };
  };
  return walk(value, steps);
};

const arbMutated = (codec: t.Any): fc.Arbitrary<unknown> =>
  fc
    .tuple(arbOf(codec), fc.array(fc.nat({ max: 20 }), { maxLength: 4 }), fc.constantFrom(...MUTATIONS), fc.jsonValue({ maxDepth: 1 }))
    .map(([value, steps, mutation, replacement]) => mutate(value, steps, mutation, replacement));

const arbStrange = fc.anything({ maxDepth: 2, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withTypedArray: true });

const CODECS: readonly (readonly [string, t.Any])[] = [
  ["StoredEvent", StoredEventCodec],
  ["EventDraft", EventDraftCodec],
  ["Provenance", Provenance],
  ...defaultCatalog.definitions.flatMap((definition) => definition.versions.map((version) => [`${definition.type} v${version.version}`, version.data] as const)),
];

const agrees = (codec: t.Any, value: unknown): void => {
  expect(compileGuard(codec)(value)).toBe(codec.is(value));
};

describe("compiled guards", () => {
  it("cover every codec of the default catalog and the envelope", () => {
    expect(CODECS.length).toBeGreaterThan(80);
  });

  it.each(CODECS)("%s: accepts exactly what `is` accepts, for values of its shape, mutated ones and arbitrary ones (property)", (_name, codec) => {
    fc.assert(fc.property(fc.oneof(arbOf(codec), arbMutated(codec), arbMutated(codec), arbStrange), (value) => agrees(codec, value)), { numRuns: 150 });
  });

  it("the values reach both sides of every codec: some accepted, some refused", () => {
    const oneSided = CODECS.filter(([, codec]) => {
      const verdicts = fc.sample(fc.oneof(arbOf(codec), arbMutated(codec)), { numRuns: 300, seed: 14 }).map((value) => codec.is(value));
      return !verdicts.includes(true) || !verdicts.includes(false);
    });
    expect(oneSided.map(([name]) => name)).toEqual([]);
  });

  it("agree with `is` on every stored line of the examples, envelope and data", () => {
    const files = ["kommunal-utveckling-2020", "kommunal-utveckling-2022-plan"].map((name) => resolve(import.meta.dirname, `../../../../examples/${name}/events.jsonl`));
    for (const text of files.flatMap((file) => readFileSync(file, "utf8").split("\n").filter((line) => line !== ""))) {
      const raw = JSON.parse(text) as { type: string; schemaVersion: number; data: unknown };
      expect(compileGuard(StoredEventCodec)(raw)).toBe(true);
      const version = defaultCatalog.definition(raw.type)?.versions.find((each) => each.version === raw.schemaVersion);
      if (version !== undefined) expect(compileGuard(version.data)(raw.data)).toBe(true);
    }
  });

  it("read a field the way io-ts does: an inherited required field counts, an inherited unknown one does not, an own undefined optional one is absent", () => {
    const codec = strictObject("Probe", { name: t.string }, { note: t.string });
    for (const value of [Object.create({ name: "inherited" }) as object, { name: "a", note: undefined }, { note: "b" }, { name: undefined }, Object.assign(Object.create(null) as object, { name: "n" }), Object.assign(Object.create({ stray: 1 }) as object, { name: "own" })]) agrees(codec, value);
    const keyed = t.record(t.keyof({ a: null }), t.string);
    for (const value of [{ a: "x" }, { a: 1 }, { b: "x" }, {}]) agrees(keyed, value);
  });
});

describe("generated object guards", () => {
  /** Keys that would break code made by pasting them in: quotes, a backslash, line separators, a comment, an object's own names. */
  const ODD_KEYS = ['a"b', "c\\d", "e\u2028f", "*/g", "h${i}", "__proto__", "constructor", "toString", "", " "];
  const oddCodec = () => strictObject("Odd", Object.fromEntries(ODD_KEYS.slice(0, 5).map((key) => [key, t.string])), Object.fromEntries(ODD_KEYS.slice(5).map((key) => [key, Id])));
  const arbOdd = fc.dictionary(fc.constantFrom(...ODD_KEYS, "stray"), fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(undefined)), { maxKeys: 12 });

  it("serve strict objects as code of their own (not the shared closures)", () => {
    expect(compileGuard(strictObject("Named", { a: t.string }, { b: Id })).name).toBe("guard");
    expect(compileGuard(StoredEventCodec).name).toBe("guard");
    const empty = strictObject("Empty", {});
    expect(compileGuard(empty).name).toBe("guard");
    for (const value of [{}, { a: 1 }, [], null, Object.create({ inherited: 1 }) as object]) agrees(empty, value);
  });

  it("accept exactly what `is` accepts whatever the keys spell (property)", () => {
    const codec = oddCodec();
    expect(compileGuard(codec).name).toBe("guard");
    fc.assert(fc.property(arbOdd, (value) => agrees(codec, JSON.parse(JSON.stringify(value)) as unknown)), { numRuns: 400 });
    agrees(codec, Object.fromEntries(ODD_KEYS.slice(0, 5).map((key) => [key, "x"])));
  });

  it("fall back to the closures where code cannot be made at run time, accepting the same", () => {
    const original = globalThis.Function;
    globalThis.Function = function refused() {
      throw new EvalError("Code generation from strings disallowed for this context");
    } as unknown as FunctionConstructor;
    let codec: t.Any;
    let guard: (value: unknown) => boolean;
    try {
      codec = oddCodec();
      guard = compileGuard(codec);
    } finally {
      globalThis.Function = original;
    }
    expect(guard.name).not.toBe("guard");
    fc.assert(fc.property(arbOdd, (value) => guard(value) === codec.is(value)), { numRuns: 200 });
  });
});

describe("the hash check", () => {
  it("accepts exactly 64 lowercase hex digits, whatever it was asked before (property)", () => {
    const nearHex = fc.string({ unit: fc.oneof({ weight: 30, arbitrary: fc.constantFrom(..."0123456789abcdef") }, { weight: 1, arbitrary: fc.constantFrom("A", "F", "g", "/", ":", "`", "G", " ", "\u0130", "\u{1F600}", "\u0000") }), minLength: 62, maxLength: 66 });
    fc.assert(
      fc.property(fc.array(fc.oneof(nearHex, hex, fc.string()), { minLength: 1, maxLength: 20 }), (texts) => {
        for (const text of [...texts, ...texts.slice().reverse()]) expect([text, Sha256Hex.is(text)]).toEqual([text, /^[0-9a-f]{64}$/.test(text)]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the id check", () => {
  it("accepts exactly ^[A-Za-z0-9][A-Za-z0-9._:\\-/]{0,127}$ (property)", () => {
    const unit = fc.oneof(
      { weight: 20, arbitrary: fc.constantFrom(..."aZ09._:-/") },
      { weight: 1, arbitrary: fc.constantFrom(" ", "\\", "+", "@", "[", "`", "{", "\u00e5", "\u0130", "\u{1F600}", "\u0000", "\n") },
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, minLength: 0, maxLength: 6 }), fc.string({ unit, minLength: 120, maxLength: 135 }), fc.string({ unit: fc.constantFrom(..."aZ09._:-/"), minLength: 125, maxLength: 130 }).map((text) => `a${text}`), fc.string()), (text) => {
        expect([text, Id.is(text)]).toEqual([text, /^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,127}$/.test(text)]);
      }),
      { numRuns: 5000 },
    );
  });
});
