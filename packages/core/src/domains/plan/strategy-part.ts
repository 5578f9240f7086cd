import type { DataOf } from "../../events/definition.js";
import type { DomainEvent } from "../../events/envelope.js";
import { ActivityPlanned, type ActivityTiming } from "../activities/events.js";
import { FocusAreaEstablished, GoalEstablished, GoalLinkedToAgenda2030, MetricDefined, type Target } from "../strategy/events.js";

/**
 * The strategy a plan lays out (goals, Agenda 2030 links, focus areas, metrics with their targets,
 * planned activities), gathered as facts of their own domains; the baseline picks the plan's years.
 */
export interface PlanGoal {
  readonly goalId: string;
  readonly kind: "strategic" | "area";
  readonly number: string;
  readonly title: string;
  readonly parentGoalId: string | null;
  readonly areaId: string | null;
  /** Agenda 2030 global goals (1–17) the goal is linked to; empty when none is recorded. */
  readonly globalGoals: readonly number[];
}

export interface PlanFocusArea {
  readonly focusAreaId: string;
  readonly number: number;
  readonly title: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly areaId: string | null;
  readonly decidedOn: string | null;
  readonly decidedBy: string | null;
}

export interface PlanMetric {
  readonly metricId: string;
  readonly goalId: string;
  readonly name: string;
  readonly unit: string;
  readonly dataSource: string;
  readonly order: number | null;
  /** The target of each of the plan's years: the year's own, else the metric's general target. */
  readonly targets: readonly { readonly year: number; readonly target: Target }[];
}

export interface PlanActivity {
  readonly activityId: string;
  readonly title: string;
  readonly goalId: string;
  readonly year: number;
  readonly areaId: string | null;
  readonly order: number | null;
  readonly timing: ActivityTiming | null;
  readonly kind: string | null;
  readonly partners: readonly string[];
  readonly responsible: string | null;
  readonly conditions: string | null;
  readonly metricIds: readonly string[];
  /** The themes it serves: built in (the first organisation's 3 K) or the log's own. */
  readonly themes: readonly string[];
  readonly focusAreaIds: readonly string[];
}

interface MetricRecord {
  readonly metric: Omit<PlanMetric, "targets">;
  readonly general: Target;
  readonly byYear: readonly { readonly year: number; readonly target: Target }[];
}

export interface StrategyPart {
  goals: Record<string, Omit<PlanGoal, "globalGoals">>;
  agenda: Record<string, number[]>;
  focusAreas: Record<string, PlanFocusArea>;
  metrics: Record<string, MetricRecord>;
  activities: Record<string, PlanActivity & { readonly planId: string | null }>;
}

export const emptyStrategyPart = (): StrategyPart => ({ goals: {}, agenda: {}, focusAreas: {}, metrics: {}, activities: {} });

const activityOf = (data: DataOf<typeof ActivityPlanned>): PlanActivity & { readonly planId: string | null } => ({
  activityId: data.activityId,
  title: data.title,
  goalId: data.goalId,
  year: data.year,
  areaId: data.areaId ?? null,
  order: data.order ?? null,
  timing: data.timing ?? null,
  kind: data.kind ?? null,
  partners: data.partners ?? [],
  responsible: data.responsible ?? null,
  conditions: data.conditions ?? null,
  metricIds: data.metricIds ?? [],
  themes: data.themes ?? [],
  focusAreaIds: data.focusAreaIds ?? [],
  planId: data.planId ?? null,
});

/** Folds one strategy or activities fact into the part; returns whether it was one. */
export const evolveStrategyPart = (part: StrategyPart, event: DomainEvent): boolean => {
  if (GoalEstablished.is(event)) {
    const { goalId, kind, number, title, parentGoalId, areaId } = event.data;
    part.goals[goalId] = { goalId, kind, number, title, parentGoalId: parentGoalId ?? null, areaId: areaId ?? null };
  } else if (GoalLinkedToAgenda2030.is(event)) part.agenda[event.data.goalId] = [...event.data.globalGoals].sort((a, b) => a - b);
  else if (FocusAreaEstablished.is(event)) {
    const { focusAreaId, number, title, year, toYear, areaId, decidedOn, decidedBy } = event.data;
    part.focusAreas[focusAreaId] = { focusAreaId, number, title, fromYear: year, toYear, areaId: areaId ?? null, decidedOn: decidedOn ?? null, decidedBy: decidedBy ?? null };
  } else if (MetricDefined.is(event)) {
    const { metricId, goalId, name, unit, dataSource, order, target, targets } = event.data;
    part.metrics[metricId] = { metric: { metricId, goalId, name, unit, dataSource, order: order ?? null }, general: target, byYear: targets ?? [] };
  } else if (ActivityPlanned.is(event)) part.activities[event.data.activityId] = activityOf(event.data);
  else return false;
  return true;
};

/** "1" < "1.2" < "1.10" < "2": section numbers compared part by part, as numbers where they are. */
const compareNumbers = (a: string, b: string): number => {
  const left = a.split(".");
  const right = b.split(".");
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const x = left[index];
    const y = right[index];
    if (x === undefined || y === undefined) return x === undefined ? -1 : 1;
    const difference = Number(x) - Number(y);
    if (Number.isFinite(difference) && difference !== 0) return difference;
    if (!Number.isFinite(difference) && x !== y) return x < y ? -1 : 1;
  }
  return 0;
};
const byNumber = (a: { readonly number: string; readonly goalId: string }, b: { readonly number: string; readonly goalId: string }): number =>
  compareNumbers(a.number, b.number) || (a.goalId < b.goalId ? -1 : a.goalId > b.goalId ? 1 : 0);
const byOrderThenId = <T extends { readonly order: number | null }>(id: (row: T) => string) => (a: T, b: T): number => (a.order ?? 999) - (b.order ?? 999) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

const metricFor = (record: MetricRecord, years: readonly number[]): PlanMetric => ({
  ...record.metric,
  targets: years.map((year) => ({ year, target: record.byYear.find((entry) => entry.year === year)?.target ?? record.general })),
});

export interface PlanStrategy {
  readonly goals: readonly PlanGoal[];
  readonly focusAreas: readonly PlanFocusArea[];
  readonly metrics: readonly PlanMetric[];
  readonly activities: readonly PlanActivity[];
}

/** The strategy of a plan covering `years`: every goal, the focus areas and activities of those years, metrics with a target per year. */
export const strategyFor = (part: StrategyPart, planId: string, years: readonly number[]): PlanStrategy => {
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? 0;
  const goals = Object.values(part.goals)
    .sort(byNumber)
    .map((goal) => ({ ...goal, globalGoals: part.agenda[goal.goalId] ?? [] }));
  const focusAreas = Object.values(part.focusAreas)
    .filter((area) => area.fromYear <= last && area.toYear >= first)
    .sort((a, b) => a.number - b.number || (a.focusAreaId < b.focusAreaId ? -1 : 1));
  const metrics = Object.values(part.metrics)
    .map((record) => metricFor(record, years))
    .sort(byOrderThenId((row: PlanMetric) => row.metricId));
  const activities = Object.values(part.activities)
    .filter((row) => (row.planId === null || row.planId === planId) && row.year >= first && row.year <= last)
    .map(({ planId: _planId, ...row }) => row)
    .sort(byOrderThenId((row: PlanActivity) => row.activityId));
  return { goals, focusAreas, metrics, activities };
};
