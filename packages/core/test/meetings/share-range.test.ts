import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec } from "../../src/numbers/decimal.js";
import { rangeOf } from "../../src/domains/meetings/aggregate.js";
import { attendanceOf, type Attendance } from "../../src/domains/meetings/tally.js";

// What the range was before shares were compared by cross-multiplication: sorted by their decimals.
const byDecimals = (shares: Readonly<Record<string, Attendance>>) => {
  const rated = Object.entries(shares).filter((entry): entry is [string, Attendance & { share: string }] => entry[1].share !== null);
  if (rated.length === 0) return null;
  const sorted = [...rated].sort(([idA, a], [idB, b]) => dec(a.share).comparedTo(dec(b.share)) || (idA < idB ? -1 : 1));
  const [minId, low] = sorted[0] as [string, Attendance & { share: string }];
  const [maxId, high] = sorted[sorted.length - 1] as [string, Attendance & { share: string }];
  return { min: low.share, minId, max: high.share, maxId };
};

const arbTally = (most: number) => fc.integer({ min: 0, max: most }).chain((expected) => fc.record({ expected: fc.constant(expected), present: fc.integer({ min: 0, max: expected }) }));

describe("the range of attendance shares", () => {
  it("is the one the exact decimal shares give, for seat counts small and past what a double multiplies exactly", () => {
    for (const most of [12, 2_000, 2 ** 40]) {
      fc.assert(
        fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), arbTally(most), { maxKeys: 12 }), (tallies) => {
          const shares = Object.fromEntries(Object.entries(tallies).map(([id, tally]) => [id, attendanceOf(tally)]));
          expect(rangeOf(shares)).toEqual(byDecimals(shares));
        }),
        { numRuns: 700 },
      );
    }
  });
});
