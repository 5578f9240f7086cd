import type { DomainEvent } from "../../events/envelope.js";
import { MetricDefined } from "../strategy/events.js";

/** The figure an attendance metric's result comes from. */
const ATTENDANCE_SHARE = "attendance.share";

/** A metric the log defines on attendance (its result is the figure `attendance.share`): what it measures, under which goal, by its own name. */
export interface AttendanceMeasure {
  readonly metricId: string;
  readonly goalId: string;
  readonly name: string;
  /** The network it measures, when it measures one. */
  readonly network?: string;
  /** The network group it measures, when it measures one. */
  readonly group?: string;
}

/**
 * Learns a metric's definition into the attendance measures, in the order the log defines them
 * (mutating the list): a later definition of the same metric replaces it in place, and one whose
 * result no longer comes from attendance takes it out.
 */
export const learnMeasure = (measures: AttendanceMeasure[], event: DomainEvent): void => {
  if (!MetricDefined.is(event)) return;
  const { metricId, goalId, name, result } = event.data;
  const at = measures.findIndex((measure) => measure.metricId === metricId);
  if (result.from !== "figure" || result.key !== ATTENDANCE_SHARE) {
    if (at !== -1) measures.splice(at, 1);
    return;
  }
  const { network, group } = result.params ?? {};
  const measure: AttendanceMeasure = { metricId, goalId, name, ...(network === undefined ? {} : { network }), ...(group === undefined ? {} : { group }) };
  if (at === -1) measures.push(measure);
  else measures[at] = measure;
};
