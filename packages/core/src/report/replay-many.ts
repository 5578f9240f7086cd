import type { Catalog } from "../events/catalog.js";
import { issue, showValue } from "../events/issues.js";
import { foldWithSnapshots, runningStateOf, type ReplaySnapshots } from "../snapshots/fold.js";
import { foldIdentity, type AnyProjection, type DomainFold, type ProjectionContext, type ProjectionOf, type ResultFor } from "../projection/projection.js";
import { knownAtOptionProblem, periodOptionProblem, ReplayError } from "../projection/replay.js";
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
  // Results made when first read: a view's result can cost more than folding a snapshot's tail, and a report need not read every view it folds for.
  private readonly pending = new Map<ReportPeriodChoice, Map<AnyProjection, () => unknown>>();

  set<R>(projection: ProjectionOf<R>, period: ReportPeriodChoice, result: R): this {
    const results = this.byPeriod.get(period) ?? new ProjectionResults();
    this.byPeriod.set(period, results.set(projection, result));
    return this;
  }

  /** A result `make` gives the first time it is read, and never if it is not. */
  setLazily<R>(projection: ProjectionOf<R>, period: ReportPeriodChoice, make: () => R): this {
    const pending = this.pending.get(period) ?? new Map<AnyProjection, () => unknown>();
    this.pending.set(period, pending.set(projection, make));
    return this;
  }

  get<R>(projection: ProjectionOf<R>, period: ReportPeriodChoice = "report"): R | undefined {
    const known = this.byPeriod.get(period)?.get(projection);
    if (known !== undefined) return known;
    const pending = this.pending.get(period);
    const make = pending?.get(projection);
    if (make === undefined) return undefined;
    // Stored by `setLazily` under this same projection object, whose result type it has. Made
    // before it stops being pending: a result that fails to be made fails again, never reads as absent.
    const made = make() as R;
    this.set(projection, period, made);
    pending?.delete(projection);
    return made;
  }

  has(projection: AnyProjection, period: ReportPeriodChoice): boolean {
    return this.byPeriod.get(period)?.has(projection) === true || this.pending.get(period)?.has(projection) === true;
  }
}

export interface Running {
  readonly fold: DomainFold<unknown>;
  readonly context: ProjectionContext;
  state: unknown;
}

export interface ReplayManyOptions {
  readonly period: Period;
  readonly knownAt?: string;
  readonly onProgress?: (linesRead: number) => void;
  /** Resume from the nearest snapshot, and take new ones while folding (see `ReplaySnapshots`). */
  readonly snapshots?: ReplaySnapshots;
  /** Read no event from this seq on (a report's later pass stops at its first pass's head). */
  readonly untilSeq?: number;
}

/** How a need's result is made once the folds are done. */
interface Wanted {
  readonly need: ReportProjectionNeed;
  readonly result: () => unknown;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type FoldAt = (fold: DomainFold<any>, period: Period) => Running | undefined;

/**
 * One running fold per domain fold and period: views of the same fold (the money tables) share
 * it, and so do projections that read other folds (the metrics, through `shared`).
 */
class Plan {
  readonly running = new Map<string, Running>();
  readonly wanted: Wanted[] = [];
  /** Results made, by projection and period name: a table's and a metric's read of one projection make it once. */
  private readonly made = new Map<AnyProjection, Map<string, unknown>>();

  constructor(private readonly options: ReplayManyOptions) {}

  private resultOf<R>(projection: ProjectionOf<R>, entry: Running): R {
    const byPeriod = this.made.get(projection) ?? new Map<string, unknown>();
    this.made.set(projection, byPeriod);
    const name = entry.context.period.name;
    // Stored below under this same projection object, whose result type it has.
    if (byPeriod.has(name)) return byPeriod.get(name) as R;
    const made = projection.result(runningStateOf(entry), entry.context);
    byPeriod.set(name, made);
    return made;
  }

  private readonly resultFor: ResultFor = (projection, period) => {
    const entry = this.found(foldIdentity(projection), period);
    return entry === undefined ? undefined : this.resultOf(projection, entry);
  };

  private contextOf(period: Period): ProjectionContext {
    return this.options.knownAt === undefined ? { period } : { period, knownAt: this.options.knownAt };
  }

