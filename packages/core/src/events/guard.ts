import type * as t from "io-ts";
import { strictPartsOf } from "./codecs.js";

/** A plain predicate: accepts exactly what the codec it was compiled from accepts with `is`. */
export type Guard = (value: unknown) => boolean;

const hasOwn = Object.prototype.hasOwnProperty;

type Tagged = t.Any & { readonly _tag?: string };

/**
 * The object part of io-ts's `t.type` and `t.partial`, and our strictObject: not null, not an
 * array (UnknownRecord), every own key known, each required field present (own, or inherited
 * and defined, as `t.type` reads it) and valid, each optional field undefined or valid.
 */
const objectGuard = (known: Readonly<Record<string, true>>, required: readonly (readonly [string, Guard])[], optional: readonly (readonly [string, Guard])[]): Guard => {
  const requiredKeys = required.map(([key]) => key);
  const requiredGuards = required.map(([, guard]) => guard);
  const optionalKeys = optional.map(([key]) => key);
  const optionalGuards = optional.map(([, guard]) => guard);
  return (value) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
    const fields = value as Record<string, unknown>;
    for (const key in fields) if (known[key] !== true && hasOwn.call(fields, key)) return false;
    for (let index = 0; index < requiredKeys.length; index += 1) {
      const key = requiredKeys[index] as string;
      const field = fields[key];
      if ((field === undefined && !hasOwn.call(fields, key)) || !(requiredGuards[index] as Guard)(field)) return false;
    }
    for (let index = 0; index < optionalKeys.length; index += 1) {
      const field = fields[optionalKeys[index] as string];
      if (field !== undefined && !(optionalGuards[index] as Guard)(field)) return false;
    }
    return true;
  };
};

/**
 * The test of one field as a JavaScript expression over `variable`, with what it needs pushed onto
 * `constants` (read back as `c[i]`): primitives, literals and refinements of strings inline, any
 * other codec through its compiled guard.
 */
const fieldTest = (codec: Tagged, variable: string, constants: unknown[]): string => {
  const constant = (value: unknown): string => `c[${constants.push(value) - 1}]`;
  if (strictPartsOf(codec) === undefined) {
    switch (codec._tag) {
      case "StringType":
        return `typeof ${variable} === "string"`;
      case "NumberType":
        return `typeof ${variable} === "number"`;
      case "BooleanType":
        return `typeof ${variable} === "boolean"`;
      case "UnknownType":
        return "true";
      case "LiteralType":
        return `${variable} === ${constant((codec as unknown as t.LiteralType<string | number | boolean>).value)}`;
      case "KeyofType":
        return `typeof ${variable} === "string" && hasOwn.call(${constant((codec as unknown as t.KeyofType<Record<string, unknown>>).keys)}, ${variable})`;
      case "RefinementType": {
        const refinement = codec as unknown as t.RefinementType<t.Any>;
        return `(${fieldTest(refinement.type as Tagged, variable, constants)}) && ${constant(refinement.predicate)}(${variable})`;
      }
      default:
        break;
    }
  }
  return `${constant(compileGuard(codec))}(${variable})`;
};

/**
 * objectGuard written out as one function of its own, with each field's test inline: its call
 * sites then see one kind of value each, which V8 can inline, where objectGuard's shared loop
 * calls every type's field guards from one place. Undefined where code cannot be made at run time
 * (a Content-Security-Policy without unsafe-eval); the closures then serve.
 */
const generatedObjectGuard = (required: readonly (readonly [string, Tagged])[], optional: readonly (readonly [string, Tagged])[]): Guard | undefined => {
  const constants: unknown[] = [];
  const known = [...required, ...optional].map(([key]) => `case ${JSON.stringify(key)}: break;`).join(" ");
  const lines = [`if (typeof v !== "object" || v === null || Array.isArray(v)) return false;`, `for (const k in v) switch (k) { ${known} default: if (hasOwn.call(v, k)) return false; }`];
  required.forEach(([key, codec], index) => {
    const name = JSON.stringify(key);
    lines.push(`const r${index} = v[${name}];`, `if ((r${index} === undefined && !hasOwn.call(v, ${name})) || !(${fieldTest(codec, `r${index}`, constants)})) return false;`);
  });
  optional.forEach(([key, codec], index) => {
    lines.push(`const o${index} = v[${JSON.stringify(key)}];`, `if (o${index} !== undefined && !(${fieldTest(codec, `o${index}`, constants)})) return false;`);
  });
  lines.push("return true;");
  try {
    // The code is made of fixed text and the codec's keys written as JSON string literals, never of data.
    return new Function("c", "hasOwn", `return function guard(v) {\n${lines.join("\n")}\n};`)(constants, hasOwn) as Guard;
  } catch (error) {
    // Only a refusal to make code: any other error is a fault in the text above and must show.
    if (error instanceof EvalError) return undefined;
    throw error;
  }
};

