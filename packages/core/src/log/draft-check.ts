import { decodeWith } from "../events/catalog.js";
import { EventDraftCodec, type EventDraft } from "../events/envelope.js";
import { compileGuard } from "../events/guard.js";
import { issue, type Issue } from "../events/issues.js";

/**
 * EventDraftCodec's `is`, compiled: a valid draft needs no decoding (io-ts's decode cost an
 * append of 1 000 drafts 35–50 ms, once as the file is read and again as the batch is checked),
 * only an invalid one is decoded, for its issues.
 */
export const isEventDraft = compileGuard(EventDraftCodec);

/** What a value built in code is, as a message names it: "a Decimal object", "a function". */
const describeKind = (value: unknown): string => {
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value !== "object" || value === null) return `a ${typeof value}`;
  const constructor = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return constructor === undefined || constructor === "" ? "an object with a prototype of its own" : `a ${constructor} object`;
};

const NOT_JSON_HINT = 'only JSON values are kept in the log: write an amount as a decimal string such as "45.30" and a date as "2024-03-01"';

const isPlainObject = (value: object): boolean => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && !("toJSON" in value);
};

/**
 * Where a value built in code has no JSON form the log could keep: a function, a symbol, a big
 * integer, a number that is not finite, a class instance (a Decimal, a Date, a Map), a list with
 * holes or undefined in it. Canonical JSON would throw on some and silently write others as `{}`
 * or null, so they are refused at the field that holds them. An object's key whose value is
 * undefined is left out, as JSON.stringify leaves it out. Walks without recursion, at most `limit`
 * problems.
 */
export const nonJsonIssues = (value: unknown, path: string, limit = 10): Issue[] => {
  const found: Issue[] = [];
  const pending: { readonly value: unknown; readonly path: string }[] = [{ value, path }];
  for (let next = pending.pop(); next !== undefined && found.length < limit; next = pending.pop()) {
    const item = next.value;
    if (item === null || typeof item === "string" || typeof item === "boolean") continue;
    if (typeof item === "number" && Number.isFinite(item)) continue;
    const plainList = Array.isArray(item) && Object.getPrototypeOf(item) === Array.prototype;
    if (typeof item !== "object" || item === null || !(plainList || isPlainObject(item))) {
      found.push(issue("invalid-field", next.path, `is ${describeKind(item)}, not a JSON value: ${NOT_JSON_HINT}`, { expected: "text, a finite number, true, false, null, a list or a plain object" }));
      continue;
    }
    if (Array.isArray(item)) {
      for (let index = item.length - 1; index >= 0; index -= 1) {
        const element: unknown = item[index];
        if (element === undefined) found.push(issue("invalid-field", `${next.path}[${index}]`, "is undefined (or a hole) in a list, which JSON cannot hold", { expected: "a JSON value" }));
        else pending.push({ value: element, path: `${next.path}[${index}]` });
      }
      continue;
    }
    const entries = Object.entries(item as Record<string, unknown>);
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const [key, field] = entries[index] as [string, unknown];
      if (field !== undefined) pending.push({ value: field, path: next.path === "" ? key : `${next.path}.${key}` });
    }
  }
  return found;
};

/**
 * The problems of a draft's envelope, as `tertial append` finds them in a drafts file: a draft
 * built in code is held to the same rules before anything is computed from it (a date that is no
 * date, an id with spaces, provenance of the wrong shape, data with no JSON form), so no store
 * writes a line that `verify` would refuse, and no append throws on a malformed draft.
 */
export const draftEnvelopeIssues = (draft: EventDraft): Issue[] => {
  const decoded = isEventDraft(draft) ? undefined : decodeWith(EventDraftCodec, draft);
  const envelope = decoded === undefined || decoded.ok ? [] : decoded.issues;
  if (draft === null || typeof draft !== "object") return envelope;
  // A field of the envelope holding no JSON value (a Date as effectiveAt) is named as such, not told to be written in quotes.
  const notJson = Object.entries(draft).flatMap(([key, value]) => (key === "data" || key === "source" || value === undefined ? [] : nonJsonIssues(value, key, 1)));
  const named = new Set(notJson.map((found) => found.path));
  return [...notJson, ...envelope.filter((found) => !named.has(found.path)), ...(draft.data === undefined ? [] : nonJsonIssues(draft.data, "data")), ...(draft.source === undefined ? [] : nonJsonIssues(draft.source, "source"))];
};
