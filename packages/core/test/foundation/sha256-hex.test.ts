import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Sha256Hex } from "@tertial/core";

const PATTERN = /^[0-9a-f]{64}$/;
const hex = fc.stringMatching(PATTERN);
// Texts near a hash: empty, one digit short or long, capitals, other characters at any place.
const near = fc.oneof(hex, fc.constant(""), hex.map((text) => text.slice(1)), hex.map((text) => `${text}0`), hex.map((text) => text.toUpperCase()), fc.tuple(hex, fc.nat(63), fc.constantFrom("g", " ", "é", "\u{1F600}")).map(([text, at, other]) => text.slice(0, at) + other + text.slice(at + 1)), fc.string());

describe("the hash check every read makes", () => {
  // First in a fresh module: the check remembers the last hash it accepted, and must not start out accepting "".
  it("refuses the empty text before it has accepted anything", () => {
    expect(Sha256Hex.is("")).toBe(false);
  });

  it("answers as the pattern does, whatever it was asked before (property)", () => {
    fc.assert(
      fc.property(fc.array(near, { maxLength: 20 }), (texts) => {
        for (const text of texts) expect([text, Sha256Hex.is(text)]).toEqual([text, PATTERN.test(text)]);
      }),
      { numRuns: 500 },
    );
  });
});
