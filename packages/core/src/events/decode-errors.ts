import * as t from "io-ts";
import { daysInMonth } from "../time/calendar.js";
import { expectedOf, toJsonSchema } from "./codecs.js";
import { issue, showValue, type Issue } from "./issues.js";

type Tagged = { readonly _tag?: string; readonly type?: unknown };

/** Codecs that decode their base with the same context, adding no step of their own. */
const WRAPPERS: ReadonlySet<string | undefined> = new Set(["RefinementType", "ReadonlyType", "ExactType"]);

/** The codec whose context step a wrapper stands for: a list of at least one item is a refinement of a list. */
const baseOf = (codec: t.Decoder<unknown, unknown> | undefined): Tagged | undefined => {
  let base = codec as Tagged | undefined;
  while (base !== undefined && WRAPPERS.has(base._tag)) base = base.type as Tagged | undefined;
  return base;
};

/** "data.seats[3].municipality" from an io-ts context, skipping the inner steps of unions and intersections. */
const pathOf = (context: t.Context, prefix: string): string => {
  let path = prefix;
  context.forEach((entry, index) => {
    if (index === 0 || entry.key === "") return;
    const parentTag = baseOf(context[index - 1]?.type)?._tag;
    // A union's or an intersection's steps name its members, not fields.
    if (parentTag === "UnionType" || parentTag === "IntersectionType") return;
    const isIndex = (parentTag === "ArrayType" || parentTag === "ReadonlyArrayType") && /^\d+$/.test(entry.key);
    path = isIndex ? `${path}[${entry.key}]` : path === "" ? entry.key : `${path}.${entry.key}`;
  });
  return path;
};

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A JSON value's kind as a message names it. */
const kindOf = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : typeof value === "string" ? "text" : `a ${typeof value}`);

/**
 * Why a present value is not valid, where more can be said than "is not valid": a value of the
 * wrong JSON kind (2026 where text is expected, "12" where a number is), or a date written right
 * that is no day of the calendar (2026-04-31).
 */
const whyInvalid = (value: unknown, codec: t.Decoder<unknown, unknown> | undefined): string => {
  const type = codec === undefined ? undefined : toJsonSchema(codec as t.Any).type;
  if (type === "string" && typeof value !== "string") return `is ${kindOf(value)}, not text: write it in double quotes`;
  if ((type === "integer" || type === "number") && typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return "is text, not a number: write it without quotes";
  if (type === "object" && kindOf(value) !== "an object") return `is ${kindOf(value)}, not an object`;
  if (type === "array" && kindOf(value) !== "a list") return `is ${kindOf(value)}, not a list`;
  if (type === "boolean" && typeof value !== "boolean") return `is ${kindOf(value)}, not true or false`;
  const date = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(value) : null;
  if (date !== null) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (month < 1 || month > 12) return `is not a date: there is no month ${month}`;
    if (day < 1 || day > daysInMonth(year, month)) return `is not a day of the calendar: ${MONTHS_EN[month - 1] ?? ""} ${year} has ${daysInMonth(year, month)} days`;
  }
  return "is not valid";
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
    const message = error.value === undefined ? "is missing" : whyInvalid(error.value, last?.type);
    byPath.set(path, issue("invalid-field", path, message, { expected, actual: showValue(error.value) }));
  }
  return [...byPath.values()];
};
