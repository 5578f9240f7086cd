import type { DomainEvent } from "../../events/envelope.js";
import type { EventOf } from "../../events/definition.js";
import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { NarrativeWritten } from "./events.js";

export type NarrativeEntry = EventOf<typeof NarrativeWritten>["data"] & { readonly eventId: string };

export interface NarrativeState {
  entries: Record<string, NarrativeEntry>;
}

export interface NarrativeResult {
  readonly period: string;
  /** Texts written for the report period, by section then order. */
  readonly entries: readonly NarrativeEntry[];
  readonly bySection: Readonly<Record<string, readonly string[]>>;
}

/**
 * A text belongs to the report of its own period only. One written for a part of the period (a
 * tertial's analysis, in the year's report) would have its figures computed for the whole
 * period, which they never meant: "förbrukat under tertialet" printed with the year's outcome.
 */
const forPeriod = (entry: NarrativeEntry, period: Period): boolean => entry.from === period.start && entry.to === period.end;

const sectionKey = (section: string): string => section.split(/[ .]/).map((part) => (/^\d+$/.test(part) ? part.padStart(4, "0") : part)).join(".");

const bySectionThenOrder = (a: NarrativeEntry, b: NarrativeEntry): number => {
  const left = sectionKey(a.section);
  const right = sectionKey(b.section);
  if (left !== right) return left < right ? -1 : 1;
  return (a.order ?? 999) - (b.order ?? 999) || (a.narrativeId < b.narrativeId ? -1 : 1);
};

const evolveNarrative = (state: NarrativeState, event: DomainEvent, period: Period): NarrativeState => {
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > period.end || !NarrativeWritten.is(event)) return state;
  state.entries[event.data.narrativeId] = { ...event.data, eventId: event.id };
  return state;
};

/** The authored texts of a report period (analysis, highlights, outlook, footnotes), as Markdown, grouped by section. */
export const narrativeProjection = defineProjection<NarrativeState, NarrativeResult>({
  name: "narrative",
  description: "Narratives (Markdown) written for the period, by section, with their goal, area, 3 K and focus-area tags.",
  init: () => ({ entries: {} }),
  evolve: (state, event, { period }) => evolveNarrative(state, event, period),
  result: (state, { period }) => {
    const entries = Object.values(state.entries)
      .filter((entry) => forPeriod(entry, period))
      .sort(bySectionThenOrder);
    const bySection: Record<string, string[]> = {};
    for (const entry of entries) (bySection[entry.section] ??= []).push(entry.narrativeId);
    return { period: period.name, entries, bySection };
  },
});
