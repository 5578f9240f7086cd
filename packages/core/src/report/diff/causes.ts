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
const unitsOf = (text: string, block: string): Set<string> => {
  const whole = block === "heading" ? text.replace(HEADING_NUMBER, "") : text;
  return new Set([whole, ...whole.split(" | ")].map(normalise));
};

/** One side of a change, read once for every fragment of every event asked about it. */
interface Side {
  readonly text: string;
  readonly units: ReadonlySet<string>;
}

const sideOf = (text: string | null, block: string): Side | null => (text === null ? null : { text: normalise(text), units: unitsOf(text, block) });

/** Whether the fragment stands in the text: a phrase anywhere, a shorter piece only as the whole of a heading, a cell or a field. */
const standsIn = (side: Side | null, fragment: string): boolean => side !== null && (isPhrase(fragment) ? containsWords(side.text, fragment) : side.units.has(fragment));

interface Sides {
  readonly block: string;
  readonly before: string | null;
  readonly after: string | null;
}

const wordCount = (fragment: string): number => fragment.split(" ").length;

/** How many words stand on `from` and not on `to`: an event brought them to `after`, or a correction took them from `before`. */
const wordsMoved = (fragments: readonly string[], from: Side | null, to: Side | null): number => {
  let count = 0;
  for (const fragment of fragments) if (standsIn(from, fragment) && !standsIn(to, fragment)) count += wordCount(fragment);
  return count;
};

export interface EventsInBetween {
  readonly events: readonly StoredEvent[];
  /** The events those in between correct (supersede or retract), by id, as far as they were read. */
  readonly corrected: ReadonlyMap<string, StoredEvent>;
}

/** The events recorded in between behind a text change, and how they were found. */
export const textCauses = (between: EventsInBetween, change: Sides, refs: readonly string[], fragments: (stored: StoredEvent) => readonly string[]): { readonly attribution: TextAttribution; readonly events: readonly StoredEvent[] } => {
  const [before, after] = [sideOf(change.before, change.block), sideOf(change.after, change.block)];
  const scores = between.events.map((stored) => {
    const target = between.corrected.get(stored.supersedes ?? stored.retracts ?? "");
    return wordsMoved(fragments(stored), after, before) + (target === undefined ? 0 : wordsMoved(fragments(target), before, after));
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
