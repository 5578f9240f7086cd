import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, formatDecimal, formatFigure, formatFigureByDecimals, isDecimalString, MINUS_SIGN, NO_BREAK_SPACE, parsePrintedNumber, ratio, roundTo, sum, toDecimalString, toFixedString } from "@tertial/core";
import { arbDecimalString } from "@tertial/core/testing";

const nbsp = NO_BREAK_SPACE;

describe("the Swedish formatter", () => {
  it("prints FTE with a decimal comma", () => {
    expect(formatFigure(dec("45.3"), "fte", { withSuffix: false }).text).toBe("45,30");
    expect(formatFigure(dec("45.3"), "fte").text).toBe(`45,30${nbsp}årsarbetare`);
  });

  it("groups thousands with no-break spaces (U+00A0)", () => {
    expect(formatDecimal(dec("39103816"), { decimals: 0 })).toBe(`39${nbsp}103${nbsp}816`);
    expect(formatDecimal(dec("1000"), { decimals: 0 })).toBe(`1${nbsp}000`);
    expect(formatDecimal(dec("999"), { decimals: 0 })).toBe("999");
    expect(formatDecimal(dec("1234567.891"), { decimals: 2 })).toBe(`1${nbsp}234${nbsp}567,89`);
  });

  it("prints percentages from ratios, with a space before %", () => {
    expect(formatFigure(dec("0.76"), "percent").text).toBe(`76${nbsp}%`);
    expect(formatFigure(dec("0.755"), "percent").text).toBe(`76${nbsp}%`);
    expect(formatFigure(dec("0.7549"), "percent").text).toBe(`75${nbsp}%`);
  });

  it("prints negatives with the typographic minus U+2212", () => {
    expect(formatDecimal(dec("-547"), { decimals: 0 })).toBe(`${MINUS_SIGN}547`);
    expect(formatFigure(dec("-547000"), "tkr").text).toBe(`${MINUS_SIGN}547${nbsp}tkr`);
    expect(formatDecimal(dec("-1234"), { decimals: 0 })).toBe(`${MINUS_SIGN}1${nbsp}234`);
  });

  it("never prints a negative zero", () => {
    expect(formatDecimal(dec("-0.004"), { decimals: 2 })).toBe("0,00");
    expect(formatDecimal(dec("-0.4"), { decimals: 0 })).toBe("0");
    expect(formatDecimal(dec("-0"), { decimals: 1 })).toBe("0,0");
    expect(toDecimalString(dec("-0"))).toBe("0");
    expect(formatFigure(dec("-0"), "kr")).toMatchObject({ exact: "0", rounded: "0", text: `0${nbsp}kr` });
    expect(formatFigure(dec("-0.3"), "tkr")).toMatchObject({ exact: "-0.3", rounded: "0", text: `0${nbsp}tkr` });
  });

  it("prints an explicit plus only for figures that print as non-zero", () => {
    expect(formatFigure(dec("54000"), "kronor", { explicitPlus: true }).text).toBe(`+54${nbsp}000${nbsp}kronor`);
    expect(formatDecimal(dec("-0.4"), { decimals: 0, explicitPlus: true })).toBe("0");
    expect(formatDecimal(dec("0.004"), { decimals: 2, explicitPlus: true })).toBe("0,00");
    expect(formatDecimal(dec("0"), { decimals: 0, explicitPlus: true })).toBe("0");
  });

  it("rounds half up on the exact value, away from zero for negatives", () => {
    expect(formatFigure(dec("2.5"), "count").text).toBe("3");
    expect(formatFigure(dec("-2.5"), "count").text).toBe(`${MINUS_SIGN}3`);
    expect(formatFigure(dec("0.125"), "fte", { withSuffix: false }).text).toBe("0,13");
    expect(formatFigure(dec("1.4999999999999999999999"), "count").text).toBe("1");
    expect(formatFigure(dec("39103815.5"), "kr", { withSuffix: false }).text).toBe(`39${nbsp}103${nbsp}816`);
  });

  it("rounds a total from the exact sum, not from rounded parts", () => {
    const parts = ["0.333", "0.333", "0.334"].map(dec);
    expect(formatFigure(sum(parts), "count").text).toBe("1");
    expect(parts.map((part) => roundTo(part, { decimals: 0, mode: "half-up" }).toNumber()).reduce((a, b) => a + b)).toBe(0);
  });

  it("rounds to tens and hundreds with negative decimals", () => {
    expect(roundTo(dec("1249"), { decimals: -2, mode: "half-up" }).toFixed()).toBe("1200");
    expect(roundTo(dec("1250"), { decimals: -2, mode: "half-up" }).toFixed()).toBe("1300");
    expect(roundTo(dec("1299"), { decimals: -2, mode: "truncate" }).toFixed()).toBe("1200");
  });

  it("lays out exactly the digits of the rounded value (property)", () => {
    fc.assert(
      fc.property(arbDecimalString({ maxIntegerDigits: 12 }), fc.integer({ min: 0, max: 4 }), (text, decimals) => {
        const printed = formatDecimal(dec(text), { decimals });
        const fixed = toFixedString(dec(text), decimals);
        const back = printed.replaceAll(nbsp, "").replace(",", ".").replace(MINUS_SIGN, "-");
        expect(back).toBe(fixed);
        const integerDigits = printed.replace(MINUS_SIGN, "").split(",")[0] ?? "";
        expect(integerDigits).toMatch(/^\d{1,3}(\u00a0\d{3})*$/);
      }),
      { numRuns: 300 },
    );
  });

  it("reads back what it prints (property)", () => {
    fc.assert(
      fc.property(arbDecimalString({ maxIntegerDigits: 10 }), fc.constantFrom("kr", "tkr", "fte", "percent", "count", "mkr") as fc.Arbitrary<"kr" | "tkr" | "fte" | "percent" | "count" | "mkr">, (text, unit) => {
        const figure = formatFigure(dec(text), unit);
        expect(parsePrintedNumber(figure.text)?.equals(dec(figure.rounded))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("reads printed numbers as documents print them", () => {
    expect(parsePrintedNumber(`39${nbsp}103${nbsp}816`)?.toFixed()).toBe("39103816");
    expect(parsePrintedNumber(`${MINUS_SIGN}547 tkr`)?.toFixed()).toBe("-547");
    expect(parsePrintedNumber("45,30")?.toFixed(2)).toBe("45.30");
    expect(parsePrintedNumber("+54 000 kronor")?.toFixed()).toBe("54000");
    expect(parsePrintedNumber("inget")).toBeUndefined();
  });
});

describe("decimal strings", () => {
  it("accepts what events carry and refuses floats' other spellings", () => {
    for (const good of ["45.30", "-547000", "0.5", "0", "10"]) expect(isDecimalString(good)).toBe(true);
    for (const bad of ["1e3", "+1", "01", ".5", "5.", "1,5", " 1", "NaN", "", "-"]) expect(isDecimalString(bad)).toBe(false);
  });

  it("generated decimal strings are all valid and exact (property)", () => {
    fc.assert(
      fc.property(arbDecimalString(), (text) => {
        expect(isDecimalString(text)).toBe(true);
        expect(dec(text).equals(dec(toDecimalString(dec(text))))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("a share of nothing is no share", () => {
    expect(ratio(dec(1), dec(0))).toBeUndefined();
    expect(ratio(dec(1), dec(4))?.toFixed()).toBe("0.25");
  });
});

describe("the formatter's shortcut for whole numbers", () => {
  const units = ["kr", "kronor", "tkr", "mkr", "miljoner-kronor", "percent", "fte", "count", "st", "participants", "courses", "plain"] as const;
  const modes = ["half-up", "half-even", "truncate", "floor", "ceil"] as const;
  const wholes = fc.oneof(
    fc.bigInt({ min: -(10n ** 16n), max: 10n ** 16n }).map(String),
    fc.integer({ min: -3000, max: 3000 }).map((value) => String(value * 500)),
    fc.constantFrom("0", "-0", "999999999999999", "-999999999999999", "1000000000000000", "499", "-500", "1500", "-1500", "2500"),
  );
  const options = fc.record(
    { rounding: fc.record({ decimals: fc.integer({ min: -3, max: 3 }), mode: fc.constantFrom(...modes) }), withSuffix: fc.boolean(), explicitPlus: fc.boolean() },
    { requiredKeys: [] },
  );

  it("prints exactly what decimal.js prints, for any whole number, unit and rounding", () => {
    fc.assert(
      fc.property(wholes, fc.constantFrom(...units), options, (text, unit, given) => {
        expect(formatFigure(dec(text), unit, given)).toEqual(formatFigureByDecimals(dec(text), unit, given));
      }),
      { numRuns: 20_000 },
    );
  });

  it("leaves everything else to decimal.js", () => {
    fc.assert(fc.property(arbDecimalString(), fc.constantFrom(...units), options, (text, unit, given) => void expect(formatFigure(dec(text), unit, given)).toEqual(formatFigureByDecimals(dec(text), unit, given))), { numRuns: 5_000 });
    expect(formatFigure(dec("1499"), "tkr").text).toBe(`1${NO_BREAK_SPACE}tkr`);
    expect(formatFigure(dec("-1500"), "tkr").text).toBe(`${MINUS_SIGN}2${NO_BREAK_SPACE}tkr`);
    expect(formatFigure(dec("-400"), "tkr")).toEqual({ exact: "-400", rounded: "0", text: `0${NO_BREAK_SPACE}tkr`, unit: "tkr" });
    expect(formatFigure(dec("45"), "fte").rounded).toBe("45.00");
  });
});
