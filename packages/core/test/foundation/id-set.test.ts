import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdSet } from "../../src/log/id-set.js";
import { RepeatedIds } from "../../src/log/repeated-ids.js";

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

describe("the repeated ids a whole-log verify finds at the end", () => {
  it.each(HASHES)("are the readings the id set refuses, in order, with their lines, with %s (property)", (_name, hashOf) => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a", "b", "ab", "ba", "\u{1F600}", "")), { maxLength: 3000 }), (ids) => {
        const asItGoes = new IdSet(hashOf);
        const atEnd = new RepeatedIds(hashOf);
        const refused: { id: string; line: number }[] = [];
        ids.forEach((id, index) => {
          if (!asItGoes.add(id)) refused.push({ id, line: index + 1 });
          atEnd.add(id, index + 1);
        });
        expect(atEnd.repeats()).toEqual(refused);
      }),
      { numRuns: hashOf === undefined ? 100 : 20 },
    );
  });

  it("sort hashes of either sign, and find a repeat far from its first reading", () => {
    const ids = new RepeatedIds((text) => (text.length % 2 === 0 ? -text.length : text.length * 65_537));
    for (let index = 0; index < 70_000; index += 1) ids.add(`id-${index}`, index + 1);
    ids.add("id-3", 70_001);
    ids.add("id-69999", 70_002);
    expect(ids.repeats()).toEqual([
      { id: "id-3", line: 70_001 },
      { id: "id-69999", line: 70_002 },
    ]);
  });
});
