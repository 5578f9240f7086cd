import type { Catalog } from "../events/catalog.js";
import type { StoredEvent } from "../events/envelope.js";
import type { EventSource } from "../projection/source.js";
import { knownAtCutoff } from "../time/effective.js";
import type { FigureEvidence } from "./builders/context.js";
import type { BuiltReport } from "./builders/house.js";
import type { ReportFigure } from "./document/figure.js";
import { reportFiguresOf } from "./document/walk.js";
import { fragmentCache, textCauses, type TextAttribution } from "./diff/causes.js";
import { diffDocumentText, type ReportTextPlace } from "./diff/text.js";

export type { TextAttribution } from "./diff/causes.js";
export type { ReportTextBlock, ReportTextPlace } from "./diff/text.js";
import { generateReport, ReportError, type ReportOptions } from "./run.js";

/** An event recorded between the two cut-offs that the change rests on. */
export interface DiffCausingEvent {
  readonly id: string;
  readonly type: string;
  readonly recordedAt: string;
  readonly effectiveAt: string;
  readonly supersedes?: string;
  readonly retracts?: string;
}

export interface ReportFigureChange {
  readonly key: string;
  readonly section: string;
  /** null: the figure was not in the report as known at A (or at B). */
  readonly before: ReportFigure | null;
  readonly after: ReportFigure | null;
  /** False when both sides print the same text and only the exact value changed (a rounded figure moved within its rounding). */
  readonly printedChanged: boolean;
  /**
   * How the events were found: "evidence" when the projection names the events behind the
   * figure; "domain" when only the owning domain is known (all its events recorded in between).
   */
  readonly attribution: "evidence" | "domain";
  readonly events: readonly DiffCausingEvent[];
}

/**
 * A text of the report that differs between A and B: a paragraph or notice rewritten, added or
 * removed; a heading; a table's caption, a row added or removed, a cell that is not a figure; a
 * metric's or activity's wording or status; the title page. Never a figure: a text that differs
 * only in its figures is not listed, and a cell that prints a figure is a figure change.
 */
export interface ReportTextChange extends ReportTextPlace {
  readonly change: "added" | "removed" | "changed";
  /** As printed in the report as known at A (figures included); null when added. */
  readonly before: string | null;
  /** As printed as known at B; null when removed. */
  readonly after: string | null;
  readonly attribution: TextAttribution;
  readonly events: readonly DiffCausingEvent[];
}

export interface ReportDiff {
  readonly knownAtA: string;
  readonly knownAtB: string;
  /** The figures that differ (their shape is unchanged since the first diff). */
  readonly changes: readonly ReportFigureChange[];
  /** The texts that differ, in document order. */
  readonly textChanges: readonly ReportTextChange[];
}

const sameFigure = (a: ReportFigure | null, b: ReportFigure | null): boolean => a !== null && b !== null && a.exact === b.exact && a.text === b.text;

