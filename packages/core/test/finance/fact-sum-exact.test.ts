import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addFlow, combineFacts, Decimal, emptyFactSum, EVIDENCE_KEPT, period } from "@tertial/core";

const inside = { from: "2020-02-01", to: "2020-02-29" };
const T1 = period("2020-T1");

/** Amounts as the codecs accept them: plain integers (the integer fast path), decimals, big ones beyond 2^53 together. */
const arbAmount = fc.oneof(
  fc.integer({ min: -3_000_000, max: 3_000_000 }).map(String),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([whole, cents]) => `${whole}.${String(cents).padStart(2, "0")}`),
  fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }).map(String),
  fc.constantFrom("0", "0.0", "999999999999999", "-999999999999999", "4503599627370496"),
);

describe("fact sums", () => {
  it("add exactly, and print the sum as decimal.js does, whatever mix of amounts and signs", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(arbAmount, fc.constantFrom(1 as const, -1 as const)), { minLength: 1, maxLength: 30 }), (facts) => {
        const tally = emptyFactSum();
        facts.forEach(([amount, sign], index) => addFlow(tally, { ...inside, amount }, { id: `e${index}`, marked: false }, T1, sign));
        const expected = facts.reduce((sum, [amount, sign]) => sum.plus(new Decimal(amount).times(sign)), new Decimal(0));
        expect(tally.exact).toBe(expected.toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it("combine exactly, with signs, and print the result as decimal.js does", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(arbAmount, { minLength: 1, maxLength: 5 }), fc.constantFrom(1 as const, -1 as const)), { minLength: 1, maxLength: 6 }), (parts) => {
        const sums = parts.map(([amounts, sign], part) => {
          const tally = emptyFactSum();
          amounts.forEach((amount, index) => addFlow(tally, { ...inside, amount, ...(index % 2 === 0 ? { knownTo: "1" } : {}) }, { id: `p${part}e${index}`, marked: false }, T1));
          return { sum: tally, sign };
        });
        const combined = combineFacts(sums);
        const expected = parts.reduce((total, [amounts, sign]) => total.plus(amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0)).times(sign)), new Decimal(0));
        const uncertainty = parts.reduce((total, [amounts]) => total.plus(new Decimal(Math.ceil(amounts.length / 2)).dividedBy(2)), new Decimal(0));
        expect([combined.exact, combined.uncertainty]).toEqual([expected.toFixed(), uncertainty.toFixed()]);
      }),
      { numRuns: 1000 },
    );
  });

  it("keep the first ids and every marked one, however many facts, and say when ids were left out", () => {
    const tally = emptyFactSum();
    for (let index = 0; index < 500; index += 1) addFlow(tally, { ...inside, amount: "1" }, { id: `e${index}`, marked: index % 100 === 7 }, T1);
    expect(tally.evidence.slice(0, EVIDENCE_KEPT)).toEqual(Array.from({ length: EVIDENCE_KEPT }, (_, index) => `e${index}`));
    expect(tally.marked).toEqual(["e7", "e107", "e207", "e307", "e407"]);
    expect(tally.evidence.slice(EVIDENCE_KEPT)).toEqual(["e107", "e207", "e307", "e407"]);
    expect(tally.evidenceOmitted).toBe(true);
    const combined = combineFacts([{ sum: tally }, { sum: tally, sign: -1 }]);
    expect(combined.exact).toBe("0");
    expect(combined.marked).toEqual(tally.marked);
    expect(combined.evidence).toEqual(tally.evidence);
    expect(combined.evidenceOmitted).toBe(true);
  });
});
