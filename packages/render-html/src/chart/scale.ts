import { Decimal, UNITS, formatFigure, type UnitId } from "@tertial/core";

export interface Tick {
  /** In the unit's base (kronor, a ratio), like a figure's `exact`. */
  readonly value: number;
  readonly label: string;
}

export interface ValueAxis {
  /** The axis ends here (base unit); 0 is always the start. */
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

/** About `wanted` ticks from 0 to a round maximum that covers `extent` (base unit), labelled by the core formatter. */
export const valueAxis = (extent: Decimal, unit: UnitId, label: string, wanted = 5): ValueAxis => {
  const scale = UNITS[unit].scale;
  const printedMax = extent.times(scale);
  const step = printedMax.greaterThan(0) ? niceStep(printedMax, wanted) : new Decimal(1);
  const count = Math.max(1, printedMax.dividedBy(step).ceil().toNumber());
  const decimals = Math.max(0, step.decimalPlaces());
  const ticks = Array.from({ length: count + 1 }, (_, index) => {
    const base = step.times(index).dividedBy(scale);
    const label = formatFigure(base, unit, { rounding: { decimals, mode: "half-up" }, withSuffix: unit === "percent" }).text;
    return { value: base.toNumber(), label };
  });
  return { max: step.times(count).dividedBy(scale).toNumber(), ticks, title: titleOf(label, unit) };
};
