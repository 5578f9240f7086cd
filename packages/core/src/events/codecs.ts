import * as t from "io-ts";
import { isDecimalString } from "../numbers/decimal.js";
import { isIsoDate, type IsoDate } from "../time/calendar.js";
import { isEffectiveAt } from "../time/effective.js";
import { parseInstant } from "../time/stockholm.js";

/** A JSON Schema fragment; kept loose on purpose, it is only ever serialised. */
export type JsonSchema = { readonly [key: string]: unknown };

/**
 * A codec that also knows its JSON Schema and how to say what it expects. io-ts names are
 * terse ("Refinement<string>"); these are the words an error message needs.
 */
export interface Described {
  readonly jsonSchema: JsonSchema;
  readonly expected: string;
}

export type DescribedType<A, O = A> = t.Type<A, O, unknown> & Described;

export const describe = <C extends t.Any>(codec: C, expected: string, jsonSchema: JsonSchema): C & Described =>
  Object.assign(codec, { expected, jsonSchema });

export const isDescribed = (codec: t.Any): codec is t.Any & Described => "jsonSchema" in codec && "expected" in codec;

const refinedString = <B extends { readonly [K in keyof B]: symbol }>(
  name: string,
  test: (text: string) => boolean,
  expected: string,
  jsonSchema: JsonSchema,
) => describe(t.brand(t.string, (text): text is t.Branded<string, B> => test(text), name as keyof B & string), expected, { type: "string", ...jsonSchema });

export interface DecimalStringBrand {
  readonly DecimalString: unique symbol;
}
export interface NonNegativeDecimalBrand {
  readonly NonNegativeDecimal: unique symbol;
}
export interface IdBrand {
  readonly Id: unique symbol;
}
export interface InstantBrand {
  readonly Instant: unique symbol;
}
export interface EffectiveAtBrand {
  readonly EffectiveAt: unique symbol;
}

const DECIMAL_PATTERN = "^-?(0|[1-9][0-9]*)(\\.[0-9]+)?$";

/** Money, FTE and ratios travel as decimal strings, never floats. */
export const DecimalString = refinedString<DecimalStringBrand>("DecimalString", isDecimalString, 'a decimal string such as "45.30" or "-547000"', {
  pattern: DECIMAL_PATTERN,
});
export type DecimalString = t.TypeOf<typeof DecimalString>;

export const NonNegativeDecimal = refinedString<NonNegativeDecimalBrand>(
  "NonNegativeDecimal",
  (text) => isDecimalString(text) && !text.startsWith("-"),
  'a non-negative decimal string such as "0.50"',
  { pattern: "^(0|[1-9][0-9]*)(\\.[0-9]+)?$" },
);
export type NonNegativeDecimal = t.TypeOf<typeof NonNegativeDecimal>;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:\-/]{0,127}$/;

/** 1 at the character codes of letters and digits, 2 at . _ : - / (allowed after the first). */
const ID_CHARACTER = new Uint8Array(128);
for (const character of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") ID_CHARACTER[character.charCodeAt(0)] = 1;
for (const character of "._:-/") ID_CHARACTER[character.charCodeAt(0)] = 2;

/** ID_PATTERN's test by a table of characters: every read checks the id of every line and the ids in its data. */
const isId = (text: string): boolean => {
  if (text.length === 0 || text.length > 128 || ID_CHARACTER[text.charCodeAt(0)] !== 1) return false;
  for (let index = 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code >= 128 || ID_CHARACTER[code] === 0) return false;
  }
  return true;
};

/** Identifiers of events and of things (areas, networks, positions): short, printable, no spaces. */
export const Id = refinedString<IdBrand>("Id", isId, "an id of letters, digits and . _ : - / (1–128 characters)", {
  pattern: ID_PATTERN.source,
});
export type Id = t.TypeOf<typeof Id>;

/**
 * Patterns that state in a JSON Schema exactly what the codecs check in code, so the published
 * schemas accept what `append` accepts: real calendar dates in 1900–2100 (leap years included),
 * instants written with such a date and an offset within ±14:00, text that is not blank (the
 * complement of what String.prototype.trim removes, which is JavaScript's \s), safe integers.
 */
const MONTH_DAY = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))";
const LEAP_DAY = "(?:19(?:0[48]|[2468][048]|[13579][26])|20(?:[02468][048]|[13579][26]))-02-29";
const DATE_BODY = `(?:(?:19[0-9]{2}|20[0-9]{2}|2100)-${MONTH_DAY}|${LEAP_DAY})`;
const TIME_BODY = "(?:[01][0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\\.[0-9]{1,9})?)?";
const OFFSET_BODY = "(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))";
export const DATE_PATTERN = `^${DATE_BODY}$`;
export const INSTANT_PATTERN = `^${DATE_BODY}T${TIME_BODY}${OFFSET_BODY}$`;
export const NOT_BLANK_PATTERN = "\\S";

