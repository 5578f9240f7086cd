import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { basisReader, type FactBasis } from "../../src/report/builders/fact-basis.js";
import { shareOf } from "../../src/domains/meetings/tally.js";
import { dec, ratio, toDecimalString } from "../../src/numbers/decimal.js";

// The definition: the weakest basis among the evidence, illustrative over reconstructed over recorded.
const weakest = (marked: Readonly<Record<string, Exclude<FactBasis, "recorded">>>, evidence: readonly string[]): FactBasis => {
  const found = evidence.map((id) => (Object.prototype.hasOwnProperty.call(marked, id) ? marked[id] : "recorded"));
  return found.includes("illustrative") ? "illustrative" : found.includes("reconstructed") ? "reconstructed" : "recorded";
};

const id = fc.constantFrom("a", "b", "c", "d", "e", "f", "constructor", "__proto__");
const marks = fc.dictionary(id, fc.constantFrom("reconstructed" as const, "illustrative" as const));

describe("a figure's basis", () => {
  it("is the weakest of its evidence, asked once or many times", () => {
    fc.assert(
      fc.property(marks, fc.array(fc.array(id, { maxLength: 6 }), { maxLength: 6 }), (marked, lists) => {
        const basisOf = basisReader({ marked });
        for (const evidence of [...lists, ...lists]) expect(basisOf(evidence)).toBe(weakest(marked, evidence));
      }),
      { numRuns: 500 },
    );
  });
});

describe("a pooled share", () => {
  it("is the exact quotient, whichever counts were divided before", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { maxLength: 30 }), (pairs) => {
        for (const [count, total] of [...pairs, ...pairs]) {
          const quotient = ratio(dec(count), dec(total));
          expect(shareOf(count, total)).toBe(quotient === undefined ? null : toDecimalString(quotient));
        }
      }),
      { numRuns: 300 },
    );
  });
});
