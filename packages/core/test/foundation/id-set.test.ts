import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSet } from "../../src/log/id-set.js";

const HASHES: readonly (readonly [string, ((text: string) => number) | undefined])[] = [
  ["FNV-1a", undefined],
  ["every id colliding", () => 0],
  ["ids colliding by length", (text) => text.length],
];

describe("the id set verify keeps", () => {
  it.each(HASHES)("answers as a Set does, with %s (property)", (_name, hashOf) => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a", "b", "ab", "ba", "\u{1F600}", "")), { maxLength: 3000 }), (ids) => {
        const ours = new IdSet(hashOf);
        const reference = new Set<string>();
        for (const id of ids) {
          expect([id, ours.has(id)]).toEqual([id, reference.has(id)]);
          expect([id, ours.add(id)]).toEqual([id, !reference.has(id)]);
          reference.add(id);
          expect(ours.size).toBe(reference.size);
        }
      }),
      { numRuns: hashOf === undefined ? 100 : 20 },
    );
  });

  it("grows past its first capacity and still finds every id once", () => {
    const ids = new IdSet();
    for (let index = 0; index < 50_000; index += 1) expect(ids.add(`bench-${index}`)).toBe(true);
    for (let index = 0; index < 50_000; index += 7) expect(ids.add(`bench-${index}`)).toBe(false);
    expect([ids.size, ids.has("bench-49999"), ids.has("bench-50000")]).toEqual([50_000, true, false]);
  });
});
