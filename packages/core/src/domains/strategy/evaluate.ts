import { dec, toDecimalString, type Decimal } from "../../numbers/decimal.js";
import { roundTo } from "../../numbers/rounding.js";
import { isUnitId, UNITS } from "../../numbers/units.js";
import type { FigureSource } from "../../reconciliation/figure-source.js";
import { comparisonPeriod, type Comparison, type Period } from "../../time/period.js";
import type { MetricStatusCode } from "./events.js";
import type { MetricDefinition, StrategyFacts } from "./metrics-state.js";
import { judgePartYear, type PartYearView } from "./part-year.js";
import { measuredPeriod } from "./periods.js";
import { deriveStatus, trendOf, type MetricTrend } from "./status.js";

/** A value of a metric for one period, and where it came from. */
export interface MetricValue {
  readonly period: string;
  readonly value: string;
  readonly source: "computed" | "recorded";
  readonly evidence: readonly string[];
  readonly derivation?: string;
  /** Other ways the source says a document may have arrived at the value, kept for the audit. */
  readonly alternatives?: readonly { readonly value: string; readonly cause: string }[];
}

export interface MetricTarget {
  readonly kind: "fixed" | "share-of-base" | "same-period-last-year" | "none";
  /** What the report prints in the target column: the value, the base, or last year's result. */
  readonly printed: string | null;
  /** The value the result is held against (share × base for a share-of-base target). */
  readonly effective: string | null;
  readonly share?: string;
  /** The events the target rests on: the metric's definition (where its value or share is set), and the base or last year's result. */
  readonly evidence: readonly string[];
  /**
   * How a result for part of the year is held against the year's target, when the metric's
   * `partYearJudgement` makes it other than the year's target itself: pro rata (`effective` is
   * then the scaled target, `printed` still the year's), not before the year's end, or pro rata
   * asked for but not applied. Absent for the default.
   */
  readonly partYear?: PartYearView;
  /** False when the result is not judged yet (year-end-only, before the year's end): no derived status. */
  readonly judged?: false;
}

export interface MetricStatusView {
  readonly derived: MetricStatusCode | null;
  readonly assessed: MetricStatusCode | null;
  /** The status the report shows: the authored assessment when there is one. */
  readonly shown: MetricStatusCode | null;
  readonly overridden: boolean;
  readonly comment?: string;
  readonly assessmentEventId?: string;
}

export interface MetricTableRow {
  readonly metricId: string;
  readonly goalId: string;
  readonly goalNumber: string | null;
  readonly name: string;
  readonly unit: string;
  readonly direction: string;
  readonly measuredPeriod: string;
  readonly target: MetricTarget;
  readonly result: MetricValue | null;
  /** result ÷ base for share-of-base targets ("3 ansökningar (37 %)"). */
  readonly shareOfBase: string | null;
  readonly status: MetricStatusView;
  /** The trend against the metric's named comparison, with the value compared with. */
  readonly trend: { readonly against: Comparison; readonly period: string; readonly comparedWith: string | null; readonly value: MetricTrend | null } | null;
  /** Each comparison period's value and, for a share-of-base metric, its base then ("sökt belopp 2019"). */
  readonly comparisons: readonly { readonly comparison: Comparison; readonly period: string; readonly value: MetricValue | null; readonly base?: MetricValue }[];
}

/** How a row reads the sources: the figure's value for a period, computed from the source projection's result there. */
export type FigureAt = (key: string, params: Readonly<Record<string, string>>, period: Period) => ReturnType<FigureSource["evaluate"]> | "unknown-source";

interface Evaluation {
  readonly facts: StrategyFacts;
  readonly figureAt: FigureAt;
}

const recordedFor = (facts: StrategyFacts, metricId: string, period: Period) => {
  const matching = (facts.recorded[metricId] ?? []).filter((entry) => entry.from === period.start && entry.to === period.end);
  return matching[matching.length - 1];
};

/** A figure-sourced metric takes the computed value; where the facts say nothing it falls back to a recorded one. */
const valueFor = ({ facts, figureAt }: Evaluation, metric: MetricDefinition, period: Period): MetricValue | null => {
  if (metric.result.from === "figure") {
    const computed = figureAt(metric.result.key, metric.result.params ?? {}, period);
    if (computed !== undefined && computed !== "unknown-source") {
      const alternatives = (computed.alternatives ?? []).map((alternative) => ({ value: toDecimalString(alternative.exact), cause: alternative.cause }));
      return {
        period: period.name,
        value: toDecimalString(computed.exact),
        source: "computed",
        evidence: computed.evidence,
        ...(computed.derivation === undefined ? {} : { derivation: computed.derivation }),
        ...(alternatives.length === 0 ? {} : { alternatives }),
      };
    }
  }
  const recorded = recordedFor(facts, metric.metricId, period);
  return recorded === undefined ? null : { period: period.name, value: recorded.value, source: "recorded", evidence: [recorded.eventId], ...(recorded.note === undefined ? {} : { derivation: recorded.note }) };
};

/**
 * The metric's target for a period: the one a plan set for the year the period ends in
 * (`targets`), else the metric's own `target`.
 */
export const targetIn = (metric: Pick<MetricDefinition, "target" | "targets">, period: Period): MetricDefinition["target"] => {
  const year = Number(period.end.slice(0, 4));
  return metric.targets?.find((entry) => entry.year === year)?.target ?? metric.target;
};

