import * as fc from "fast-check";
import { Decimal, toFixedString } from "../numbers/decimal.js";

export interface DecimalStringConstraints {
  /** Most digits before the decimal point (default 9). */
  readonly maxIntegerDigits?: number;
  /** Most digits after it (default 4); 0 gives whole numbers only. */
  readonly maxDecimals?: number;
  /** Only values ≥ 0, as `NonNegativeDecimal` fields require. */
  readonly nonNegative?: boolean;
}

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((list) => list.join(""));

/**
 * Decimal strings as events carry them ("45.30", "-547000", "0.5"): no exponent, no "+", no
 * leading zeros, trailing zeros allowed. Every value matches `isDecimalString`.
 */
export const arbDecimalString = (constraints: DecimalStringConstraints = {}): fc.Arbitrary<string> => {
  const maxIntegerDigits = constraints.maxIntegerDigits ?? 9;
  const maxDecimals = constraints.maxDecimals ?? 4;
  const integerPart = fc.oneof(
    fc.constant("0"),
    fc.tuple(fc.integer({ min: 1, max: 9 }), digits(0, Math.max(maxIntegerDigits - 1, 0))).map(([head, tail]) => `${head}${tail}`),
  );
  const fraction = maxDecimals === 0 ? fc.constant("") : fc.option(digits(1, maxDecimals), { nil: undefined }).map((text) => (text === undefined ? "" : `.${text}`));
  const sign = constraints.nonNegative === true ? fc.constant("") : fc.constantFrom("", "-");
  return fc.tuple(sign, integerPart, fraction).map(([minus, whole, part]) => {
    const text = `${whole}${part}`;
    return minus === "-" && new Decimal(text).isZero() ? text : `${minus}${text}`;
  });
};

/** A whole number of hundredths as the two-decimal string FTE and kronor use ("12.05"). */
export const centsToDecimalString = (cents: number): string => toFixedString(new Decimal(cents).dividedBy(100), 2);

/** Non-negative two-decimal amounts up to `maxCents` hundredths, as strings. */
export const arbTwoDecimals = (maxCents = 10_000): fc.Arbitrary<string> => fc.integer({ min: 0, max: maxCents }).map(centsToDecimalString);
