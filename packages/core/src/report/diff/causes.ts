import type { StoredEvent } from "../../events/envelope.js";
import { containsWords, normalise } from "./words.js";

/**
 * How the events behind a text change were found: "words" when an event recorded in between
 * carries words that came into the text (or corrects one whose words left it); "reference" when
 * none does but an event names the row's metric or activity; "none" when neither.
 */
export type TextAttribution = "words" | "reference" | "none";

/** A figure placeholder of a narrative, "{{staffing.fte asOf=…}}", is not text of its own. */
const PLACEHOLDER = /\{\{[^}]*\}\}/g;

const stringsOf = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
};

/** Pieces of an event's data long enough to recognise in a text: at least two words, or one word of six letters or more. */
export const fragmentsOf = (data: unknown): string[] =>
  stringsOf(data)
    .flatMap((text) => text.split(PLACEHOLDER))
    .flatMap((text) => text.split(/\n+/))
    .map(normalise)
    .filter((fragment) => /\p{L}/u.test(fragment) && (fragment.includes(" ") || fragment.length >= 6));

const inText = (text: string | null, fragment: string): boolean => text !== null && containsWords(normalise(text), fragment);

interface Sides {
  readonly before: string | null;
  readonly after: string | null;
}

/** Words of the event that stand after and not before: the event brought them. */
const brought = (fragments: readonly string[], change: Sides): boolean => fragments.some((fragment) => inText(change.after, fragment) && !inText(change.before, fragment));

/** Words of the corrected event that stood before and not after: the correction took them away. */
const tookAway = (fragments: readonly string[], change: Sides): boolean => fragments.some((fragment) => inText(change.before, fragment) && !inText(change.after, fragment));

export interface EventsInBetween {
  readonly events: readonly StoredEvent[];
  /** The events those in between correct (supersede or retract), by id, as far as they were read. */
  readonly corrected: ReadonlyMap<string, StoredEvent>;
}

/** The events recorded in between behind a text change, and how they were found. */
export const textCauses = (between: EventsInBetween, change: Sides, refs: readonly string[], fragments: (stored: StoredEvent) => readonly string[]): { readonly attribution: TextAttribution; readonly events: readonly StoredEvent[] } => {
  const byWords = between.events.filter((stored) => {
    if (brought(fragments(stored), change)) return true;
    const target = between.corrected.get(stored.supersedes ?? stored.retracts ?? "");
    return target !== undefined && tookAway(fragments(target), change);
  });
  if (byWords.length > 0) return { attribution: "words", events: byWords };
  if (refs.length === 0) return { attribution: "none", events: [] };
  const named = new Set(refs);
  const names = (stored: StoredEvent | undefined): boolean => stored !== undefined && stringsOf(stored.data).some((value) => named.has(value));
  const byReference = between.events.filter((stored) => names(stored) || names(between.corrected.get(stored.supersedes ?? stored.retracts ?? "")));
  return byReference.length > 0 ? { attribution: "reference", events: byReference } : { attribution: "none", events: [] };
};

/** Reads each event's fragments once, however many changes ask. */
export const fragmentCache = (): ((stored: StoredEvent) => readonly string[]) => {
  const known = new Map<string, readonly string[]>();
  return (stored) => {
    const cached = known.get(stored.id);
    if (cached !== undefined) return cached;
    const fragments = fragmentsOf(stored.data);
    known.set(stored.id, fragments);
    return fragments;
  };
};