/** The base of a share-of-base metric for a period as a value with its evidence: the figure the target names, else the recorded base. */
const baseValueFor = (evaluation: Evaluation, metric: MetricDefinition, period: Period): MetricValue | undefined => {
  const target = targetIn(metric, period);
  if (target.kind !== "share-of-base") return undefined;
  const ref = target.base;
  if (ref !== undefined) {
    const computed = evaluation.figureAt(ref.key, ref.params ?? {}, period);
    if (computed !== undefined && computed !== "unknown-source") return { period: period.name, value: toDecimalString(computed.exact), source: "computed", evidence: computed.evidence };
  }
  const recorded = recordedFor(evaluation.facts, metric.metricId, period);
  return recorded?.base === undefined ? undefined : { period: period.name, value: recorded.base, source: "recorded", evidence: [recorded.eventId], derivation: "recorded base" };
};

/** The target the result is held against for the measured period: the year's target, or the part of it the metric's `partYearJudgement` asks for. */
const targetFor = (evaluation: Evaluation, metric: MetricDefinition, period: Period): MetricTarget => {
  const target = yearTargetFor(evaluation, metric, period);
  const judged = judgePartYear({ judgement: metric.partYearJudgement, unit: metric.unit, targetKind: target.kind, effective: target.effective, period });
  if (judged.partYear === undefined) return target;
  return { ...target, effective: judged.effective, partYear: judged.partYear, ...(judged.judged ? {} : { judged: false as const }) };
};

/** The target the result is held against, with the events it rests on: the metric's definition, and its base or last year's result. */
const yearTargetFor = (evaluation: Evaluation, metric: MetricDefinition, period: Period): MetricTarget => {
  const target = targetIn(metric, period);
  switch (target.kind) {
    case "fixed":
      return { kind: "fixed", printed: target.value, effective: target.value, evidence: [metric.eventId] };
    case "share-of-base": {
      const base = baseValueFor(evaluation, metric, period);
      const effective = base === undefined ? null : toDecimalString(dec(base.value).times(dec(target.share)));
      return { kind: "share-of-base", share: target.share, printed: base?.value ?? null, effective, evidence: [metric.eventId, ...(base?.evidence ?? [])] };
    }
    case "same-period-last-year": {
      const last = valueFor(evaluation, metric, comparisonPeriod(period, "same-period-last-year"));
      return { kind: "same-period-last-year", printed: last?.value ?? null, effective: last?.value ?? null, evidence: [metric.eventId, ...(last?.evidence ?? [])] };
    }
    case "none":
      return { kind: "none", printed: null, effective: null, evidence: [] };
  }
};

/**
 * A value as the report prints it (scaled to the metric's unit and rounded by its rule): status
 * and trend are judged on what the reader sees, so an arrow never points down between two equal
 * printed values. A unit the house does not know is printed, and judged, exactly.
 */
export const asPrinted = (value: string, unit: string): Decimal => (isUnitId(unit) ? roundTo(dec(value).times(UNITS[unit].scale), UNITS[unit].rounding) : dec(value));

const statusFor = (facts: StrategyFacts, metric: MetricDefinition, period: Period, result: MetricValue | null, target: MetricTarget): MetricStatusView => {
  const derived = deriveStatus({
    result: result === null ? undefined : asPrinted(result.value, metric.unit),
    // Not judged yet (year-end-only before the year's end): a result gets no status, as one without a target.
    target: target.effective === null || target.judged === false ? undefined : asPrinted(target.effective, metric.unit),
    direction: metric.direction,
    ...(metric.partialThreshold === undefined ? {} : { partialThreshold: dec(metric.partialThreshold) }),
  });
  const assessments = (facts.assessed[metric.metricId] ?? []).filter((entry) => entry.from === period.start && entry.to === period.end);
  const assessment = assessments[assessments.length - 1];
  if (assessment === undefined) return { derived, assessed: null, shown: derived, overridden: false };
  const assessed = assessment.status as MetricStatusCode;
  return { derived, assessed, shown: assessed, overridden: assessed !== derived, assessmentEventId: assessment.eventId, ...(assessment.comment === undefined ? {} : { comment: assessment.comment }) };
};

const ratioString = (part: string | undefined, whole: string | null): string | null =>
  part === undefined || whole === null || dec(whole).isZero() ? null : toDecimalString(dec(part).dividedBy(dec(whole)));

/** One row of a metric table for the report period: target as printed, result, status, trend, comparisons. */
export const evaluateMetric = (evaluation: Evaluation, metric: MetricDefinition, reportPeriod: Period): MetricTableRow => {
  const period = measuredPeriod(reportPeriod, metric.measuredOver);
  const result = valueFor(evaluation, metric, period);
  const target = targetFor(evaluation, metric, period);
  const comparisons = (metric.comparisons ?? []).map((comparison) => {
    const at = comparisonPeriod(period, comparison);
    const base = baseValueFor(evaluation, metric, at);
    return { comparison, period: at.name, value: valueFor(evaluation, metric, at), ...(base === undefined ? {} : { base }) };
  });
  const against = metric.trendAgainst;
  const trendBase = against === undefined ? undefined : valueFor(evaluation, metric, comparisonPeriod(period, against));
  return {
    metricId: metric.metricId,
    goalId: metric.goalId,
    goalNumber: evaluation.facts.goals[metric.goalId]?.number ?? null,
    name: metric.name,
    unit: metric.unit,
    direction: metric.direction,
    measuredPeriod: period.name,
    target,
    result,
    shareOfBase: target.kind === "share-of-base" ? ratioString(result?.value, target.printed) : null,
    status: statusFor(evaluation.facts, metric, period, result, target),
    trend:
      against === undefined
        ? null
        : {
            against,
            period: comparisonPeriod(period, against).name,
            comparedWith: trendBase?.value ?? null,
            value: result === null || trendBase === null || trendBase === undefined ? null : trendOf(asPrinted(result.value, metric.unit), asPrinted(trendBase.value, metric.unit)),
          },
    comparisons,
  };
};
