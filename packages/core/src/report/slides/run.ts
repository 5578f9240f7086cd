import type { Catalog } from "../../events/catalog.js";
import type { AnyProjection, ProjectionOf } from "../../projection/projection.js";
import type { EventSource } from "../../projection/source.js";
import type { Period } from "../../time/period.js";
import type { ReportProvenance } from "../document/document.js";
import { replayMany, type ReportResults } from "../replay-many.js";
import type { ReplaySnapshots } from "../../snapshots/fold.js";
import type { SlideResults } from "./context.js";
import { buildSlidesDocument, defaultDeck, type SlideDeck } from "./deck.js";
import { slideColumns } from "./periods.js";
import { slideGoalsProjection } from "./goals.js";

export interface SlidesOptions {
  /** The cumulative period the slides follow up (1 January to a tertial's end), already checked. */
  readonly period: Period;
  readonly knownAt?: string;
  readonly generatedBy: string;
  readonly organisation?: string;
  readonly deck?: SlideDeck;
  readonly onProgress?: (linesRead: number) => void;
  readonly snapshots?: ReplaySnapshots;
}

const uniqueBy = <T>(items: readonly T[], key: (item: T) => unknown): T[] => items.filter((item, index) => items.findIndex((other) => key(other) === key(item)) === index);

/**
 * Builds the slides from a log: every projection the deck reads, replayed for each column's
 * period (the same tertial of three years, and their half-years), as known at the cut-off.
 */
export const generateSlides = async (source: EventSource, catalog: Catalog, options: SlidesOptions): Promise<{ document: ReturnType<typeof buildSlidesDocument>; evidence: Record<string, readonly string[]> }> => {
  const deck = options.deck ?? defaultDeck;
  const columns = slideColumns(options.period);
  const periods = uniqueBy([...columns.cumulative, ...columns.halfYear], (period) => period.name);
  // A projection the catalog lacks is not replayed: its slides say nothing. The slides' own goal
  // headings are read whatever the catalog holds.
  const projections: AnyProjection[] = uniqueBy(
    [slideGoalsProjection, ...deck.slides.flatMap((slide) => slide.reads)],
    (projection) => projection,
  ).filter((projection) => projection === slideGoalsProjection || catalog.projection(projection.name) !== undefined);
  const byPeriod = new Map<string, ReportResults>();
  let events = 0;
  // Each replay reads the same prefix of the log, so any of them names the head it verified.
  let logHash: string | null = null;
  for (const period of periods) {
    const replayed = await replayMany(source, catalog, projections.map((projection) => ({ projection, period: "report" as const })), { period, ...(options.knownAt === undefined ? {} : { knownAt: options.knownAt }), ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }), ...(options.snapshots === undefined ? {} : { snapshots: options.snapshots }) });
    byPeriod.set(period.name, replayed.results);
    events = replayed.events;
    logHash = replayed.head.hash;
  }
  const results: SlideResults = { get: <R>(projection: ProjectionOf<R>, period: Period) => byPeriod.get(period.name)?.get(projection) };
  const provenance: ReportProvenance = {
    logHash,
    eventCount: events,
    knownAt: options.knownAt ?? null,
    period: { name: options.period.name, start: options.period.start, end: options.period.end },
    generatedBy: options.generatedBy,
  };
  const document = buildSlidesDocument({ context: { period: options.period, columns, results }, provenance, deck, ...(options.organisation === undefined ? {} : { organisation: options.organisation }) });
  return { document, evidence: {} };
};
