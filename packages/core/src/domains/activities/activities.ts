import type { DomainEvent } from "../../events/envelope.js";
import { defineProjection } from "../../projection/projection.js";
import { toCivil, type IsoDate } from "../../time/calendar.js";
import { effectiveDateOf } from "../../time/effective.js";
import { contains, type Period } from "../../time/period.js";
import { ActivityMovedToNextYear, ActivityPlanned, ActivityStatusChanged, type ActivityStatusCode } from "./events.js";

interface StatusStep {
  date: string;
  status: ActivityStatusCode;
  comment?: string;
  eventId: string;
}

interface ActivityRecord {
  activityId: string;
  title: string;
  goalId: string;
  areaId?: string;
  order?: number;
  planId?: string;
  plannedYear: number;
  year: number;
  movedFrom?: number;
  steps: StatusStep[];
  eventIds: string[];
}

export interface ActivitiesState {
  activities: Record<string, ActivityRecord>;
}

export interface PlannedActivityRow {
  readonly activityId: string;
  readonly title: string;
  readonly goalId: string;
  readonly areaId: string | null;
  /** The plan that planned it, when a plan did (version 2 of `activities.activity-planned`). */
  readonly planId: string | null;
  readonly year: number;
  /** The year it was carried over from, when it was. */
  readonly movedFrom: number | null;
  /** The status at the period's end; "not-started" until one is recorded. */
  readonly status: ActivityStatusCode;
  readonly comment: string | null;
  readonly changesInPeriod: readonly { readonly date: string; readonly status: ActivityStatusCode; readonly comment: string | null }[];
  readonly evidence: readonly string[];
}

export interface ActivitiesResult {
  readonly period: string;
  readonly activities: readonly PlannedActivityRow[];
  /** Activities of the period's year carried over to a later year. */
  readonly movedOut: readonly { readonly activityId: string; readonly title: string; readonly toYear: number }[];
}

const evolveActivities = (state: ActivitiesState, event: DomainEvent, period: Period): ActivitiesState => {
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > period.end) return state;
  if (ActivityPlanned.is(event)) {
    const { activityId, title, goalId, areaId, order, year, planId } = event.data;
    state.activities[activityId] = { activityId, title, goalId, plannedYear: year, year, steps: [], eventIds: [event.id], ...(areaId === undefined ? {} : { areaId }), ...(order === undefined ? {} : { order }), ...(planId === undefined ? {} : { planId }) };
    return state;
  }
  const record = ActivityStatusChanged.is(event) || ActivityMovedToNextYear.is(event) ? state.activities[event.data.activityId] : undefined;
  if (record === undefined) return state;
  record.eventIds.push(event.id);
  if (ActivityStatusChanged.is(event)) record.steps.push({ date, status: event.data.status, eventId: event.id, ...(event.data.comment === undefined ? {} : { comment: event.data.comment }) });
  if (ActivityMovedToNextYear.is(event)) {
    record.movedFrom = record.year;
    record.year = event.data.toYear;
  }
  return state;
};

const latestStep = (record: ActivityRecord): StatusStep | undefined => [...record.steps].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).pop();

const rowOf = (record: ActivityRecord, period: Period): PlannedActivityRow => {
  const latest = latestStep(record);
  return {
    activityId: record.activityId,
    title: record.title,
    goalId: record.goalId,
    areaId: record.areaId ?? null,
    planId: record.planId ?? null,
    year: record.year,
    movedFrom: record.movedFrom ?? null,
    status: latest?.status ?? "not-started",
    comment: latest?.comment ?? null,
    changesInPeriod: record.steps.filter((step) => contains(period, step.date as IsoDate)).map((step) => ({ date: step.date, status: step.status, comment: step.comment ?? null })),
    evidence: [...record.eventIds].sort(),
  };
};

const byGoalThenOrder = (a: ActivityRecord, b: ActivityRecord): number =>
  a.goalId !== b.goalId ? (a.goalId < b.goalId ? -1 : 1) : (a.order ?? 999) - (b.order ?? 999) || (a.activityId < b.activityId ? -1 : 1);

/** The activity table of a report: the activities of the period's year with their status at its end. */
export const activitiesProjection = defineProjection<ActivitiesState, ActivitiesResult>({
  name: "activities",
  description: "Planned activities of the period's year per goal, each with its Bilaga 1 status and comment at the period's end; activities carried over.",
  init: () => ({ activities: {} }),
  evolve: (state, event, { period }) => evolveActivities(state, event, period),
  result: (state, { period }) => {
    const year = toCivil(period.end).year;
    const all = Object.values(state.activities).sort(byGoalThenOrder);
    return {
      period: period.name,
      activities: all.filter((record) => record.year === year).map((record) => rowOf(record, period)),
      movedOut: all.filter((record) => record.plannedYear === year && record.year > year).map((record) => ({ activityId: record.activityId, title: record.title, toYear: record.year })),
    };
  },
});