const compiled = new WeakMap<t.Any, Guard>();

const entriesOf = (props: t.Props): (readonly [string, Guard])[] => Object.keys(props).map((key) => [key, compileGuard(props[key] as t.Any)] as const);
const codecsOf = (props: t.Props): (readonly [string, Tagged])[] => Object.keys(props).map((key) => [key, props[key] as Tagged] as const);

/** The guard of one codec, its parts compiled first; a codec it does not know keeps its own `is`. */
const build = (codec: Tagged): Guard => {
  const strict = strictPartsOf(codec);
  if (strict !== undefined) {
    const generated = generatedObjectGuard(codecsOf(strict.required), codecsOf(strict.optional));
    if (generated !== undefined) return generated;
    const required = entriesOf(strict.required);
    const optional = entriesOf(strict.optional);
    const known: Record<string, true> = Object.create(null) as Record<string, true>;
    for (const [key] of [...required, ...optional]) known[key] = true;
    return objectGuard(known, required, optional);
  }
  switch (codec._tag) {
    case "StringType":
      return (value) => typeof value === "string";
    case "NumberType":
      return (value) => typeof value === "number";
    case "BooleanType":
      return (value) => typeof value === "boolean";
    case "UnknownType":
      return () => true;
    case "LiteralType": {
      const expected = (codec as unknown as t.LiteralType<string | number | boolean>).value;
      return (value) => value === expected;
    }
    case "KeyofType": {
      const keys = (codec as unknown as t.KeyofType<Record<string, unknown>>).keys;
      return (value) => typeof value === "string" && hasOwn.call(keys, value);
    }
    case "RefinementType": {
      const refinement = codec as unknown as t.RefinementType<t.Any>;
      const base = compileGuard(refinement.type);
      const predicate = refinement.predicate as (value: unknown) => boolean;
      return (value) => base(value) && predicate(value);
    }
    case "ReadonlyArrayType":
    case "ArrayType": {
      const item = compileGuard((codec as unknown as t.ArrayType<t.Any>).type);
      // `every`, as io-ts has it: it skips the holes of a sparse array.
      return (value) => Array.isArray(value) && value.every((each) => item(each));
    }
    case "UnionType": {
      // A tagged union's `is` looks up its member by tag, which accepts what trying each member accepts.
      const members = (codec as unknown as t.UnionType<t.Mixed[]>).types.map(compileGuard);
      return (value) => members.some((member) => member(value));
    }
    case "IntersectionType": {
      const members = (codec as unknown as t.IntersectionType<t.Mixed[]>).types.map(compileGuard);
      return (value) => members.every((member) => member(value));
    }
    case "InterfaceType": {
      const props = (codec as unknown as t.InterfaceType<t.Props>).props;
      const required = entriesOf(props);
      return (value) => typeof value === "object" && value !== null && !Array.isArray(value) && required.every(([key, guard]) => {
        const field = (value as Record<string, unknown>)[key];
        return !(field === undefined && !hasOwn.call(value, key)) && guard(field);
      });
    }
    case "DictionaryType": {
      const dictionary = codec as unknown as t.DictionaryType<t.Any, t.Any>;
      // Only a record keyed by any string; a record over known keys, or of `t.any`, reads differently.
      if ((dictionary.domain as Tagged)._tag !== "StringType" || (dictionary.codomain as Tagged)._tag === "AnyType") return (value) => codec.is(value);
      const item = compileGuard(dictionary.codomain);
      return (value) => {
        if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
        const fields = value as Record<string, unknown>;
        const keys = Object.keys(fields);
        for (let index = 0; index < keys.length; index += 1) if (!item(fields[keys[index] as string])) return false;
        return true;
      };
    }
    default:
      return (value) => codec.is(value);
  }
};

/**
 * A codec's `is` as one plain predicate, without io-ts's dispatch through nested codec objects,
 * closures and `every` callbacks per field: the check every read makes of every stored line's
 * envelope and data. It accepts exactly what `codec.is` accepts (a property test holds every
 * codec of the default catalog to it); codecs it does not know keep their own `is`. Compiled
 * once per codec.
 */
export const compileGuard = (codec: t.Any): Guard => {
  const known = compiled.get(codec);
  if (known !== undefined) return known;
  const guard = build(codec);
  compiled.set(codec, guard);
  return guard;
};