export const IsoDateC = describe(
  new t.Type<IsoDate, string, unknown>("IsoDate", (value): value is IsoDate => typeof value === "string" && isIsoDate(value), (value, context) =>
    typeof value === "string" && isIsoDate(value) ? t.success(value) : t.failure(value, context), (value) => value),
  'a calendar date "YYYY-MM-DD" in 1900–2100',
  { type: "string", format: "date", pattern: DATE_PATTERN },
);

export const Instant = refinedString<InstantBrand>("Instant", (text) => parseInstant(text) !== undefined, 'an ISO 8601 instant with offset (at most ±14:00) in 1900–2100, e.g. "2020-10-15T09:30:00.000Z"', {
  pattern: INSTANT_PATTERN,
});
export type Instant = t.TypeOf<typeof Instant>;

export const EffectiveAt = refinedString<EffectiveAtBrand>("EffectiveAt", isEffectiveAt, 'a date "YYYY-MM-DD" or an instant with offset, in 1900–2100', {
  anyOf: [
    { type: "string", format: "date", pattern: DATE_PATTERN },
    { type: "string", pattern: INSTANT_PATTERN },
  ],
});
export type EffectiveAt = t.TypeOf<typeof EffectiveAt>;

export const NonEmptyString = describe(
  t.refinement(t.string, (text) => text.trim().length > 0, "NonEmptyString"),
  "a text that is not blank",
  { type: "string", pattern: NOT_BLANK_PATTERN },
);

/** The most characters a short name may have: a slide row's label or a tight heading, not a sentence. */
export const SHORT_NAME_MAX = 80;

/**
 * How a slide row or a tight heading names a thing ("PKS") beside its full name: not blank, at
 * most SHORT_NAME_MAX characters (counted as code points, as JSON Schema's maxLength counts them).
 */
export const ShortName = describe(
  t.refinement(t.string, (text) => text.trim().length > 0 && [...text].length <= SHORT_NAME_MAX, "ShortName"),
  `a text that is not blank, of at most ${SHORT_NAME_MAX} characters`,
  { type: "string", pattern: NOT_BLANK_PATTERN, maxLength: SHORT_NAME_MAX },
);

export const PositiveInteger = describe(
  t.refinement(t.number, (value) => Number.isSafeInteger(value) && value > 0, "PositiveInteger"),
  "a whole number greater than zero (below 2^53)",
  { type: "integer", minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
);

export const NonNegativeInteger = describe(
  t.refinement(t.number, (value) => Number.isSafeInteger(value) && value >= 0, "NonNegativeInteger"),
  "a whole number, zero or more (below 2^53)",
  { type: "integer", minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
);

/** A closed set of words, e.g. employment forms. */
export const oneOf = <const Values extends readonly [string, ...string[]]>(name: string, values: Values) =>
  describe(t.keyof(Object.fromEntries(values.map((value) => [value, null])) as { [K in Values[number]]: null }, name), `one of ${values.map((v) => `"${v}"`).join(", ")}`, {
    type: "string",
    enum: [...values],
  });

const strictParts = new WeakMap<t.Any, { readonly required: t.Props; readonly optional: t.Props }>();

/** The fields of a codec made by `strictObject`, or undefined for any other codec. */
export const strictPartsOf = (codec: t.Any): { readonly required: t.Props; readonly optional: t.Props } | undefined => strictParts.get(codec);

/**
 * An object that rejects fields it does not know, so a misspelt field is an error instead of
 * a silently missing fact. Optional fields may be absent but never null.
 */
export const strictObject = <R extends t.Props, O extends t.Props = Record<never, never>>(name: string, required: R, optional?: O) => {
  const optionalProps = (optional ?? {}) as O;
  const requiredCodec = t.type(required);
  const optionalCodec = t.partial(optionalProps);
  const inner = t.intersection([requiredCodec, optionalCodec]);
  const known = new Set([...Object.keys(required), ...Object.keys(optionalProps)]);
  type A = t.TypeOf<t.TypeC<R>> & t.TypeOf<t.PartialC<O>>;
  const codec = new t.Type<A, A, unknown>(
    name,
    // Exactly what `validate` accepts (no field it does not know), so `is` can stand in for it on the hot read path.
    (value): value is A => typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).every((key) => known.has(key)) && inner.is(value),
    (value, context) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) return t.failure(value, context, "an object");
      const unknownKeys = Object.keys(value).filter((key) => !known.has(key));
      const unknownErrors: t.ValidationError[] = unknownKeys.map((key) => ({
        value: (value as Record<string, unknown>)[key],
        context: [...context, { key, type: t.never, actual: (value as Record<string, unknown>)[key] }],
        message: "unknown-field",
      }));
      // Each part validates in this object's own context (not through the intersection, which
      // would add its member index to every field path: "data.0.fte" instead of "data.fte").
      const requiredResult = requiredCodec.validate(value, context);
      const optionalResult = optionalCodec.validate(value, context);
      const errors = [...unknownErrors, ...(requiredResult._tag === "Left" ? requiredResult.left : []), ...(optionalResult._tag === "Left" ? optionalResult.left : [])];
      if (errors.length > 0 || requiredResult._tag === "Left" || optionalResult._tag === "Left") return t.failures(errors);
      const fromRequired = requiredResult.right as Record<string, unknown>;
      const fromOptional = optionalResult.right as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) out[key] = Object.prototype.hasOwnProperty.call(required, key) ? fromRequired[key] : fromOptional[key];
      return t.success(out as A);
    },
    (value) => value,
  );
  const schemaOf = (props: t.Props): Record<string, unknown> => Object.fromEntries(Object.entries(props).map(([key, prop]) => [key, toJsonSchema(prop)]));
  strictParts.set(codec, { required, optional: optionalProps });
  return Object.assign(codec, {
    required,
    optional: optionalProps,
    expected: `an object (${name})`,
    jsonSchema: {
      type: "object",
      title: name,
      properties: { ...schemaOf(required), ...schemaOf(optionalProps) },
      required: Object.keys(required),
      additionalProperties: false,
    } as JsonSchema,
  });
};

