import type { Catalog } from "../../events/catalog.js";
import { recordedBy } from "../../corrections/resolve.js";
import type { AnyProjection, ProjectionOf } from "../../projection/projection.js";
import type { EventSource } from "../../projection/source.js";
import { knownAtCutoff } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import type { ReportProvenance } from "../document/document.js";
import { replayMany, type ReportResults } from "../replay-many.js";
import type { SlideResults } from "./context.js";
import { buildSlidesDocument, defaultDeck, type SlideDeck } from "./deck.js";
import { slideColumns } from "./periods.js";

export interface SlidesOptions {
  /** The cumulative period the slides follow up (1 January to a tertial's end), already checked. */
  readonly period: Period;
  readonly knownAt?: string;
  readonly generatedBy: string;
  readonly organisation?: string;
  readonly deck?: SlideDeck;
  readonly onProgress?: (linesRead: number) => void;
}

/** The chain head as known at the cut-off, as the report's provenance names it. */
const headAt = async (source: EventSource, knownAt: string | undefined): Promise<string | null> => {
  const cutoff = knownAt === undefined ? undefined : knownAtCutoff(knownAt);
  let hash: string | null = null;
  for await (const stored of source.read()) {
    if (!recordedBy(stored, cutoff)) break;
    hash = stored.hash;
  }
  return hash;
};

const uniqueBy = <T>(items: readonly T[], key: (item: T) => unknown): T[] => items.filter((item, index) => items.findIndex((other) => key(other) === key(item)) === index);

/**
 * Builds the slides from a log: every projection the deck reads, replayed for each column's
 * period (the same tertial of three years, and their half-years), as known at the cut-off.
 */
export const generateSlides = async (source: EventSource, catalog: Catalog, options: SlidesOptions): Promise<{ document: ReturnType<typeof buildSlidesDocument>; evidence: Record<string, readonly string[]> }> => {
  const deck = options.deck ?? defaultDeck;
  const columns = slideColumns(options.period);
  const periods = uniqueBy([...columns.cumulative, ...columns.halfYear], (period) => period.name);
  // A projection the catalog lacks is not replayed: its slides say nothing.
  const projections: AnyProjection[] = uniqueBy(
    deck.slides.flatMap((slide) => slide.reads),
    (projection) => projection,
  ).filter((projection) => catalog.projection(projection.name) !== undefined);
  const byPeriod = new Map<string, ReportResults>();
  let events = 0;
  for (const period of periods) {
    const replayed = await replayMany(source, catalog, projections.map((projection) => ({ projection, period: "report" as const })), { period, ...(options.knownAt === undefined ? {} : { knownAt: options.knownAt }), ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) });
    byPeriod.set(period.name, replayed.results);
    events = replayed.events;
  }
  const results: SlideResults = { get: <R>(projection: ProjectionOf<R>, period: Period) => byPeriod.get(period.name)?.get(projection) };
  const provenance: ReportProvenance = {
    logHash: await headAt(source, options.knownAt),
    eventCount: events,
    knownAt: options.knownAt ?? null,
    period: { name: options.period.name, start: options.period.start, end: options.period.end },
    generatedBy: options.generatedBy,
  };
  const document = buildSlidesDocument({ context: { period: options.period, columns, results }, provenance, deck, ...(options.organisation === undefined ? {} : { organisation: options.organisation }) });
  return { document, evidence: {} };
};
