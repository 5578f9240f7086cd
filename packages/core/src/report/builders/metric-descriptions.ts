import { defineProjection } from "../../projection/projection.js";
import { MetricResultDescribed } from "../../domains/strategy/events.js";

export interface MetricDescriptionsResult {
  /** Per metric, the description of the latest result measured inside the report's period. */
  readonly byMetric: Readonly<Record<string, { readonly from: string; readonly to: string; readonly markdown: string; readonly eventId: string }>>;
}

/**
 * The metrics' result descriptions (Beskrivning av resultat) for the report's period: a
 * description belongs to a result measured within it (a half-year result in a January–August
 * report too); the latest measured one wins. Local to the report (read only).
 */
export const metricDescriptionsProjection = defineProjection<{ byMetric: Record<string, MetricDescriptionsResult["byMetric"][string]> }, MetricDescriptionsResult>({
  name: "report-metric-descriptions",
  description: "Descriptions of metric results measured within the report period.",
  init: () => ({ byMetric: {} }),
  evolve: (state, event, { period }) => {
    if (!MetricResultDescribed.is(event)) return state;
    const { metricId, from, to, markdown } = event.data;
    if (from < period.start || to > period.end) return state;
    const known = state.byMetric[metricId];
    if (known === undefined || known.to <= to) state.byMetric[metricId] = { from, to, markdown, eventId: event.id };
    return state;
  },
  result: (state) => ({ byMetric: state.byMetric }),
});