/** The evidence entry with the longest key that prefixes the figure key. */
const evidenceFor = (evidence: FigureEvidence, key: string): readonly string[] | undefined => {
  let best: string | undefined;
  for (const prefix of Object.keys(evidence)) if (key.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  return best === undefined ? undefined : evidence[best];
};

interface Between {
  readonly events: readonly StoredEvent[];
  /** The type of every event recorded by B, so a correction can be traced to what it corrects. */
  readonly typeOf: ReadonlyMap<string, string>;
}

/** The events those in between correct, read again only when a text change needs their words. */
const correctedBy = async (source: EventSource, between: Between): Promise<Map<string, StoredEvent>> => {
  const wanted = new Set(between.events.map(targetOf).filter((id): id is string => id !== undefined));
  const found = new Map<string, StoredEvent>();
  if (wanted.size === 0) return found;
  for await (const stored of source.read()) {
    if (wanted.has(stored.id)) found.set(stored.id, stored);
    if (found.size === wanted.size) break;
  }
  return found;
};

const textChangesOf = async (source: EventSource, between: Between, a: BuiltReport, b: BuiltReport): Promise<ReportTextChange[]> => {
  const changes = diffDocumentText(a.document, b.document);
  if (changes.length === 0) return [];
  const corrected = await correctedBy(source, between);
  const fragments = fragmentCache();
  return changes.map(({ refs, ...change }) => {
    const found = textCauses({ events: between.events, corrected }, change, refs, fragments);
    return { ...change, attribution: found.attribution, events: found.events.map(causing) };
  });
};

const eventsBetween = async (source: EventSource, from: number, to: number): Promise<Between> => {
  const events: StoredEvent[] = [];
  const typeOf = new Map<string, string>();
  for await (const stored of source.read()) {
    const at = Date.parse(stored.recordedAt);
    if (at > to) break;
    typeOf.set(stored.id, stored.type);
    if (at > from) events.push(stored);
  }
  return { events, typeOf };
};

const causing = (stored: StoredEvent): DiffCausingEvent => ({
  id: stored.id,
  type: stored.type,
  recordedAt: stored.recordedAt,
  effectiveAt: stored.effectiveAt,
  ...(stored.supersedes === undefined ? {} : { supersedes: stored.supersedes }),
  ...(stored.retracts === undefined ? {} : { retracts: stored.retracts }),
});

/**
 * Event types of the module that owns the figure: the one whose figure definition computed it
 * (a figure in a text or on a slide: "finance.outcome"), else the one owning the projection its
 * report key names ("staffing.fte@…" → staff).
 */
const domainTypes = (catalog: Catalog, key: string, definitionKey: string | undefined): Set<string> => {
  const source = definitionKey === undefined ? undefined : catalog.figure(definitionKey);
  const projection = source?.projection.name ?? key.slice(0, key.indexOf("."));
  const owner =
    catalog.modules.find((module) => source !== undefined && (module.figures ?? []).includes(source)) ??
    catalog.modules.find((module) => (module.projections ?? []).some((candidate) => candidate.name === projection));
  return new Set<string>((owner?.events ?? []).map((definition) => definition.type));
};

const targetOf = (stored: StoredEvent): string | undefined => stored.supersedes ?? stored.retracts;

/**
 * The events behind a change: those recorded in between that the figure's evidence names (or
 * that correct an event it names); when the projection names no evidence, or none of it was
 * recorded in between, every event in between of the owning domain's types (or correcting one).
 */
const attribute = (catalog: Catalog, between: Between, a: BuiltReport, b: BuiltReport, key: string, figures: readonly (ReportFigure | null)[]): Pick<ReportFigureChange, "attribution" | "events"> => {
  // A figure computed through a definition (in a text, on a slide) carries its own evidence.
  const carried = figures.flatMap((figure) => figure?.evidence ?? []);
  const before = evidenceFor(a.evidence, key);
  const after = evidenceFor(b.evidence, key);
  if (before !== undefined || after !== undefined || carried.length > 0) {
    const ids = new Set([...(before ?? []), ...(after ?? []), ...carried]);
    const found = between.events.filter((stored) => ids.has(stored.id) || ids.has(targetOf(stored) ?? ""));
    if (found.length > 0) return { attribution: "evidence", events: found.map(causing) };
  }
  const types = domainTypes(catalog, key, figures.find((figure) => figure?.definition !== undefined)?.definition?.key);
  const feeds = (stored: StoredEvent): boolean => types.has(stored.type) || types.has(between.typeOf.get(targetOf(stored) ?? "") ?? "");
  return { attribution: "domain", events: between.events.filter(feeds).map(causing) };
};

/** "now" means everything recorded: the report as we know it today. */
export const KNOWN_NOW = "now";

const cutoff = (knownAt: string): number => {
  if (knownAt === KNOWN_NOW) return Number.POSITIVE_INFINITY;
  const value = knownAtCutoff(knownAt);
  if (value === undefined) throw new ReportError(`known-at "${knownAt}" is neither a date YYYY-MM-DD nor an instant with offset`);
  return value;
};

/**
 * Every figure and every text that differs between the report as known at A and as known at B,
 * with the events recorded after A and up to B that caused it. No events in between: no
 * changes. Either date may be "now" (everything recorded).
 */
export const diffReports = async (source: EventSource, catalog: Catalog, options: Omit<ReportOptions, "knownAt">, knownAtA: string, knownAtB: string): Promise<ReportDiff> => {
  const [from, to] = [cutoff(knownAtA), cutoff(knownAtB)];
  if (from > to) throw new ReportError(`the first --known-at (${knownAtA}) must not be later than the second (${knownAtB})`);
  const knownOption = (knownAt: string) => (knownAt === KNOWN_NOW ? {} : { knownAt });
  const a = await generateReport(source, catalog, { ...options, ...knownOption(knownAtA) });
  const b = await generateReport(source, catalog, { ...options, ...knownOption(knownAtB) });
  const figuresA = reportFiguresOf(a.document);
  const figuresB = reportFiguresOf(b.document);
  const keys = [...new Set([...figuresB.keys(), ...figuresA.keys()])];
  const between = await eventsBetween(source, from, to);
  const changes: ReportFigureChange[] = [];
  for (const key of keys) {
    const before = figuresA.get(key) ?? null;
    const after = figuresB.get(key) ?? null;
    if (sameFigure(before?.figure ?? null, after?.figure ?? null)) continue;
    const printedChanged = before === null || after === null || before.figure.text !== after.figure.text;
    changes.push({ key, section: (after ?? before)?.section ?? "", before: before?.figure ?? null, after: after?.figure ?? null, printedChanged, ...attribute(catalog, between, a, b, key, [before?.figure ?? null, after?.figure ?? null]) });
  }
  return { knownAtA, knownAtB, changes, textChanges: await textChangesOf(source, between, a, b) };
};
