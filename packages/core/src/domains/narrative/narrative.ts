import type { DomainEvent } from "../../events/envelope.js";
import type { EventOf } from "../../events/definition.js";
import { defineProjection } from "../../projection/projection.js";
import type { Period } from "../../time/period.js";
import { emptyThemeUse, learnThemeDefinition, learnThemesUsed, themesInUse, type Theme, type ThemeUse } from "./themes.js";
import { NarrativeWritten } from "./events.js";

export type NarrativeEntry = EventOf<typeof NarrativeWritten>["data"] & { readonly eventId: string };

export interface NarrativeState {
  entries: Record<string, NarrativeEntry>;
  /** The themes the log defines and the ones its texts tag with, whatever their period. */
  themes: ThemeUse;
}

export interface NarrativeResult {
  readonly period: string;
  /** Texts written for the report period, by section then order. */
  readonly entries: readonly NarrativeEntry[];
  readonly bySection: Readonly<Record<string, readonly string[]>>;
  /** The themes the log's texts tag with, in print order: built-in ones first, then the log's own in the order defined. */
  readonly themes: readonly Theme[];
  /** Texts of another period that overlaps this one (a tertial's, a year's in a plan of two): never printed here, named so a report can say so. */
  readonly otherPeriods: readonly NarrativeEntry[];
}

/**
 * A text belongs to the report of its own period only. One written for a part of the period (a
 * tertial's analysis, in the year's report) would have its figures computed for the whole
 * period, which they never meant: "förbrukat under tertialet" printed with the year's outcome.
 */
const forPeriod = (entry: NarrativeEntry, period: Period): boolean => entry.from === period.start && entry.to === period.end;

const sectionKeyOf = (section: string): string => section.split(/[ .]/).map((part) => (/^\d+$/.test(part) ? part.padStart(4, "0") : part)).join(".");

// A sort asks for the same few sections' keys again and again, and every report sorts its texts: each is made once.
const SECTION_KEYS_KEPT = 4096;
const sectionKeys = new Map<string, string>();
const sectionKey = (section: string): string => {
  let key = sectionKeys.get(section);
  if (key === undefined) {
    if (sectionKeys.size >= SECTION_KEYS_KEPT) sectionKeys.clear();
    sectionKeys.set(section, (key = sectionKeyOf(section)));
  }
  return key;
};

const bySectionThenOrder = (a: NarrativeEntry, b: NarrativeEntry): number => {
  const left = sectionKey(a.section);
  const right = sectionKey(b.section);
  if (left !== right) return left < right ? -1 : 1;
  return (a.order ?? 999) - (b.order ?? 999) || (a.narrativeId < b.narrativeId ? -1 : 1);
};

const evolveNarrative = (state: NarrativeState, event: DomainEvent, period: Period): NarrativeState => {
  if (learnThemeDefinition(state.themes, event)) return state;
  if (NarrativeWritten.is(event)) learnThemesUsed(state.themes, event.data.themes);
  // A text is chosen by the period it speaks of (from..to), not by when it takes effect: an annual
  // report's text is written after the year ends, and is no less the year's.
  if (!NarrativeWritten.is(event) || event.data.from > period.end) return state;
  state.entries[event.data.narrativeId] = { ...event.data, eventId: event.id };
  return state;
};

/** The authored texts of a report period (analysis, highlights, outlook, footnotes), as Markdown, grouped by section. */
export const narrativeProjection = defineProjection<NarrativeState, NarrativeResult>({
  name: "narrative",
  description: "Narratives (Markdown) written for the period, by section, with their goal, area, theme and focus-area tags, and the themes the log's texts tag with.",
  // Revision 2: the state knows the log's themes (version 3 names a text's tags `themes`); 3: it keeps texts effective after the period's end.
  revision: 3,
  init: () => ({ entries: {}, themes: emptyThemeUse() }),
  evolve: (state, event, { period }) => evolveNarrative(state, event, period),
  result: (state, { period }) => {
    const entries = Object.values(state.entries)
      .filter((entry) => forPeriod(entry, period))
      .sort(bySectionThenOrder);
    const bySection: Record<string, string[]> = {};
    for (const entry of entries) (bySection[entry.section] ??= []).push(entry.narrativeId);
    const otherPeriods = Object.values(state.entries).filter((entry) => !forPeriod(entry, period) && entry.from <= period.end && entry.to >= period.start);
    return { period: period.name, entries, bySection, themes: themesInUse(state.themes), otherPeriods };
  },
});
