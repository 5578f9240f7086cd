import type { DomainEvent } from "../../events/envelope.js";
import type { EventOf } from "../../events/definition.js";
import { effectiveDateOf } from "../../time/effective.js";
import { GoalEstablished, MetricDefined, MetricResultRecorded, MetricStatusAssessed } from "./events.js";

export type MetricDefinition = EventOf<typeof MetricDefined>["data"] & { readonly eventId: string };

export interface GoalRecord {
  readonly goalId: string;
  readonly kind: string;
  readonly number: string;
  readonly title: string;
  readonly parentGoalId?: string;
}

export interface PeriodValue {
  readonly from: string;
  readonly to: string;
  readonly value: string;
  readonly base?: string;
  readonly note?: string;
  readonly eventId: string;
}

export interface Assessment {
  readonly from: string;
  readonly to: string;
  readonly status: string;
  readonly comment?: string;
  readonly eventId: string;
}

/** What the metrics projection learns from strategy events (everything else goes to source projections). */
export interface StrategyFacts {
  goals: Record<string, GoalRecord>;
  metrics: Record<string, MetricDefinition>;
  recorded: Record<string, PeriodValue[]>;
  assessed: Record<string, Assessment[]>;
}

export const emptyStrategyFacts = (): StrategyFacts => ({ goals: {}, metrics: {}, recorded: {}, assessed: {} });

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** Learns one event if it is a strategy fact in force by `end`; later facts (and recorded values of any period) stay out. */
export const learnStrategy = (facts: StrategyFacts, event: DomainEvent, end: string): void => {
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > end) return;
  if (GoalEstablished.is(event)) {
    const { goalId, kind, number, title, parentGoalId } = event.data;
    facts.goals[goalId] = { goalId, kind, number, title, ...optional("parentGoalId", parentGoalId) };
  } else if (MetricDefined.is(event)) {
    facts.metrics[event.data.metricId] = { ...event.data, eventId: event.id };
  } else if (MetricResultRecorded.is(event)) {
    const { metricId, from, to, value, base, note } = event.data;
    (facts.recorded[metricId] ??= []).push({ from, to, value, eventId: event.id, ...optional("base", base), ...optional("note", note) });
  } else if (MetricStatusAssessed.is(event)) {
    const { metricId, from, to, status, comment } = event.data;
    (facts.assessed[metricId] ??= []).push({ from, to, status, eventId: event.id, ...optional("comment", comment) });
  }
};
