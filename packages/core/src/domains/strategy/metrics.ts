import type { DomainEvent } from "../../events/envelope.js";
import { defineProjection, foldIdentity, type AnyProjection, type DomainFold, type FoldStateOf, type Projection, type ProjectionContext, type ResultFor } from "../../projection/projection.js";
import { ProjectionResults } from "../../projection/results.js";
import type { FigureSource } from "../../reconciliation/figure-source.js";
import type { Period } from "../../time/period.js";
import { evaluateMetric, type FigureAt, type MetricTableRow } from "./evaluate.js";
import { emptyStrategyFacts, learnStrategy, type MetricDefinition, type StrategyFacts } from "./metrics-state.js";
import { periodsNeeded } from "./periods.js";

export interface MetricsState {
  facts: StrategyFacts;
  /** The periods metrics of this report may ask about, fixed at init. */
  periods: Period[];
  /** State of each source projection for each period a metric may ask about, keyed "projection@period". */
  sources: Record<string, unknown>;
}

export interface MetricsResult {
  readonly period: string;
  readonly rows: readonly MetricTableRow[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SourceFold = DomainFold<any> & Partial<Pick<AnyProjection, "save" | "load">>;

const slot = (fold: SourceFold, period: Period): string => `${fold.name}@${period.name}`;

/** The folds behind the sources: views of one domain fold (the finance ledger) share one state. */
const distinctFolds = (sources: readonly FigureSource[]): SourceFold[] => [...new Map(sources.map((source) => [foldIdentity(source.projection).name, foldIdentity(source.projection)])).values()];

const saveFold = (fold: SourceFold, state: unknown): unknown => (fold.save === undefined ? JSON.parse(JSON.stringify(state)) : fold.save(state));
const loadFold = (fold: SourceFold, saved: unknown): unknown => (fold.load === undefined ? JSON.parse(JSON.stringify(saved)) : fold.load(saved));

const goalOrder = (facts: StrategyFacts, metric: MetricDefinition): string => (facts.goals[metric.goalId]?.number ?? "~").split(".").map((part) => part.padStart(4, "0")).join(".");

const byGoalThenOrder = (facts: StrategyFacts) => (a: MetricDefinition, b: MetricDefinition): number => {
  const left = goalOrder(facts, a);
  const right = goalOrder(facts, b);
  if (left !== right) return left < right ? -1 : 1;
  const order = (a.order ?? 999) - (b.order ?? 999);
  return order !== 0 ? order : a.metricId < b.metricId ? -1 : 1;
};

/**
 * The `metrics` projection over a set of result sources (figures of other projections: attendance,
 * grants, courses…). Each source projection is folded once per period a metric may need (the
 * report period, its first half, and their comparison periods), inside this projection's own
 * state, so the whole remains one pure fold that checkpoints as JSON. A report run reads the
 * same folds from its own instead (`shared`): each fold is then folded once per period in all.
 */
export const createMetricsProjection = (sources: readonly FigureSource[]): Projection<MetricsState, MetricsResult> => {
  const byKey = new Map(sources.map((source) => [source.key, source]));
  const projections = distinctFolds(sources);
  const contextFor = (period: Period): ProjectionContext => ({ period });
  const byName = new Map(projections.map((projection) => [projection.name, projection]));
  const mapSources = (sourceStates: Record<string, unknown>, convert: (fold: SourceFold, state: unknown) => unknown): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(sourceStates).map(([key, value]) => {
        const projection = byName.get(key.slice(0, key.lastIndexOf("@")));
        return [key, projection === undefined ? value : convert(projection, value)];
      }),
    );
  /** The metric rows from the facts and the source folds' states (undefined for a period not folded). */
  const resultOf = (facts: StrategyFacts, stateOf: FoldStateOf, period: Period, resultFor?: ResultFor): MetricsResult => {
    const resultsAt = new Map<string, ProjectionResults>();
    const figureAt: FigureAt = (key, params, at) => {
      const source = byKey.get(key);
      if (source === undefined) return "unknown-source";
      const results = resultsAt.get(at.name) ?? new ProjectionResults();
      resultsAt.set(at.name, results);
      return source.evaluate((projection) => {
        const shared = resultFor?.(projection, at);
        if (shared !== undefined) return shared;
        const state = stateOf(foldIdentity(projection), at);
        return state === undefined ? undefined : results.memo(projection, () => projection.result(state, contextFor(at)));
      }, params);
    };
    const rows = Object.values(facts.metrics)
      .sort(byGoalThenOrder(facts))
      .map((metric) => evaluateMetric({ facts, figureAt }, metric, period));
    return { period: period.name, rows };
  };
  return defineProjection<MetricsState, MetricsResult>({
    name: "metrics",
    description: "Metric rows (mätetal) per goal: target as printed, result, status (derived and assessed), trend and comparison values.",
    init: ({ period }) => {
      const initial: Record<string, unknown> = {};
      for (const needed of periodsNeeded(period)) for (const projection of projections) initial[slot(projection, needed)] = projection.init(contextFor(needed));
      return { facts: emptyStrategyFacts(), periods: periodsNeeded(period), sources: initial };
    },
    evolve: (state, event: DomainEvent, { period }) => {
      learnStrategy(state.facts, event, period.end);
      for (const needed of state.periods) {
        for (const projection of projections) {
          const key = slot(projection, needed);
          state.sources[key] = projection.evolve(state.sources[key], event, contextFor(needed));
        }
      }
      return state;
    },
    // Source projections checkpoint their own way; ours is the sum of theirs.
    save: (state) => ({ facts: state.facts, periods: state.periods, sources: mapSources(state.sources, saveFold) }),
    load: (saved) => {
      const plain = saved as MetricsState;
      return { facts: plain.facts, periods: plain.periods, sources: mapSources(plain.sources, loadFold) };
    },
    result: (state, { period }) => {
      const neededNames = new Set(state.periods.map((needed) => needed.name));
      return resultOf(state.facts, (fold, at) => (neededNames.has(at.name) ? state.sources[slot(fold, at)] : undefined), period);
    },
    shared: {
      own: factsFold,
      reads: (period) => periodsNeeded(period).flatMap((needed) => projections.map((fold) => ({ fold, period: needed }))),
      result: (own, stateOf, { period }, resultFor) => resultOf(own as StrategyFacts, stateOf, period, resultFor),
    },
  });
};

/** The metrics' own facts (goals, metrics, results), without the source folds: what a shared run folds for them. */
const factsFold: DomainFold<unknown> = {
  name: "metrics-facts",
  init: () => emptyStrategyFacts(),
  evolve: (state, event, { period }) => {
    learnStrategy(state as StrategyFacts, event, period.end);
    return state;
  },
};