  private readonly found: FoldAt = (fold, period) => this.running.get(`${fold.name}@${period.name}`);

  private readonly started: FoldAt = (fold, period) => {
    const found = this.found(fold, period);
    if (found !== undefined) return found;
    const context = this.contextOf(period);
    const made: Running = { fold, context, state: fold.init(context) };
    this.running.set(`${fold.name}@${period.name}`, made);
    return made;
  };

  /** How a need's result is made from the folds `at` gives; undefined when one of them is not there. */
  private maker(need: ReportProjectionNeed, at: FoldAt): (() => unknown) | undefined {
    const period = need.period === "report" ? this.options.period : comparisonPeriod(this.options.period, need.period);
    const { shared } = need.projection;
    if (shared === undefined) {
      const entry = at(foldIdentity(need.projection), period);
      return entry === undefined ? undefined : () => this.resultOf(need.projection, entry);
    }
    const own = at(shared.own, period);
    const reads = new Map(shared.reads(period).map(({ fold, period: read }) => [`${fold.name}@${read.name}`, at(fold, read)]));
    if (own === undefined || [...reads.values()].includes(undefined)) return undefined;
    const context = this.contextOf(period);
    return () =>
      shared.result(
        runningStateOf(own),
        (fold, read) => {
          const entry = reads.get(`${fold.name}@${read.name}`);
          return entry === undefined ? undefined : runningStateOf(entry);
        },
        context,
        this.resultFor,
      );
  }

  add(need: ReportProjectionNeed): void {
    if (this.wanted.some((known) => known.need.projection === need.projection && known.need.period === need.period)) return;
    const result = this.maker(need, this.started);
    if (result !== undefined) this.wanted.push({ need, result });
  }

  /** A need asked for after the pass: its result when every fold it reads was folded anyway (for another need). */
  late(need: ReportProjectionNeed): (() => unknown) | undefined {
    return this.maker(need, this.found);
  }
}

export interface ReplayManyResult {
  readonly results: ReportResults;
  /** Events folded (those that count) and running folds. */
  readonly events: number;
  readonly folds: number;
  /** The chain head as known at the cut-off, and how many events were recorded by then. */
  readonly head: { readonly hash: string | null; readonly lines: number };
  /** The snapshot the replay resumed from, if any. */
  readonly resumedAt?: number;
  /**
   * Adds to `results` a need no pass was planned for, when every fold it reads was folded for
   * another need (a text's comparison a metric folds anyway); false when it needs a pass of its own.
   */
  readonly adopt: (need: ReportProjectionNeed) => boolean;
}

/** Throws ReplayError, as `replay` does, naming the field, unless the period and known-at are a replay's: checked before any fold starts. */
const checkOptions = (options: unknown): void => {
  const problem =
    typeof options !== "object" || options === null
      ? { path: "", text: `options are ${options === undefined ? "missing" : `${showValue(options)}, not an object`}; expected { period: period("2020-T1..T2"), knownAt?: "2020-10-15" }` }
      : (periodOptionProblem((options as Partial<ReplayManyOptions>).period) ?? knownAtOptionProblem((options as Partial<ReplayManyOptions>).knownAt));
  if (problem !== undefined) throw new ReplayError(`replayMany: ${problem.text}`, [issue("invalid-field", problem.path, problem.text)]);
};

/** Folds several projections (and periods) over one read of the log, each domain fold once per period; also where the chain head is as known at the cut-off. */
export const replayMany = async (source: EventSource, catalog: Catalog, needs: readonly ReportProjectionNeed[], options: ReplayManyOptions): Promise<ReplayManyResult> => {
  checkOptions(options);
  const plan = new Plan(options);
  for (const need of needs) plan.add(need);
  const folded = await foldWithSnapshots(source, catalog, plan.running, options);
  const results = new ReportResults();
  for (const { need, result } of plan.wanted) results.setLazily(need.projection, need.period, result);
  const adopt = (need: ReportProjectionNeed): boolean => {
    const result = plan.late(need);
    if (result !== undefined) results.setLazily(need.projection, need.period, result);
    return result !== undefined;
  };
  return { results, events: folded.events, folds: plan.running.size, head: folded.head, adopt, ...(folded.resumedAt === undefined ? {} : { resumedAt: folded.resumedAt }) };
};
