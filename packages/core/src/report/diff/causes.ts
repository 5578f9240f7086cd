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

/** The pieces of an event's data's texts, between figure placeholders and lines. */
export const fragmentsOf = (data: unknown): string[] =>
  stringsOf(data)
    .flatMap((text) => text.split(PLACEHOLDER))
    .flatMap((text) => text.split(/\n+/))
    .map(normalise)
    .filter((fragment) => /\p{L}/u.test(fragment));

/** Three words or more are a phrase: found inside a longer text, it is this text's, not a common word's. */
const isPhrase = (fragment: string): boolean => fragment.split(" ").length >= 3;

/** A heading's number ("2.4", "Bilaga 1") is the document's, not any event's. */
const HEADING_NUMBER = /^(?:Bilaga\s+)?\d+(?:\.\d+)*\s+/u;

/** The parts a short text is matched whole against: a heading's title, a row's cells, a field's text. */
const unitsOf = (text: string | null, block: string): string[] => {
  if (text === null) return [];
  const whole = block === "heading" ? text.replace(HEADING_NUMBER, "") : text;
  return [whole, ...whole.split(" | ")].map(normalise);
};

/** Whether the fragment stands in the text: a phrase anywhere, a shorter piece only as the whole of a heading, a cell or a field. */
const standsIn = (text: string | null, block: string, fragment: string): boolean =>
  text !== null && (isPhrase(fragment) ? containsWords(normalise(text), fragment) : unitsOf(text, block).includes(fragment));

interface Sides {
  readonly block: string;
  readonly before: string | null;
  readonly after: string | null;
}

const wordCount = (fragment: string): number => fragment.split(" ").length;

/** How many words of the event stand after and not before: the event brought them. */
const brought = (fragments: readonly string[], change: Sides): number =>
  fragments.filter((fragment) => standsIn(change.after, change.block, fragment) && !standsIn(change.before, change.block, fragment)).reduce((sum, fragment) => sum + wordCount(fragment), 0);

/** How many words of the corrected event stood before and not after: the correction took them away. */
const tookAway = (fragments: readonly string[], change: Sides): number =>
  fragments.filter((fragment) => standsIn(change.before, change.block, fragment) && !standsIn(change.after, change.block, fragment)).reduce((sum, fragment) => sum + wordCount(fragment), 0);

export interface EventsInBetween {
  readonly events: readonly StoredEvent[];
  /** The events those in between correct (supersede or retract), by id, as far as they were read. */
  readonly corrected: ReadonlyMap<string, StoredEvent>;
}

/** The events recorded in between behind a text change, and how they were found. */
export const textCauses = (between: EventsInBetween, change: Sides, refs: readonly string[], fragments: (stored: StoredEvent) => readonly string[]): { readonly attribution: TextAttribution; readonly events: readonly StoredEvent[] } => {
  const scores = between.events.map((stored) => {
    const target = between.corrected.get(stored.supersedes ?? stored.retracts ?? "");
    return brought(fragments(stored), change) + (target === undefined ? 0 : tookAway(fragments(target), change));
  });
  const best = Math.max(0, ...scores);
  // An event that brought a whole paragraph, not one that shares a phrase with it.
  const byWords = between.events.filter((_, index) => best > 0 && (scores[index] ?? 0) * 2 >= best);
  const named = new Set(refs);
  const names = (stored: StoredEvent | undefined): boolean => stored !== undefined && stringsOf(stored.data).some((value) => named.has(value));
  const namesRow = (stored: StoredEvent): boolean => names(stored) || names(between.corrected.get(stored.supersedes ?? stored.retracts ?? ""));
  // A short word ("partly-met") may come from any metric's event: of those, the ones naming this row's metric.
  const ofThisRow = byWords.filter(namesRow);
  if (ofThisRow.length > 0) return { attribution: "words", events: ofThisRow };
  if (byWords.length > 0) return { attribution: "words", events: byWords };
  const byReference = refs.length === 0 ? [] : between.events.filter(namesRow);
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
