import { issue, showValue, type Issue } from "../events/issues.js";
import type { AppendOptions } from "./store.js";

/**
 * What is wrong with an append's own arguments, before anything is read: a caller in plain
 * JavaScript may hand over anything, and should hear which argument is wrong rather than meet a
 * TypeError inside the store. Every store asks this first.
 */
export const appendArgumentIssues = (drafts: unknown, options: unknown): Issue[] => {
  if (!Array.isArray(drafts)) return [issue("not-an-object", "", "append takes a list of drafts (an array), not a single value", { actual: showValue(drafts) })];
  if (options === undefined) return [];
  if (typeof options !== "object" || options === null || Array.isArray(options)) return [issue("invalid-field", "options", "append's options are an object ({ expectedSeq, places, precondition }), or left out", { actual: showValue(options) })];
  const { expectedSeq, places, precondition } = options as Record<keyof AppendOptions, unknown>;
  const found: Issue[] = [];
  if (expectedSeq !== undefined && !(Number.isSafeInteger(expectedSeq) && (expectedSeq as number) >= -1)) {
    found.push(issue("invalid-field", "expectedSeq", "is the seq of the log's last event as the caller believes it", { expected: "a whole number, -1 for an empty log", actual: showValue(expectedSeq) }));
  }
  if (places !== undefined && !(Array.isArray(places) && places.length === drafts.length)) {
    found.push(issue("invalid-field", "places", "gives each draft its place, in order", { expected: `a list of ${drafts.length} place(s), one per draft`, actual: showValue(places) }));
  }
  if (precondition !== undefined && typeof precondition !== "function") found.push(issue("invalid-field", "precondition", "is checked against the log under its lock", { expected: "a function returning (a promise of) a list of issues", actual: showValue(precondition) }));
  return found;
};

/** What a precondition returned, as the list of issues it must be: undefined (nothing wrong) is taken as none. */
export const preconditionIssues = (returned: unknown): readonly Issue[] => {
  if (returned === undefined) return [];
  if (Array.isArray(returned)) return returned as readonly Issue[];
  return [issue("invalid-field", "precondition", "returned something other than a list of issues", { expected: "a list of issues (empty when nothing is wrong)", actual: showValue(returned) })];
};
