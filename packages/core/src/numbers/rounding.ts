import { Decimal, type DecimalRounding } from "./decimal.js";

/**
 * How a printed figure is rounded. Half up on the exact value is the house default (design §6);
 * the others exist because published documents use them (prose millions are truncated).
 */
export type RoundingMode = "half-up" | "half-even" | "truncate" | "floor" | "ceil";

const DECIMAL_JS_MODE: Record<RoundingMode, DecimalRounding> = {
  "half-up": Decimal.ROUND_HALF_UP,
  "half-even": Decimal.ROUND_HALF_EVEN,
  truncate: Decimal.ROUND_DOWN,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

export interface RoundingRule {
  /** Decimals kept after scaling; may be negative to round to tens, hundreds, … */
  readonly decimals: number;
  readonly mode: RoundingMode;
}

export const HALF_UP_INTEGER: RoundingRule = { decimals: 0, mode: "half-up" };

export const roundTo = (value: Decimal, rule: RoundingRule): Decimal => {
  const mode = DECIMAL_JS_MODE[rule.mode];
  if (rule.decimals >= 0) return value.toDecimalPlaces(rule.decimals, mode);
  const step = new Decimal(10).pow(-rule.decimals);
  return value.dividedBy(step).toDecimalPlaces(0, mode).times(step);
};
