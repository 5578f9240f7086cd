import { Decimal, toDecimalString, toFixedString } from "./decimal.js";
import { roundTo, type RoundingRule } from "./rounding.js";
import { UNITS, type Unit, type UnitId } from "./units.js";

/** U+00A0: between thousands groups and before a unit, so a figure never breaks across lines. */
export const NO_BREAK_SPACE = "\u00a0";
/** U+2212: the typographic minus the house style prints for negatives. */
export const MINUS_SIGN = "\u2212";

export interface NumberStyle {
  readonly decimals: number;
  readonly groupSeparator?: string;
  readonly minus?: string;
  /** Print "+54 000" for positives, as comparisons in prose do. */
  readonly explicitPlus?: boolean;
}

const groupThousands = (digits: string, separator: string): string => {
  let out = "";
  for (let index = 0; index < digits.length; index += 1) {
    const remaining = digits.length - index;
    if (index > 0 && remaining % 3 === 0) out += separator;
    out += digits[index];
  }
  return out;
};

/**
 * Swedish number formatting without Intl (whose output depends on the ICU build):
 * decimal comma, grouped thousands, typographic minus. The value must already be rounded
 * to `style.decimals`; this only lays out digits.
 */
export const formatDecimal = (value: Decimal, style: NumberStyle): string => layOut(toFixedString(value, style.decimals), style);

/** Lays out the digits of a value already fixed to `style.decimals` ("-1234.5"). */
const layOut = (fixed: string, style: NumberStyle): string => {
  const negative = fixed.startsWith("-");
  const [integerPart = "0", fraction] = (negative ? fixed.slice(1) : fixed).split(".");
  const grouped = groupThousands(integerPart, style.groupSeparator ?? NO_BREAK_SPACE);
  const body = fraction === undefined ? grouped : `${grouped},${fraction}`;
  if (negative) return `${style.minus ?? MINUS_SIGN}${body}`;
  // The printed digits decide, not the value: -0.4 printed with no decimals is "0", never "+0".
  return style.explicitPlus === true && /[1-9]/.test(body) ? `+${body}` : body;
};

export interface FormattedFigure {
  /** The exact value in the unit's base (kronor, årsarbetare, ratio), as a decimal string. */
  readonly exact: string;
  /** The printed value after scaling and rounding, as a decimal string ("547", "0.76" → "76"). */
  readonly rounded: string;
  /** The printed text, e.g. "76 %", "−547 tkr", "45,30". */
  readonly text: string;
  readonly unit: UnitId;
}

export interface FigureOptions {
  readonly rounding?: RoundingRule;
  readonly withSuffix?: boolean;
  readonly explicitPlus?: boolean;
}

/** Scale, round once on the exact value, and format: the only way a figure reaches a page. */
export const formatFigure = (exact: Decimal, unitId: UnitId, options: FigureOptions = {}): FormattedFigure => {
  const unit: Unit = UNITS[unitId];
  const rule = options.rounding ?? unit.rounding;
  const whole = exact.isInteger() ? wholeRounded(exact, unit, rule) : undefined;
  if (whole !== undefined) return formatted(whole.exact, whole.rounded, rule, unitId, options);
  return formatted(toDecimalString(exact), toFixedString(roundTo(exact.times(unit.scale), rule), Math.max(rule.decimals, 0)), rule, unitId, options);
};

/** `formatFigure` always through decimal.js: what its shortcut for whole numbers is held to (a property test). */
export const formatFigureByDecimals = (exact: Decimal, unitId: UnitId, options: FigureOptions = {}): FormattedFigure => {
  const unit: Unit = UNITS[unitId];
  const rule = options.rounding ?? unit.rounding;
  return formatted(toDecimalString(exact), toFixedString(roundTo(exact.times(unit.scale), rule), Math.max(rule.decimals, 0)), rule, unitId, options);
};

const formatted = (exact: string, rounded: string, rule: RoundingRule, unitId: UnitId, options: FigureOptions): FormattedFigure => {
  const unit: Unit = UNITS[unitId];
  const number = layOut(rounded, { decimals: Math.max(rule.decimals, 0), explicitPlus: options.explicitPlus ?? false });
  const withSuffix = (options.withSuffix ?? true) && unit.suffix !== "";
  return { exact, rounded, text: withSuffix ? `${number}${NO_BREAK_SPACE}${unit.suffix}` : number, unit: unitId };
};

const SAFE_WHOLE = /^-?(0|[1-9]\d{0,14})$/;
/** How many of a unit's base make one printed unit, for the units printed in whole base units or thousands. */
const WHOLE_DIVISOR = new Map<Unit, number>(Object.values(UNITS).flatMap((unit): [Unit, number][] => (unit.scale.eq(1) ? [[unit, 1]] : unit.scale.eq("0.001") ? [[unit, 1000]] : [])));

/**
 * Most figures are whole kronor or counts, printed as they are or in thousands: for those, the
 * exact and rounded texts by integer arithmetic, exactly what decimal.js gives (half up rounds
 * half away from zero, as decimal.js's ROUND_HALF_UP does), so a report's hundreds of figures
 * skip four decimal operations each. Undefined where the general path is needed.
 */
const wholeRounded = (exact: Decimal, unit: Unit, rule: RoundingRule): { exact: string; rounded: string } | undefined => {
  const divisor = WHOLE_DIVISOR.get(unit);
  // Thousands only to whole thousands: a rounding to tenths of a thousand needs the general path.
  if (divisor === undefined || rule.mode !== "half-up" || rule.decimals < 0 || (divisor !== 1 && rule.decimals !== 0)) return undefined;
  const text = exact.toFixed();
  if (!SAFE_WHOLE.test(text)) return undefined;
  const value = Number(text);
  const magnitude = divisor === 1 ? Math.abs(value) : Math.floor((Math.abs(value) + divisor / 2) / divisor);
  const digits = String(magnitude);
  const signed = value < 0 && magnitude !== 0 ? `-${digits}` : digits;
  return { exact: text === "-0" ? "0" : text, rounded: rule.decimals === 0 ? signed : `${signed}.${"0".repeat(rule.decimals)}` };
};

const PRINTED_NUMBER = /^([+\-\u2212]?)\s*([0-9][0-9\s\u00a0\u202f]*)(?:,([0-9]+))?/;

/**
 * Reads a number as documents print it ("39 103 816", "−547", "45,30", "76 %", "+54 000 kronor")
 * into an exact decimal in the printed magnitude. Undefined when no number leads the text.
 */
export const parsePrintedNumber = (text: string): Decimal | undefined => {
  const match = PRINTED_NUMBER.exec(text.trim());
  if (match === null) return undefined;
  const [, sign = "", integerPart = "", fraction] = match;
  const digits = integerPart.replace(/[\s\u00a0\u202f]/g, "");
  const value = new Decimal(fraction === undefined ? digits : `${digits}.${fraction}`);
  return sign === "-" || sign === MINUS_SIGN ? value.negated() : value;
};
