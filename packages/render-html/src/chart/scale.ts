import { Decimal, UNITS, formatFigure, type UnitId } from "@tertial/core";

export interface Tick {
  /** In the unit's base (kronor, a ratio), like a figure's `exact`. */
  readonly value: number;
  readonly label: string;
}

export interface ValueAxis {
  /** The axis starts here (base unit): 0, or below it when a value is negative. */
  readonly min: number;
  /** The axis ends here (base unit). */
  readonly max: number;
  readonly ticks: readonly Tick[];
  readonly title: string;
}

const NICE_STEPS = [1, 2, 5, 10];

/**
 * A step of 1, 2 or 5 times a power of ten in the printed magnitude (tkr, %, årsarbetare), so
 * tick labels are round where a reader reads them. Exact arithmetic: no float ever reaches a label.
 */
const niceStep = (printedMax: Decimal, wanted: number): Decimal => {
  const raw = printedMax.dividedBy(wanted);
  const power = new Decimal(10).pow(raw.log(10).floor());
  const multiple = NICE_STEPS.find((step) => power.times(step).greaterThanOrEqualTo(raw)) ?? 10;
  return power.times(multiple);
};

const titleOf = (label: string, unit: UnitId): string => {
  const suffix = UNITS[unit].suffix;
  return suffix === "" || unit === "percent" || label.toLowerCase().includes(suffix.toLowerCase()) ? label : `${label} (${suffix})`;
};

/**
 * About `wanted` ticks over a round range that covers `low`–`extent` (base unit), labelled by the
 * core formatter. The range always holds 0: one-sided from 0 when nothing is negative, two-sided
 * (a zero line with bars going down) when `low` is below 0, as a budget deviation can be.
 */
export const valueAxis = (extent: Decimal, unit: UnitId, label: string, wanted = 5, low: Decimal = new Decimal(0)): ValueAxis => {
  const scale = UNITS[unit].scale;
  const printedMax = Decimal.max(extent, 0).times(scale);
  const printedMin = Decimal.min(low, 0).times(scale);
  const printedSpan = printedMax.minus(printedMin);
  const step = printedSpan.greaterThan(0) ? niceStep(printedSpan, wanted) : new Decimal(1);
  const first = printedMin.dividedBy(step).floor().toNumber();
  const last = Math.max(first + 1, printedMax.dividedBy(step).ceil().toNumber());
  const decimals = Math.max(0, step.decimalPlaces());
  const ticks = Array.from({ length: last - first + 1 }, (_, index) => {
    const base = step.times(first + index).dividedBy(scale);
    const label = formatFigure(base, unit, { rounding: { decimals, mode: "half-up" }, withSuffix: unit === "percent" }).text;
    return { value: base.toNumber(), label };
  });
  return { min: step.times(first).dividedBy(scale).toNumber(), max: step.times(last).dividedBy(scale).toNumber(), ticks, title: titleOf(label, unit) };
};
