import type { DomainEvent } from "../../events/envelope.js";
import { defineProjection } from "../../projection/projection.js";
import { MetricResultRecorded } from "./events.js";

/** A metric's value as recorded for exactly one period, with the base of a share when given. */
export interface RecordedResult {
  readonly value: string;
  readonly base: string | null;
  readonly note: string | null;
  readonly eventId: string;
}

export interface RecordedResultsResult {
  readonly period: string;
  readonly byMetric: Readonly<Record<string, RecordedResult>>;
}

/**
 * Results recorded for exactly the period asked about, by metric, whether or not the metric was
 * defined then: how the tertial slides compare a tertial with the same tertial of earlier years,
 * from the totals a register kept before the measure was defined (2018 and 2019 of the 2020 plan).
 */
export const recordedResultsProjection = defineProjection<Record<string, RecordedResult>, RecordedResultsResult>({
  name: "recorded-metric-results",
  description: "Metric results recorded for exactly the period (from–to), by metric: earlier years' totals for year-on-year comparisons.",
  init: () => ({}),
  evolve: (state, event: DomainEvent, { period }) => {
    if (!MetricResultRecorded.is(event) || event.data.from !== period.start || event.data.to !== period.end) return state;
    const { metricId, value, base, note } = event.data;
    state[metricId] = { value, base: base ?? null, note: note ?? null, eventId: event.id };
    return state;
  },
  result: (state, { period }) => ({ period: period.name, byMetric: state }),
});
