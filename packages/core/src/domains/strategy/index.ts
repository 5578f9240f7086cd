import type { DomainModule } from "../../events/catalog.js";
import { strategyEvents } from "./events.js";
import { createMetricFigures, metricFigureList, recordedResultFigures } from "./figures.js";
import { recordedResultsProjection } from "./recorded-results.js";
import { createMetricsProjection } from "./metrics.js";
import { createStrategyIntegrity } from "./rules.js";
import { metricResultSources } from "./sources.js";
import { strategyOverviewFigures, strategyOverviewProjection } from "./overview.js";

export * from "./events.js";
export * from "./status.js";
export * from "./periods.js";
export * from "./part-year.js";
export * from "./metrics-state.js";
export * from "./evaluate.js";
export * from "./metrics.js";
export * from "./figures.js";
export * from "./rules.js";
export * from "./sources.js";
export * from "./recorded-results.js";
export * from "./overview.js";
export * from "./wording.js";

/** The metrics projection over the built-in result sources. */
export const metricsProjection = createMetricsProjection(metricResultSources);

/** The figures of the built-in metrics table. */
export const metricFigures = createMetricFigures(metricsProjection);

export const strategyIntegrity = createStrategyIntegrity(metricResultSources.map((source) => source.key));

export const strategyModule: DomainModule = {
  name: "strategy",
  events: strategyEvents,
  rules: [strategyIntegrity],
  projections: [metricsProjection, recordedResultsProjection, strategyOverviewProjection],
  figures: [...metricFigureList(metricFigures), ...recordedResultFigures, ...strategyOverviewFigures],
};
