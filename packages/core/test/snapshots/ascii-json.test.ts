import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiJson } from "../../src/log/ascii-json.js";

describe("snapshot files written in ASCII", () => {
  it("parse back to the value JSON gives, for any text (å, dashes, emoji, lone surrogates), in ASCII only", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ unit: "binary" }), (value, text) => {
        for (const each of [value, { text }, [text, value]]) {
          const written = asciiJson(each);
          expect([...written].every((char) => char.charCodeAt(0) < 0x80)).toBe(true);
          expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(each)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
