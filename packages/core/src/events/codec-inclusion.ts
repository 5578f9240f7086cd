import type * as t from "io-ts";
import { listPartsOf, strictPartsOf } from "./codecs.js";
import { compileGuard } from "./guard.js";

type Tagged = t.Any & { readonly _tag?: string };

const PRIMITIVES = new Set(["StringType", "NumberType", "BooleanType", "NullType"]);

const tagOf = (codec: t.Any): string | undefined => (codec as Tagged)._tag;

/** Where a field is, as an issue names it: "data.source". */
const at = (path: string, key: string): string => `${path}.${key}`;

/** A field's codec, read as an own property only: a field may be named "constructor" or "valueOf". */
const fieldOf = (props: t.Props, key: string): t.Any | undefined => (Object.hasOwn(props, key) ? props[key] : undefined);

const objectGap = (older: { readonly required: t.Props; readonly optional: t.Props }, newer: { readonly required: t.Props; readonly optional: t.Props }, path: string): string | undefined => {
  for (const [key, codec] of [...Object.entries(older.required), ...Object.entries(older.optional)]) {
    const counterpart = fieldOf(newer.required, key) ?? fieldOf(newer.optional, key);
    if (counterpart === undefined) return `${at(path, key)}: the newer version has no such field`;
    const gap = inclusionGap(codec, counterpart, at(path, key));
    if (gap !== undefined) return gap;
  }
  const missing = Object.keys(newer.required).find((key) => fieldOf(older.required, key) === undefined);
  return missing === undefined ? undefined : `${at(path, missing)}: the newer version requires it and the older does not`;
};

/** The values a closed codec (a literal or a closed set of words) accepts; undefined for any other codec. */
const closedValues = (codec: t.Any): readonly unknown[] | undefined => {
  switch (tagOf(codec)) {
    case "LiteralType": {
      const value = (codec as unknown as t.LiteralType<string | number | boolean>).value;
      // `===` takes -0 for 0, and JSON.parse("-0") is -0: a newer codec must accept both.
      return value === 0 ? [0, -0] : [value];
    }
    case "KeyofType":
      // Every own key, as the guard's hasOwn reads them, enumerable or not.
      return Object.getOwnPropertyNames((codec as unknown as t.KeyofType<Record<string, unknown>>).keys);
    default:
      return undefined;
  }
};

const itemOf = (codec: t.Any): t.Any | undefined => {
  const tag = tagOf(codec);
  return tag === "ArrayType" || tag === "ReadonlyArrayType" ? (codec as unknown as t.ArrayType<t.Any>).type : undefined;
};

/**
 * Where `older` may accept a value that `newer` refuses, or undefined when every value `older`
 * accepts (by `is`, which accepts what decoding accepts), `newer` accepts too: the proof that an
 * older version's data is valid newer data as it stands. Conservative: it shows inclusion by
 * structure (the same codec, fields of strict objects, closed sets of words checked value by
 * value, lists, unions, a refinement of what is included), and reports a gap wherever it cannot
 * show it, so a gap is "not shown", never a claim that some value tells them apart.
 */
export const inclusionGap = (older: t.Any, newer: t.Any, path = "data"): string | undefined => {
  if (older === newer || tagOf(newer) === "UnknownType") return undefined;
  const olderParts = strictPartsOf(older);
  const newerParts = strictPartsOf(newer);
  if (olderParts !== undefined && newerParts !== undefined) return objectGap(olderParts, newerParts, path);
  const values = closedValues(older);
  if (values !== undefined) {
    const accepts = compileGuard(newer);
    const refused = values.find((value) => !accepts(value));
    return refused === undefined ? undefined : `${path}: the older version accepts ${JSON.stringify(refused)}, the newer does not`;
  }
  if (tagOf(older) === "UnionType") {
    for (const member of (older as unknown as t.UnionType<t.Mixed[]>).types) {
      const gap = inclusionGap(member, newer, path);
      if (gap !== undefined) return gap;
    }
    return undefined;
  }
  if (tagOf(newer) === "UnionType" && (newer as unknown as t.UnionType<t.Mixed[]>).types.some((member) => inclusionGap(older, member, path) === undefined)) return undefined;
  // A refinement accepts less than what it refines: if that is included, so is the refinement.
  if (tagOf(older) === "RefinementType" && inclusionGap((older as unknown as t.RefinementType<t.Any>).type, newer, path) === undefined) return undefined;
  const [olderList, newerList] = [listPartsOf(older), listPartsOf(newer)];
  if (olderList !== undefined && newerList !== undefined) {
    if (olderList.minItems < newerList.minItems) return `${path}: the older version takes lists of ${olderList.minItems} or more, the newer of ${newerList.minItems} or more`;
    return inclusionGap(olderList.item, newerList.item, `${path}[]`);
  }
  const [olderItem, newerItem] = [itemOf(older), itemOf(newer)];
  if (olderItem !== undefined && newerItem !== undefined) return inclusionGap(olderItem, newerItem, `${path}[]`);
  const tag = tagOf(older);
  if (tag !== undefined && PRIMITIVES.has(tag) && tag === tagOf(newer)) return undefined;
  return `${path}: ${older.name} is not shown to accept only what ${newer.name} accepts`;
};
