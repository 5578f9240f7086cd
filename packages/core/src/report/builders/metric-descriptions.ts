import { defineProjection } from "../../projection/projection.js";
import { MetricResultDescribed } from "../../domains/strategy/events.js";
import type { Period } from "../../time/period.js";

export interface MetricDescription {
  readonly from: string;
  readonly to: string;
  readonly markdown: string;
  readonly eventId: string;
}

export interface MetricDescriptionsResult {
  /** Per metric, the descriptions of results measured inside the report's period: one per span (from..to), the last recorded. */
  readonly byMetric: Readonly<Record<string, readonly MetricDescription[]>>;
}

/**
 * The metrics' result descriptions (Beskrivning av resultat) for the report's period. A
 * description speaks of the result of one span: it is printed beside that result only, never
 * beside a result of another span (a January–August text beside a whole year's figure). Per span
 * the last recorded wins. Local to the report (read only).
 */
export const metricDescriptionsProjection = defineProjection<{ byMetric: Record<string, Record<string, MetricDescription>> }, MetricDescriptionsResult>({
  name: "report-metric-descriptions",
  description: "Descriptions of metric results measured within the report period, per measured span.",
  // Revision 2: one description per span, not only the latest span's.
  revision: 2,
  init: () => ({ byMetric: {} }),
  evolve: (state, event, { period }) => {
    if (!MetricResultDescribed.is(event)) return state;
    const { metricId, from, to, markdown } = event.data;
    if (from < period.start || to > period.end) return state;
    (state.byMetric[metricId] ??= {})[`${from}..${to}`] = { from, to, markdown, eventId: event.id };
    return state;
  },
  result: (state) => ({ byMetric: Object.fromEntries(Object.entries(state.byMetric).map(([metricId, bySpan]) => [metricId, Object.values(bySpan)])) }),
});

/** The description of a metric's result measured over `measured`, if one was written for exactly that span. */
export const descriptionOfResult = (result: MetricDescriptionsResult | undefined, metricId: string, measured: Period): MetricDescription | undefined =>
  result?.byMetric[metricId]?.find((described) => described.from === measured.start && described.to === measured.end);
