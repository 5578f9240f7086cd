import * as fc from "fast-check";
import type * as t from "io-ts";
import { strictPartsOf } from "@tertial/core";
import { arbDecimalString, arbInstantText, arbIsoDate } from "@tertial/core/testing";

/**
 * Values for a codec's tests: a generator that follows the codec's structure (so most are valid),
 * one mutation of such a value (a field removed, an unknown one added, a value of the wrong type,
 * a string or number just off), and arbitrary values.
 */

type Tagged = t.Any & { readonly _tag?: string };

export const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });

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
export const arbOf = (codec: t.Any, depth = 0): fc.Arbitrary<unknown> => {
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

export const arbMutated = (codec: t.Any): fc.Arbitrary<unknown> =>
  fc
    .tuple(arbOf(codec), fc.array(fc.nat({ max: 20 }), { maxLength: 4 }), fc.constantFrom(...MUTATIONS), fc.jsonValue({ maxDepth: 1 }))
    .map(([value, steps, mutation, replacement]) => mutate(value, steps, mutation, replacement));

export const arbStrange = fc.anything({ maxDepth: 2, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withTypedArray: true });

