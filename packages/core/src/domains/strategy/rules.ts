import { defineFigureRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { dec } from "../../numbers/decimal.js";
import { effectiveDateOf } from "../../time/effective.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { builtInFigures, inlineFigureProblems } from "../narrative/inline-figures.js";
import { FocusAreaEstablished, GoalEstablished, GoalLinkedToAgenda2030, GoalRenamed, MetricDefined, MetricResultDescribed, MetricResultRecorded, MetricStatusAssessed } from "./events.js";
import { measureKindOfUnit } from "./part-year.js";
import { heldKeyIssues } from "../restated-keys.js";

interface StrategyKnowledge {
  readonly references: KnownReferences;
  readonly goals: Map<string, string>;
  /** goalId → the date it is established from: a rename must not take effect before it. */
  readonly goalsFrom: Map<string, string>;
  /** goalId → the event establishing it: a correction may restate its own target's goal, never another's. */
  readonly goalsBy: Map<string, string>;
  /** metricId → the event defining it. */
  readonly metrics: Map<string, string>;
  /** focusAreaId → the event establishing it. */
  readonly focusAreas: Map<string, string>;
}

/** A strategic goal's number: any positive whole number, as many goals as the organisation has ("7", "12"; not "0" or "07"). */
const STRATEGIC_NUMBER = /^[1-9][0-9]*$/;

const goalIssues = (known: StrategyKnowledge, event: DomainEvent): Issue[] => {
  if (!GoalEstablished.is(event)) return [];
  const { goalId, kind, number, parentGoalId, areaId } = event.data;
  const found = heldKeyIssues(known.goalsBy.get(goalId), event, { noun: "goal", held: "established", key: goalId, path: "data.goalId" }, () => [issue("conflict", "data.goalId", `goal "${goalId}" is already established`)]);
  if (kind === "strategic" && !STRATEGIC_NUMBER.test(number)) found.push(issue("invalid-field", "data.number", "a strategic goal is numbered by a positive whole number", { expected: "1, 2, 3 … (no leading zero)", actual: number }));
  if (kind === "area" && parentGoalId === undefined) found.push(issue("invalid-field", "data.parentGoalId", "an area goal belongs to a strategic goal", { expected: "a strategic goal id" }));
  if (parentGoalId !== undefined && known.goals.get(parentGoalId) !== "strategic") found.push(issue("unknown-reference", "data.parentGoalId", `unknown strategic goal "${parentGoalId}"`, { expected: "a strategic goal established earlier", actual: parentGoalId }));
  if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
  return found;
};

/** A goal is reworded only once it is established, and from a date it exists on: the rename has nothing to reword otherwise. */
const renameIssues = (known: StrategyKnowledge, event: DomainEvent): Issue[] => {
  if (!GoalRenamed.is(event)) return [];
  const { goalId } = event.data;
  if (!known.goals.has(goalId)) return [issue("unknown-reference", "data.goalId", `unknown goal "${goalId}"`, { expected: "a goal established earlier in the log", actual: goalId })];
  const from = known.goalsFrom.get(goalId);
  const date = effectiveDateOf(event.effectiveAt);
  return from === undefined || date === undefined || date >= from ? [] : [issue("invalid-field", "effectiveAt", `goal "${goalId}" is established from ${from}: a rename before then rewords nothing`, { expected: `${from} or later`, actual: date })];
};

const requireMetric = (known: StrategyKnowledge, metricId: string): Issue[] =>
  known.metrics.has(metricId) ? [] : [issue("unknown-reference", "data.metricId", `unknown metric "${metricId}"`, { expected: "a metric defined earlier in the log", actual: metricId })];

const spanIssues = (event: DomainEvent, from: string, to: string): Issue[] => {
  const found: Issue[] = [];
  const date = effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;
  if (from > to) found.push(issue("invalid-field", "data.to", "ends before the period starts", { expected: `on or after ${from}`, actual: to }));
  else if (date < from || date > to) found.push(issue("invalid-field", "effectiveAt", "must fall inside the period the value is for", { expected: `${from}..${to}`, actual: event.effectiveAt }));
  return found;
};

const metricIssues = (known: StrategyKnowledge, event: DomainEvent, sourceKeys: ReadonlySet<string>): Issue[] => {
  if (!MetricDefined.is(event)) return [];
  const { metricId, goalId, result, target, partialThreshold, areaId, unit, partYearJudgement, measuredOver } = event.data;
  const found = heldKeyIssues(known.metrics.get(metricId), event, { noun: "metric", held: "defined", key: metricId, path: "data.metricId" }, () => [issue("conflict", "data.metricId", `metric "${metricId}" is already defined`)]);
  if (!known.goals.has(goalId)) found.push(issue("unknown-reference", "data.goalId", `unknown goal "${goalId}"`, { expected: "a goal established earlier in the log", actual: goalId }));
  if (result.from === "figure" && !sourceKeys.has(result.key)) found.push(issue("unknown-reference", "data.result.key", `no metric result source "${result.key}"`, { expected: [...sourceKeys].sort().join(", "), actual: result.key }));
  if (target.kind === "share-of-base" && target.base !== undefined && !sourceKeys.has(target.base.key)) found.push(issue("unknown-reference", "data.target.base.key", `no metric result source "${target.base.key}"`, { actual: target.base.key }));
  if (partialThreshold !== undefined && dec(partialThreshold).gt(1)) found.push(issue("invalid-field", "data.partialThreshold", "is a share of the target", { expected: "between 0 and 1", actual: partialThreshold }));
  if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
  if (partYearJudgement === "pro-rata" && measureKindOfUnit(unit) === "stock")
    found.push(issue("invalid-field", "data.partYearJudgement", `a ${unit} metric's result is a level, not a sum over the period: it is never pro-rated`, { expected: '"year-target" or "year-end-only"', actual: partYearJudgement }));
  if (partYearJudgement === "year-end-only" && measuredOver === "first-half-year")
    found.push(issue("invalid-field", "data.partYearJudgement", "a metric measured over the first half-year never reaches the year's end, so it would never be judged", { expected: '"year-target" or "pro-rata", or no measuredOver', actual: partYearJudgement }));
  found.push(...targetYearIssues(event.data.targets ?? []));
  return found;
};

const targetYearIssues = (targets: readonly { readonly year: number }[]): Issue[] => {
  const seen = new Set<number>();
  return targets.flatMap((target, index) => {
    if (!seen.has(target.year)) {
      seen.add(target.year);
      return [];
    }
    return [issue("conflict", `data.targets[${index}].year`, `a second target for ${target.year}`, { expected: "each year at most once", actual: String(target.year) })];
  });
};

const focusAreaIssues = (known: StrategyKnowledge, event: DomainEvent): Issue[] => {
  if (!FocusAreaEstablished.is(event)) return [];
  const { focusAreaId, year, toYear, areaId } = event.data;
  const found = heldKeyIssues(known.focusAreas.get(focusAreaId), event, { noun: "focus area", held: "established", key: focusAreaId, path: "data.focusAreaId" }, () => [
    issue("conflict", "data.focusAreaId", `focus area "${focusAreaId}" is already established`),
  ]);
  if (toYear < year) found.push(issue("invalid-field", "data.toYear", "the span ends before it starts", { expected: `${year} or later`, actual: String(toYear) }));
  if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
  return found;
};

const GLOBAL_GOALS = 17;

const agendaIssues = (known: StrategyKnowledge, event: DomainEvent): Issue[] => {
  if (!GoalLinkedToAgenda2030.is(event)) return [];
  const { goalId, globalGoals } = event.data;
  const found: Issue[] = known.goals.get(goalId) === "strategic" ? [] : [issue("unknown-reference", "data.goalId", `unknown strategic goal "${goalId}"`, { expected: "a strategic goal established earlier", actual: goalId })];
  globalGoals.forEach((number, index) => {
    if (number > GLOBAL_GOALS) found.push(issue("invalid-field", `data.globalGoals[${index}]`, "Agenda 2030 has 17 global goals", { expected: "1 to 17", actual: String(number) }));
    else if (globalGoals.indexOf(number) !== index) found.push(issue("conflict", `data.globalGoals[${index}]`, `global goal ${number} is listed twice`, { actual: String(number) }));
  });
  return found;
};

/** Goals, metrics, results and assessments must refer to what is established, with sensible periods; a result's description names figures of the catalog. */
export const createStrategyIntegrity = (sourceKeys: readonly string[]) => {
  const keys = new Set(sourceKeys);
  return defineFigureRule<StrategyKnowledge>(builtInFigures, (catalogFigures) => ({
    name: "strategy-integrity",
    learnsFrom: [...REFERENCE_FACTS, ...[GoalEstablished, MetricDefined, FocusAreaEstablished].map((definition) => definition.type)],
    // Revision 2: the state knows the date each goal is established from. 3: the event establishing each goal, metric and focus area.
    revision: 3,
    init: () => ({ references: new KnownReferences(), goals: new Map(), goalsFrom: new Map(), goalsBy: new Map(), metrics: new Map(), focusAreas: new Map() }),
    learn: (known, event) => {
      known.references.learn(event);
      if (GoalEstablished.is(event)) {
        known.goals.set(event.data.goalId, event.data.kind);
        known.goalsBy.set(event.data.goalId, event.id);
        const from = effectiveDateOf(event.effectiveAt);
        if (from !== undefined) known.goalsFrom.set(event.data.goalId, from);
      }
      if (MetricDefined.is(event)) known.metrics.set(event.data.metricId, event.id);
      if (FocusAreaEstablished.is(event)) known.focusAreas.set(event.data.focusAreaId, event.id);
    },
    check: (known, event) => {
      if (MetricResultDescribed.is(event)) {
        const figures = inlineFigureProblems(event.data.markdown, catalogFigures()).map((problem) => issue("invalid-field", "data.markdown", problem));
        return [...requireMetric(known, event.data.metricId), ...spanIssues(event, event.data.from, event.data.to), ...figures];
      }
      if (MetricResultRecorded.is(event) || MetricStatusAssessed.is(event)) return [...requireMetric(known, event.data.metricId), ...spanIssues(event, event.data.from, event.data.to)];
      return [...goalIssues(known, event), ...renameIssues(known, event), ...metricIssues(known, event, keys), ...focusAreaIssues(known, event), ...agendaIssues(known, event)];
    },
  }));
};
