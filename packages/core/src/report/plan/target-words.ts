import type { PlanBaselineResult } from "../../domains/plan/baseline.js";
import { planFor } from "../../domains/plan/plan-select.js";
import type { PlanMetric } from "../../domains/plan/strategy-part.js";
import type { Target } from "../../domains/strategy/events.js";
import { dec } from "../../numbers/decimal.js";
import { formatFigure } from "../../numbers/format.js";
import { isUnitId } from "../../numbers/units.js";

// Not the metric tables' own `unitOf`: they import the plan-target column, which imports this.
const unitOf = (metric: Pick<PlanMetric, "unit">) => (isUnitId(metric.unit) ? metric.unit : "plain");

/**
 * A plan's target in the document's words, its value printed as the follow-up's metric tables
 * print it: by the house formatter in the metric's unit (a percent metric's 0.75 as "75 %"); a
 * share of a base is a share whatever the metric's unit ("andel 50 %").
 */
export const targetWords = (target: Target, metric: Pick<PlanMetric, "unit">): string => {
  switch (target.kind) {
    case "fixed":
      return formatFigure(dec(target.value), unitOf(metric)).text;
    case "share-of-base":
      return `andel ${formatFigure(dec(target.share), "percent").text}`;
    case "same-period-last-year":
      return "som föregående år";
    case "none":
      return "";
  }
};

/** The words of the target a plan sets a metric for the baseline's year, where it sets one. */
export const planTargetWords = (baseline: PlanBaselineResult, planId: string, metricId: string): string | undefined => {
  const metric = planFor(baseline, planId)?.strategy.metrics.find((each) => each.metricId === metricId);
  const target = metric?.targets.find((entry) => entry.year === baseline.year)?.target;
  return metric === undefined || target === undefined ? undefined : targetWords(target, metric);
};