/** The JSON Schema of a codec built from the pieces above and io-ts's own combinators. */
export const toJsonSchema = (codec: t.Any): JsonSchema => {
  if (isDescribed(codec)) return codec.jsonSchema;
  const tagged = codec as t.Any & { _tag?: string };
  switch (tagged._tag) {
    case "StringType":
      return { type: "string" };
    case "NumberType":
      return { type: "number" };
    case "BooleanType":
      return { type: "boolean" };
    case "NullType":
      return { type: "null" };
    case "UnknownType":
      return {};
    case "LiteralType":
      return { const: (codec as t.LiteralType<string | number | boolean>).value };
    case "KeyofType":
      return { type: "string", enum: Object.keys((codec as t.KeyofType<Record<string, unknown>>).keys) };
    case "ArrayType":
    case "ReadonlyArrayType":
      return { type: "array", items: toJsonSchema((codec as unknown as t.ArrayType<t.Any>).type) };
    case "DictionaryType":
      return { type: "object", additionalProperties: toJsonSchema((codec as unknown as t.DictionaryType<t.Any, t.Any>).codomain) };
    case "UnionType":
      return { anyOf: (codec as unknown as t.UnionType<t.Mixed[]>).types.map(toJsonSchema) };
    case "IntersectionType":
      return { allOf: (codec as unknown as t.IntersectionType<t.Mixed[]>).types.map(toJsonSchema) };
    case "RefinementType":
      return toJsonSchema((codec as unknown as t.RefinementType<t.Any>).type);
    case "ReadonlyType":
      return toJsonSchema((codec as unknown as t.ReadonlyType<t.Any>).type);
    case "InterfaceType":
    case "ExactType":
    case "PartialType": {
      const props = (codec as unknown as { props: t.Props }).props;
      return {
        type: "object",
        properties: Object.fromEntries(Object.entries(props).map(([key, prop]) => [key, toJsonSchema(prop)])),
        ...(tagged._tag === "PartialType" ? {} : { required: Object.keys(props) }),
      };
    }
    default:
      return { description: codec.name };
  }
};

const listParts = new WeakMap<t.Any, { readonly item: t.Any; readonly minItems: number }>();

/** The item codec and least length of a codec made by `listOf`, or undefined for any other codec. */
export const listPartsOf = (codec: t.Any): { readonly item: t.Any; readonly minItems: number } | undefined => listParts.get(codec);

/** A non-empty readonly array of something described. */
export const listOf = <C extends t.Mixed>(item: C, minItems = 0) => {
  const base = t.readonlyArray(item);
  const codec = minItems === 0 ? base : t.refinement(base, (items) => items.length >= minItems, `${base.name}(min ${minItems})`);
  listParts.set(codec, { item, minItems });
  return describe(codec, minItems === 0 ? `a list of ${expectedOf(item)}` : `a list of at least ${minItems} × ${expectedOf(item)}`, {
    type: "array",
    items: toJsonSchema(item),
    ...(minItems > 0 ? { minItems } : {}),
  });
};

/** A map from ids (areas, municipalities, forms) to values. */
export const recordOf = <C extends t.Mixed>(value: C) =>
  describe(t.record(t.string, value), `an object whose values are ${expectedOf(value)}`, { type: "object", additionalProperties: toJsonSchema(value) });

export const expectedOf = (codec: t.Any): string => (isDescribed(codec) ? codec.expected : codec.name);
