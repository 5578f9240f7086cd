import { dec, ZERO } from "../../numbers/decimal.js";
import type { Projection } from "../../projection/projection.js";
import type { ComputedFigure, FigureSource } from "../../reconciliation/figure-source.js";
import type { MetricTableRow, MetricValue } from "./evaluate.js";
import type { MetricStatusCode } from "./events.js";
import type { MetricsResult, MetricsState } from "./metrics.js";
import type { MetricTrend } from "./status.js";

type Params = Readonly<Record<string, string>>;

/**
 * The glyphs the house style prints (Bilaga 1; the no-result glyph is lost in the 2020 text),
 * so a stated symbol or arrow can be compared as text with the one the default rule gives.
 */
export const STATUS_GLYPHS: Readonly<Record<MetricStatusCode, string>> = { met: "●", "partly-met": "◆", "not-met": "■", "no-result": "○" };
export const TREND_GLYPHS: Readonly<Record<MetricTrend, string>> = { up: "↗", down: "↘", unchanged: "→" };

const rowOf = (result: unknown, params: Params): MetricTableRow | undefined => (result as MetricsResult).rows.find((row) => row.metricId === params.metric);

const fromValue = (value: MetricValue | null | undefined, what: string): ComputedFigure | undefined => {
  if (value === null || value === undefined) return undefined;
  const derivation = `${what}, ${value.source} for ${value.period}${value.derivation === undefined ? "" : `: ${value.derivation}`}`;
  const alternatives = (value.alternatives ?? []).map((alternative) => ({ exact: dec(alternative.value), cause: alternative.cause }));
  return { exact: dec(value.value), evidence: value.evidence, derivation, ...(alternatives.length === 0 ? {} : { alternatives }) };
};

const METRIC = { metric: "the metric id" };

const metricFigure = (projection: Projection<MetricsState, MetricsResult>, key: string, description: string, params: Params, compute: (row: MetricTableRow, params: Params) => ComputedFigure | undefined): FigureSource => ({
  key,
  description,
  params,
  // The stated figure names the unit it was printed in ("76 %", "5 685 000 kronor"); rows differ.
  unit: "plain",
  projection,
  compute: (result, given) => {
    const row = rowOf(result, given);
    return row === undefined ? undefined : compute(row, given);
  },
});

/** The figures of the metrics table the audit can check against a published report. */
export const createMetricFigures = (projection: Projection<MetricsState, MetricsResult>): FigureSource[] => [
  metricFigure(projection, "metrics.result", "A metric's result for the period (in the unit it is printed in).", METRIC, (row) => fromValue(row.result, `result of ${row.metricId}`)),
  metricFigure(projection, "metrics.target", "A metric's target as the report prints it: the value, the base of a share, or last year's result.", METRIC, (row) =>
    row.target.printed === null ? undefined : { exact: dec(row.target.printed), evidence: row.result?.evidence ?? [], derivation: `target of ${row.metricId} (${row.target.kind})` },
  ),
  metricFigure(projection, "metrics.comparison", "A metric's value for a comparison period.", { ...METRIC, comparison: "same-period-last-year, previous-year or previous-tertial" }, (row, params) =>
    fromValue(row.comparisons.find((entry) => entry.comparison === params.comparison)?.value, `${params.comparison ?? "?"} of ${row.metricId}`),
  ),
  metricFigure(projection, "metrics.share-of-base", "Result ÷ base for a metric whose target is a share of a base (\"3 ansökningar (37 %)\").", METRIC, (row) =>
    row.shareOfBase === null ? undefined : { exact: dec(row.shareOfBase), evidence: row.result?.evidence ?? [], derivation: `${row.result?.value ?? "?"} ÷ ${row.target.printed ?? "?"}` },
  ),
  metricFigure(projection, "metrics.status", "The status symbol the default rule gives (●, ◆, ■, ○), compared as text with the printed one.", METRIC, (row) => {
    const derived = row.status.derived;
    if (derived === null) return undefined;
    const override = row.status.assessed === null ? "" : `; the authored assessment says ${row.status.assessed}`;
    return { exact: ZERO, text: STATUS_GLYPHS[derived], evidence: row.result?.evidence ?? [], derivation: `default rule: ${derived} (result ${row.result?.value ?? "none"} against ${row.target.effective ?? "no target"})${override}` };
  }),
  metricFigure(projection, "metrics.trend", "The trend arrow the default rule gives (↗, ↘, →) against the metric's named comparison, compared as text.", METRIC, (row) => {
    if (row.trend === null || row.trend.value === null) return undefined;
    return { exact: ZERO, text: TREND_GLYPHS[row.trend.value], evidence: row.result?.evidence ?? [], derivation: `default rule: ${row.trend.value} (result ${row.result?.value ?? "?"} against ${row.trend.comparedWith ?? "?"}, ${row.trend.against} ${row.trend.period})` };
  }),
];
