import { dec, ZERO } from "../../numbers/decimal.js";
import type { Projection } from "../../projection/projection.js";
import { defineFigure, type ComputedFigure, type FigureParams } from "../../reconciliation/figure-source.js";
import { isUnitId, UNITS } from "../../numbers/units.js";
import { asPrinted, type MetricTableRow, type MetricValue } from "./evaluate.js";
import { cutAfterSix } from "./part-year.js";
import type { MetricStatusCode } from "./events.js";
import type { MetricsResult, MetricsState } from "./metrics.js";
import type { MetricTrend } from "./status.js";
import { recordedResultsProjection, type RecordedResult, type RecordedResultsResult } from "./recorded-results.js";

/**
 * The glyphs the house style prints (Bilaga 1; the no-result glyph is lost in the 2020 text),
 * so a stated symbol or arrow can be compared as text with the one the default rule gives.
 */
export const STATUS_GLYPHS: Readonly<Record<MetricStatusCode, string>> = { met: "●", "partly-met": "◆", "not-met": "■", "no-result": "○" };
export const TREND_GLYPHS: Readonly<Record<MetricTrend, string>> = { up: "↗", down: "↘", unchanged: "→" };

const rowOf = (result: MetricsResult, metric: string | undefined): MetricTableRow | undefined => result.rows.find((row) => row.metricId === metric);

const fromValue = (value: MetricValue | null | undefined, what: string): ComputedFigure | undefined => {
  if (value === null || value === undefined) return undefined;
  const derivation = `${what}, ${value.source} for ${value.period}${value.derivation === undefined ? "" : `: ${value.derivation}`}`;
  const alternatives = (value.alternatives ?? []).map((alternative) => ({ exact: dec(alternative.value), cause: alternative.cause }));
  return { exact: dec(value.value), evidence: value.evidence, derivation, ...(alternatives.length === 0 ? {} : { alternatives }) };
};

/**
 * The status is judged on the values as printed (see `asPrinted`): where a result or target is
 * finer than its unit prints it (a pro-rata target of 4.2978… kurser printed as 4), the
 * derivation says which printed values were compared, so it never reads as a comparison it is not.
 */
const judgedAsPrinted = (row: MetricTableRow): string => {
  const { result, target } = row;
  if (result === null || target.effective === null || !isUnitId(row.unit)) return "";
  const scale = UNITS[row.unit].scale;
  const [printedResult, printedTarget] = [asPrinted(result.value, row.unit), asPrinted(target.effective, row.unit)];
  if (printedResult.eq(dec(result.value).times(scale)) && printedTarget.eq(dec(target.effective).times(scale))) return "";
  return `; judged as printed: ${printedResult.toFixed()} against ${printedTarget.toFixed()}`;
};

/** How a result for part of the year was held against the year's target, for a derivation; empty for the default. */
const partYearNote = (row: MetricTableRow): string => (row.target.partYear === undefined ? "" : `; ${row.target.partYear.derivation}`);

const METRIC = { metric: "the metric id" };
const COMPARISON = { comparison: "same-period-last-year, previous-year or previous-tertial" };
const METRIC_EXAMPLE = { metric: "beviljad-finansiering" };

const metricFigure = <const P extends string>(
  projection: Projection<MetricsState, MetricsResult>,
  key: string,
  description: string,
  params: { readonly [K in P | "metric"]: string },
  example: FigureParams<P | "metric">,
  compute: (row: MetricTableRow, params: FigureParams<P | "metric">) => ComputedFigure | undefined,
) =>
  defineFigure(projection, {
    key,
    description,
    params,
    // The stated figure names the unit it was printed in ("76 %", "5 685 000 kronor"); rows differ.
    unit: "plain",
    example,
    compute: (result, given: FigureParams<P | "metric">) => {
      const row = rowOf(result, given.metric);
      return row === undefined ? undefined : compute(row, given);
    },
  });

