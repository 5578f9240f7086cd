import type { Catalog } from "../events/catalog.js";
import type { StoredEvent } from "../events/envelope.js";
import { countingEvents } from "../projection/replay.js";
import { foldIdentity, type AnyProjection, type DomainFold, type ProjectionContext, type ProjectionOf } from "../projection/projection.js";
import { ProjectionResults } from "../projection/results.js";
import type { EventSource } from "../projection/source.js";
import { comparisonPeriod, type Comparison, type Period } from "../time/period.js";

/** Which period a report reads a projection for: the report's own, or a comparison period. */
export type ReportPeriodChoice = "report" | Comparison;

/** A projection a report reads, for the report period or a comparison period. */
export interface ReportProjectionNeed {
  readonly projection: AnyProjection;
  readonly period: ReportPeriodChoice;
}

/** Projection results of one report run, by projection object and period choice. */
export class ReportResults {
  private readonly byPeriod = new Map<ReportPeriodChoice, ProjectionResults>();

  set<R>(projection: ProjectionOf<R>, period: ReportPeriodChoice, result: R): this {
    const results = this.byPeriod.get(period) ?? new ProjectionResults();
    this.byPeriod.set(period, results.set(projection, result));
    return this;
  }

  get<R>(projection: ProjectionOf<R>, period: ReportPeriodChoice = "report"): R | undefined {
    return this.byPeriod.get(period)?.get(projection);
  }
}

interface Running {
  readonly fold: DomainFold<unknown>;
  readonly context: ProjectionContext;
  state: unknown;
  readonly views: ReportProjectionNeed[];
}

export interface ReplayManyOptions {
  readonly period: Period;
  readonly knownAt?: string;
  readonly onProgress?: (linesRead: number) => void;
}

/** One running fold per domain fold and period: views of the same fold (the money tables) share it. */
const plan = (needs: readonly ReportProjectionNeed[], options: ReplayManyOptions): Running[] => {
  const running = new Map<string, Running>();
  for (const need of needs) {
    const fold = foldIdentity(need.projection);
    const key = `${fold.name}@${need.period}`;
    const found = running.get(key);
    if (found !== undefined) {
      if (!found.views.some((view) => view.projection === need.projection)) found.views.push(need);
      continue;
    }
    const period = need.period === "report" ? options.period : comparisonPeriod(options.period, need.period);
    const context: ProjectionContext = options.knownAt === undefined ? { period } : { period, knownAt: options.knownAt };
    running.set(key, { fold, context, state: fold.init(context), views: [need] });
  }
  return [...running.values()];
};

/** Folds several projections (and periods) over one read of the log, each domain fold once per period; also where the chain head is as known at the cut-off. */
export const replayMany = async (
  source: EventSource,
  catalog: Catalog,
  needs: readonly ReportProjectionNeed[],
  options: ReplayManyOptions,
): Promise<{ results: ReportResults; events: number; folds: number; head: { hash: string | null; lines: number } }> => {
  const running = plan(needs, options);
  let events = 0;
  const head: { hash: string | null; lines: number } = { hash: null, lines: 0 };
  const recorded = (stored: StoredEvent): void => {
    head.hash = stored.hash;
    head.lines += 1;
  };
  for await (const event of countingEvents(source, catalog, options.knownAt, 0, recorded)) {
    for (const entry of running) entry.state = entry.fold.evolve(entry.state, event, entry.context);
    events += 1;
    if (events % 1000 === 0) options.onProgress?.(events);
  }
  const results = new ReportResults();
  for (const entry of running) for (const view of entry.views) results.set(view.projection, view.period, view.projection.result(entry.state, entry.context));
  return { results, events, folds: running.length, head };
};
