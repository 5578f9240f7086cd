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
export const formatDecimal = (value: Decimal, style: NumberStyle): string => {
  const fixed = toFixedString(value, style.decimals);
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
  const rounded = roundTo(exact.times(unit.scale), rule);
  const number = formatDecimal(rounded, { decimals: Math.max(rule.decimals, 0), explicitPlus: options.explicitPlus ?? false });
  const withSuffix = (options.withSuffix ?? true) && unit.suffix !== "";
  return {
    exact: toDecimalString(exact),
    rounded: toFixedString(rounded, Math.max(rule.decimals, 0)),
    text: withSuffix ? `${number}${NO_BREAK_SPACE}${unit.suffix}` : number,
    unit: unitId,
  };
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
