import type { DomainEvent } from "../../events/envelope.js";
import { defineProjection, loadState, saveState, type AnyProjection, type Projection, type ProjectionContext } from "../../projection/projection.js";
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

const slot = (projection: AnyProjection, period: Period): string => `${projection.name}@${period.name}`;

const distinctProjections = (sources: readonly FigureSource[]): AnyProjection[] => [...new Map(sources.map((source) => [source.projection.name, source.projection])).values()];

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
 * state, so the whole remains one pure fold that checkpoints as JSON.
 */
export const createMetricsProjection = (sources: readonly FigureSource[]): Projection<MetricsState, MetricsResult> => {
  const byKey = new Map(sources.map((source) => [source.key, source]));
  const projections = distinctProjections(sources);
  const contextFor = (period: Period): ProjectionContext => ({ period });
  const byName = new Map(projections.map((projection) => [projection.name, projection]));
  const mapSources = (sourceStates: Record<string, unknown>, convert: (projection: AnyProjection, state: unknown) => unknown): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(sourceStates).map(([key, value]) => {
        const projection = byName.get(key.slice(0, key.lastIndexOf("@")));
        return [key, projection === undefined ? value : convert(projection, value)];
      }),
    );
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
    save: (state) => ({ facts: state.facts, periods: state.periods, sources: mapSources(state.sources, (projection, saved) => saveState(projection, saved)) }),
    load: (saved) => {
      const plain = saved as MetricsState;
      return { facts: plain.facts, periods: plain.periods, sources: mapSources(plain.sources, (projection, state) => loadState(projection, state)) };
    },
    result: (state, { period }) => {
      const results = new Map<string, unknown>();
      const figureAt: FigureAt = (key, params, at) => {
        const source = byKey.get(key);
        if (source === undefined) return "unknown-source";
        const name = slot(source.projection, at);
        if (!(name in state.sources)) return undefined;
        if (!results.has(name)) results.set(name, source.projection.result(state.sources[name], contextFor(at)));
        return source.compute(results.get(name), params);
      };
      const rows = Object.values(state.facts.metrics)
        .sort(byGoalThenOrder(state.facts))
        .map((metric) => evaluateMetric({ facts: state.facts, figureAt }, metric, period));
      return { period: period.name, rows };
    },
  });
};
