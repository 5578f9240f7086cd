import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { IndicatorValueRecorded } from "./events.js";

export interface IndicatorValue {
  readonly indicatorId: string;
  readonly name: string;
  readonly unit: string;
  readonly value: string;
  /** The effective date the value holds from. */
  readonly from: string;
  readonly eventId: string;
}

export interface IndicatorsResult {
  readonly byIndicator: Readonly<Record<string, IndicatorValue>>;
}

interface IndicatorsState {
  byIndicator: Record<string, IndicatorValue>;
}

/** Each indicator's value in force at the period's end: the latest effective on or before it (the later recorded wins a tie). */
export const indicatorsProjection = defineProjection<IndicatorsState, IndicatorsResult>({
  name: "indicators",
  description: "Key figures no other register holds: each indicator's value in force at the period's end.",
  init: () => ({ byIndicator: {} }),
  evolve: (state, event, { period }) => {
    if (!IndicatorValueRecorded.is(event)) return state;
    const from = effectiveDateOf(event.effectiveAt);
    if (from === undefined || from > period.end) return state;
    const known = state.byIndicator[event.data.indicatorId];
    if (known === undefined || known.from <= from) state.byIndicator[event.data.indicatorId] = { ...event.data, from, eventId: event.id };
    return state;
  },
  result: (state) => ({ byIndicator: state.byIndicator }),
});
