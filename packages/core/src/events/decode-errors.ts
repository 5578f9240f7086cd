import * as t from "io-ts";
import { expectedOf } from "./codecs.js";
import { issue, showValue, type Issue } from "./issues.js";

const isContainer = (codec: t.Decoder<unknown, unknown> | undefined): boolean => {
  const tag = (codec as { _tag?: string } | undefined)?._tag;
  return tag === "UnionType" || tag === "IntersectionType" || tag === "RefinementType" || tag === "ReadonlyType" || tag === "ExactType";
};

/** "data.seats[3].municipality" from an io-ts context, skipping the inner steps of unions and intersections. */
const pathOf = (context: t.Context, prefix: string): string => {
  let path = prefix;
  context.forEach((entry, index) => {
    if (index === 0 || entry.key === "") return;
    if (isContainer(context[index - 1]?.type)) return;
    const parentTag = (context[index - 1]?.type as { _tag?: string } | undefined)?._tag;
    const isIndex = (parentTag === "ArrayType" || parentTag === "ReadonlyArrayType") && /^\d+$/.test(entry.key);
    path = isIndex ? `${path}[${entry.key}]` : path === "" ? entry.key : `${path}.${entry.key}`;
  });
  return path;
};

/** io-ts errors as Issues: one per distinct field, with the most specific expectation. */
export const issuesFromErrors = (errors: t.Errors, prefix: string): Issue[] => {
  const byPath = new Map<string, Issue>();
  for (const error of errors) {
    const path = pathOf(error.context, prefix);
    if (byPath.has(path)) continue;
    const last = error.context[error.context.length - 1];
    if (error.message === "unknown-field") {
      byPath.set(path, issue("unknown-field", path, "is not a field of this event", { actual: showValue(error.value) }));
      continue;
    }
    const expected = error.message ?? (last === undefined ? "a value" : expectedOf(last.type as t.Any));
    const message = error.value === undefined ? "is missing" : "is not valid";
    byPath.set(path, issue("invalid-field", path, message, { expected, actual: showValue(error.value) }));
  }
  return [...byPath.values()];
};