/** The figures of the metrics table the audit can check against a published report, over a metrics projection. */
export const createMetricFigures = (projection: Projection<MetricsState, MetricsResult>) => {
  const result = metricFigure(projection, "metrics.result", "A metric's result for the period (in the unit it is printed in).", METRIC, METRIC_EXAMPLE, (row) => fromValue(row.result, `result of ${row.metricId}`));
  const target = metricFigure(projection, "metrics.target", "A metric's target as the report prints it: the value, the base of a share, or last year's result.", METRIC, METRIC_EXAMPLE, (row) =>
    row.target.printed === null ? undefined : { exact: dec(row.target.printed), evidence: row.target.evidence, derivation: `target of ${row.metricId} (${row.target.kind})${partYearNote(row)}` },
  );
  const comparison = metricFigure(projection, "metrics.comparison", "A metric's value for a comparison period.", { ...METRIC, ...COMPARISON }, { ...METRIC_EXAMPLE, comparison: "same-period-last-year" }, (row, params) =>
    fromValue(row.comparisons.find((entry) => entry.comparison === params.comparison)?.value, `${params.comparison ?? "?"} of ${row.metricId}`),
  );
  const comparisonBase = metricFigure(projection, "metrics.comparison-base", "The base of a share-of-base metric for a comparison period (the amount applied for the same period last year).", { ...METRIC, ...COMPARISON }, { ...METRIC_EXAMPLE, comparison: "same-period-last-year" }, (row, params) =>
    fromValue(row.comparisons.find((entry) => entry.comparison === params.comparison)?.base, `${params.comparison ?? "?"} base of ${row.metricId}`),
  );
  const targetShare = metricFigure(projection, "metrics.target-share", "The share of the base a share-of-base metric aims at (\"målet är att 50 % … ska bli beviljat\").", METRIC, METRIC_EXAMPLE, (row) =>
    row.target.share === undefined ? undefined : { exact: dec(row.target.share), evidence: row.target.evidence, derivation: `target share of ${row.metricId}` },
  );
  const shareOfBase = metricFigure(projection, "metrics.share-of-base", "Result ÷ base for a metric whose target is a share of a base (\"3 ansökningar (37 %)\").", METRIC, METRIC_EXAMPLE, (row) =>
    row.shareOfBase === null ? undefined : { exact: dec(row.shareOfBase), evidence: row.result?.evidence ?? [], derivation: `${row.result?.value ?? "?"} ÷ ${row.target.printed ?? "?"}` },
  );
  const status = metricFigure(projection, "metrics.status", "The status symbol the default rule gives (●, ◆, ■, ○), compared as text with the printed one.", METRIC, { metric: "beviljade-projekt" }, (row) => {
    const derived = row.status.derived;
    if (derived === null) return undefined;
    const override = row.status.assessed === null ? "" : `; the authored assessment says ${row.status.assessed}`;
    return { exact: ZERO, text: STATUS_GLYPHS[derived], evidence: row.result?.evidence ?? [], derivation: `default rule: ${derived} (result ${row.result?.value ?? "none"} against ${row.target.effective === null ? "no target" : cutAfterSix(row.target.effective)}${partYearNote(row)}${judgedAsPrinted(row)})${override}` };
  });
  const trend = metricFigure(projection, "metrics.trend", "The trend arrow the default rule gives (↗, ↘, →) against the metric's named comparison, compared as text.", METRIC, { metric: "beviljade-projekt" }, (row) => {
    if (row.trend === null || row.trend.value === null) return undefined;
    return { exact: ZERO, text: TREND_GLYPHS[row.trend.value], evidence: row.result?.evidence ?? [], derivation: `default rule: ${row.trend.value} (result ${row.result?.value ?? "?"} against ${row.trend.comparedWith ?? "?"}, ${row.trend.against} ${row.trend.period})` };
  });
  return { result, target, targetShare, comparison, comparisonBase, shareOfBase, status, trend };
};

/** The metric figures as a list, for a domain module. */
export const metricFigureList = (figures: ReturnType<typeof createMetricFigures>) => [figures.result, figures.target, figures.targetShare, figures.comparison, figures.comparisonBase, figures.shareOfBase, figures.status, figures.trend];

const recordedOf = (result: RecordedResultsResult, metric: string | undefined): RecordedResult | undefined => (metric === undefined ? undefined : result.byMetric[metric]);

const recordedFigure = (key: string, description: string, pick: (recorded: RecordedResult, metric: string) => ComputedFigure | undefined) =>
  defineFigure(recordedResultsProjection, {
    key,
    description,
    params: METRIC,
    unit: "plain",
    example: { metric: "beviljade-projekt" },
    compute: (result, params) => {
      const recorded = recordedOf(result, params.metric);
      return recorded === undefined || params.metric === undefined ? undefined : pick(recorded, params.metric);
    },
  });

/** Several metrics joined by "+", as a range over a group of meetings ("64-83 %"). */
const METRICS = { metrics: 'metric ids joined by "+"' };

const recordedRange = (key: string, description: string, pickLowest: boolean) =>
  defineFigure(recordedResultsProjection, {
    key,
    description,
    params: METRICS,
    unit: "plain",
    example: { metrics: "narvaro-reko+narvaro-strategigrupp-barn-och-unga" },
    compute: (result, params) => {
      const found = (params.metrics ?? "").split("+").flatMap((metric) => result.byMetric[metric] ?? []);
      if (found.length === 0) return undefined;
      const values = found.map((recorded) => dec(recorded.value));
      const exact = values.reduce((best, value) => (pickLowest ? (value.lessThan(best) ? value : best) : value.greaterThan(best) ? value : best));
      return { exact, evidence: found.map((recorded) => recorded.eventId), derivation: `${pickLowest ? "lowest" : "highest"} recorded result of ${found.length} metric(s)` };
    },
  });

/** Figures of results recorded for exactly a period: earlier years beside this one on the tertial slides. */
export const recordedResultFigures = [
  recordedFigure("metrics.recorded-result", "A metric's result as recorded for exactly the period, defined then or not (earlier years on the tertial slides).", (recorded, metric) => ({
    exact: dec(recorded.value),
    evidence: [recorded.eventId],
    derivation: `recorded result of ${metric}`,
  })),
  recordedFigure("metrics.recorded-base", "The base recorded with a metric's result for exactly the period (submitted applications, applied amount).", (recorded, metric) =>
    recorded.base === null ? undefined : { exact: dec(recorded.base), evidence: [recorded.eventId], derivation: `recorded base of ${metric}` },
  ),
  recordedFigure("metrics.recorded-share-of-base", "Recorded result ÷ recorded base for exactly the period (\"1 (11 %)\").", (recorded, metric) =>
    recorded.base === null || dec(recorded.base).isZero() ? undefined : { exact: dec(recorded.value).dividedBy(dec(recorded.base)), evidence: [recorded.eventId], derivation: `recorded result ÷ recorded base of ${metric}` },
  ),
  recordedRange("metrics.recorded-range-min", "The lowest of several metrics' results recorded for exactly the period.", true),
  recordedRange("metrics.recorded-range-max", "The highest of several metrics' results recorded for exactly the period.", false),
] as const;

export const [metricsRecordedResult, metricsRecordedBase, metricsRecordedShareOfBase, metricsRecordedRangeMin, metricsRecordedRangeMax] = recordedResultFigures;
