/**
 * Folds of one report learn the same things side by side (each keeps its own copy of the
 * reference directory), so most of a snapshot would be the same parts written again and again.
 * A part equal to one already written is written as a reference to it instead, and read back as
 * that same object; the folds get copies of their own only when an event is about to change one.
 */
const SAME_AS = "$sameAs";

/** Parts smaller than this are written out: a reference would save little. */
const MIN_SHARED_CHARACTERS = 1024;

export type Location = readonly [fold: string, part: string];

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The states to write: each top-level part equal (as JSON) to one of an earlier fold replaced by `{"$sameAs": [fold, part]}`. The live states are not touched. */
export const shareEqualParts = (states: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const written = new Map<string, Location>();
  const out: Record<string, unknown> = {};
  for (const [fold, state] of Object.entries(states)) {
    if (!isPlainObject(state)) {
      out[fold] = state;
      continue;
    }
    const copy: Record<string, unknown> = {};
    for (const [part, value] of Object.entries(state)) {
      const text = typeof value === "object" && value !== null ? JSON.stringify(value) : "";
      const first = text.length >= MIN_SHARED_CHARACTERS ? written.get(text) : undefined;
      copy[part] = first === undefined ? value : { [SAME_AS]: first };
      if (first === undefined && text.length >= MIN_SHARED_CHARACTERS) written.set(text, [fold, part]);
    }
    out[fold] = copy;
  }
  return out;
};

const referenceOf = (value: unknown): Location | undefined => {
  if (!isPlainObject(value) || Object.keys(value).length !== 1) return undefined;
  const target = value[SAME_AS];
  return Array.isArray(target) && target.length === 2 && typeof target[0] === "string" && typeof target[1] === "string" ? [target[0], target[1]] : undefined;
};

/**
 * Reads the shared parts of one fold's state back (mutating its freshly read state): each
 * reference becomes the very object it names in the other fold's state. Adds the places that now
 * share an object to `shared`, for `unshare`; false when a reference names nothing (a damaged
 * snapshot). `states` may read each fold's state only when asked (a snapshot file's do).
 */
export const resolveSharedPartsOf = (states: Readonly<Record<string, unknown>>, fold: string, shared: Location[]): boolean => {
  const state = states[fold];
  if (!isPlainObject(state)) return true;
  for (const [part, value] of Object.entries(state)) {
    const target = referenceOf(value);
    if (target === undefined) continue;
    const source = target[0] in states ? states[target[0]] : undefined;
    if (!isPlainObject(source) || !(target[1] in source) || referenceOf(source[target[1]]) !== undefined) return false;
    state[part] = source[target[1]];
    shared.push([fold, part]);
  }
  return true;
};

/** Gives every place that shares an object its own copy: before any event is folded into the states. */
export const unshare = (states: ReadonlyMap<string, { state: unknown }>, shared: readonly Location[]): void => {
  for (const [fold, part] of shared) {
    const state = states.get(fold)?.state;
    if (isPlainObject(state)) state[part] = structuredClone(state[part]);
  }
};
