import type { Catalog } from "../events/catalog.js";
import { countingEvents } from "../projection/replay.js";
import type { AnyProjection, ProjectionContext } from "../projection/projection.js";
import type { EventSource } from "../projection/source.js";
import { comparisonPeriod, type Comparison, type Period } from "../time/period.js";

/** A projection a report reads, for the report period or a comparison period. */
export interface ReportProjectionNeed {
  readonly projection: string;
  readonly period: "report" | Comparison;
}

/** "staffing" for the report period, "grants@same-period-last-year" for a comparison. */
export const reportResultKey = (need: ReportProjectionNeed): string => (need.period === "report" ? need.projection : `${need.projection}@${need.period}`);

interface Running {
  readonly key: string;
  readonly projection: AnyProjection;
  readonly context: ProjectionContext;
  state: unknown;
}

export interface ReplayManyOptions {
  readonly period: Period;
  readonly knownAt?: string;
  readonly onProgress?: (linesRead: number) => void;
}

/** Folds several projections (and periods) over one read of the log. */
export const replayMany = async (source: EventSource, catalog: Catalog, needs: readonly ReportProjectionNeed[], options: ReplayManyOptions): Promise<{ results: Record<string, unknown>; events: number }> => {
  const running: Running[] = needs.flatMap((need) => {
    const projection = catalog.projection(need.projection);
    if (projection === undefined) return [];
    const period = need.period === "report" ? options.period : comparisonPeriod(options.period, need.period);
    const context: ProjectionContext = options.knownAt === undefined ? { period } : { period, knownAt: options.knownAt };
    return [{ key: reportResultKey(need), projection, context, state: projection.init(context) }];
  });
  let events = 0;
  for await (const event of countingEvents(source, catalog, options.knownAt)) {
    for (const entry of running) entry.state = entry.projection.evolve(entry.state, event, entry.context);
    events += 1;
    if (events % 1000 === 0) options.onProgress?.(events);
  }
  const results: Record<string, unknown> = {};
  for (const entry of running) results[entry.key] = entry.projection.result(entry.state, entry.context);
  return { results, events };
};
