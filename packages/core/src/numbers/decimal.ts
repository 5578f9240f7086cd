import { Decimal as DecimalJs } from "decimal.js";

/**
 * The one Decimal constructor of Tertial. A private clone, so that no other library's
 * global Decimal settings can change our arithmetic: 60 significant digits is far beyond
 * any amount a public organisation books, and rounding is explicit at every print.
 */
export const Decimal = DecimalJs.clone({ precision: 60, rounding: DecimalJs.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 60 });
export type Decimal = DecimalJs;
export type DecimalRounding = DecimalJs.Rounding;

const DECIMAL_STRING = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** True for the decimal strings that events carry: "45.30", "-547000", "0.5". No exponent, no "+", no leading zeros. */
export const isDecimalString = (text: string): boolean => DECIMAL_STRING.test(text);

export const dec = (value: string | number | Decimal): Decimal => new Decimal(value);

export const ZERO = new Decimal(0);

export const sum = (values: Iterable<Decimal>): Decimal => {
  let total = ZERO;
  for (const value of values) total = total.plus(value);
  return total;
};

/** The exact value as a plain decimal string, without trailing exponent notation. */
export const toDecimalString = (value: Decimal): string => {
  const text = value.toFixed();
  return text === "-0" ? "0" : text;
};

/** The exact value with a fixed number of decimals, rounded half up ("45.30"). */
export const toFixedString = (value: Decimal, decimals: number): string => {
  const text = value.toFixed(decimals, Decimal.ROUND_HALF_UP);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
};

/** part / whole, or undefined when the whole is zero: a share of nothing is no share. */
export const ratio = (part: Decimal, whole: Decimal): Decimal | undefined => (whole.isZero() ? undefined : part.dividedBy(whole));
