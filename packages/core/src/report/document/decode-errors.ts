import type * as t from "io-ts";
import { issue, showValue, type Issue } from "../../events/issues.js";

type Tagged = t.Decoder<unknown, unknown> & { readonly _tag?: string; readonly name?: string; readonly props?: Readonly<Record<string, unknown>>; readonly types?: readonly unknown[] };

/** A union's or an intersection's member adds a step (its index) that is no place in the document. */
const PASS_THROUGH = new Set(["UnionType", "IntersectionType"]);

/** The literal `kind` an object codec (or an intersection of them) requires, if any. */
const requiredKind = (codec: Tagged | undefined): string | undefined => {
  if (codec === undefined) return undefined;
  if (codec._tag === "InterfaceType") {
    const kind = codec.props?.kind as { readonly _tag?: string; readonly value?: unknown } | undefined;
    return kind?._tag === "LiteralType" && typeof kind.value === "string" ? kind.value : undefined;
  }
  if (codec._tag === "IntersectionType") for (const member of codec.types ?? []) {
    const found = requiredKind(member as Tagged);
    if (found !== undefined) return found;
  }
  return undefined;
};

/** The kinds a union of kinded members takes ("paragraph", "table", …); undefined for any other codec. */
const kindsOf = (codec: Tagged | undefined): string[] | undefined => {
  if (codec?._tag !== "UnionType") return undefined;
  const kinds = (codec.types ?? []).map((member) => requiredKind(member as Tagged));
  return kinds.every((kind): kind is string => kind !== undefined) ? kinds : undefined;
};

/** "sections[0].blocks[2].body[1].cells[1].figure.exact", as event issues write paths. */
const pathOf = (context: t.Context): string => {
  let path = "";
  context.forEach((entry, index) => {
    if (index === 0 || entry.key === "") return;
    const parent = context[index - 1]?.type as Tagged | undefined;
    if (parent?._tag !== undefined && PASS_THROUGH.has(parent._tag)) return;
    const isIndex = (parent?._tag === "ArrayType" || parent?._tag === "ReadonlyArrayType") && /^\d+$/.test(entry.key);
    path = isIndex ? `${path}[${entry.key}]` : path === "" ? entry.key : `${path}.${entry.key}`;
  });
  return path;
};

/**
 * A document's decode errors as issues a person can act on: one per place, at a path without the
 * decoder's inner steps, saying what was expected there and what was found. io-ts checks a block
 * or a cell only against the member of its own `kind`, so a value of a kind no member takes fails
 * at the union itself: that is named at its `kind`, with the kinds there are.
 */
export const documentIssues = (errors: t.Errors, limit = 20): Issue[] => {
  // Each place once, with every form its union would take ("1 or 2").
  const byPath = new Map<string, { readonly value: unknown; readonly expected: string[] }>();
  for (const error of errors) {
    const last = error.context[error.context.length - 1]?.type as Tagged | undefined;
    const kinds = kindsOf(last);
    const unknownKind = kinds !== undefined && typeof (error.value as { readonly kind?: unknown } | null | undefined)?.kind === "string";
    const path = unknownKind ? `${pathOf(error.context)}.kind` : pathOf(error.context);
    const expected = unknownKind ? `one of the kinds ${kinds.join(", ")}` : (last?.name ?? "a value");
    const value = unknownKind ? (error.value as { readonly kind: string }).kind : error.value;
    const seen = byPath.get(path);
    if (seen === undefined && byPath.size < limit) byPath.set(path, { value, expected: [expected] });
    else if (seen !== undefined && !seen.expected.includes(expected)) seen.expected.push(expected);
  }
  return [...byPath].map(([path, { value, expected }]) => issue("invalid-field", path, value === undefined ? "is missing" : "is not valid", { expected: expected.join(" or "), actual: showValue(value) }));
};
