import { dec, type Decimal } from "../../numbers/decimal.js";
import type { Direction, MetricStatusCode } from "./events.js";

/** Share of the target a result must reach to count as "delvis uppfyllt" when a metric sets none. */
export const DEFAULT_PARTIAL_THRESHOLD = "0.5";

export interface StatusInput {
  readonly result: Decimal | undefined;
  /** The effective target value; undefined when the metric has no target. */
  readonly target: Decimal | undefined;
  readonly direction: Direction;
  readonly partialThreshold?: Decimal;
}

/**
 * The default status rule (Bilaga 1 names the four outcomes but not the line between
 * "delvis" and "inte"; the report's own symbols fit 0.5):
 * (codes: met = uppfyllt, partly-met = delvis uppfyllt, not-met = inte uppfyllt, no-result = inget resultat)
 *   no result                         → no-result
 *   no target                         → no status (null)
 *   higher is better: r ≥ T           → met
 *                     r ≥ θ·T         → partly-met   (θ = partialThreshold, 0 ≤ θ ≤ 1)
 *   lower is better:  r ≤ T           → met
 *                     θ·r ≤ T         → partly-met
 *   otherwise                         → not-met
 * The values compared are those the report prints (see `asPrinted` in evaluate.ts): a result
 * printed "80 %" meets a target printed "80 %".
 */
export const deriveStatus = ({ result, target, direction, partialThreshold }: StatusInput): MetricStatusCode | null => {
  if (result === undefined) return "no-result";
  if (target === undefined) return null;
  const theta = partialThreshold ?? dec(DEFAULT_PARTIAL_THRESHOLD);
  if (direction === "higher-is-better") {
    if (result.gte(target)) return "met";
    return target.isPositive() && result.gte(target.times(theta)) ? "partly-met" : "not-met";
  }
  if (result.lte(target)) return "met";
  return result.times(theta).lte(target) ? "partly-met" : "not-met";
};

/** Order of the statuses from worst to best, for comparisons and laws. */
export const STATUS_RANK: Readonly<Record<MetricStatusCode, number>> = { "no-result": -1, "not-met": 0, "partly-met": 1, met: 2 };

export type MetricTrend = "up" | "down" | "unchanged";

/** Up, down or unchanged: the result against the comparison value, whatever the direction. */
export const trendOf = (result: Decimal, comparison: Decimal): MetricTrend => {
  const order = result.comparedTo(comparison);
  return order > 0 ? "up" : order < 0 ? "down" : "unchanged";
};
