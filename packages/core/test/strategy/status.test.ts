import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dec, deriveStatus, STATUS_RANK, trendOf } from "@tertial/core";

const arbDecimal = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((cents) => dec(cents).dividedBy(100));
const arbTheta = fc.integer({ min: 0, max: 100 }).map((percent) => dec(percent).dividedBy(100));

describe("default status rule", () => {
  it("matches the report's symbols for the 2020 rows", () => {
    const higher = (result: string, target: string) => deriveStatus({ result: dec(result), target: dec(target), direction: "higher-is-better" });
    expect(higher("3", "4")).toBe("partly-met"); // 3 of 8 against 50 % of 8
    expect(higher("0.66", "0.8")).toBe("partly-met");
    expect(higher("0.94", "0.8")).toBe("met");
    expect(higher("0", "0")).toBe("met");
    expect(higher("34", "78")).toBe("not-met");
    expect(higher("438", "2726")).toBe("not-met");
    expect(deriveStatus({ result: undefined, target: dec("0.8"), direction: "higher-is-better" })).toBe("no-result");
    expect(deriveStatus({ result: dec("0.58"), target: undefined, direction: "higher-is-better" })).toBeNull();
  });

  it("law: status is monotone in the result for a higher-is-better metric", () => {
    fc.assert(
      fc.property(arbDecimal, arbDecimal, arbDecimal, arbTheta, (a, b, target, theta) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        const status = (result: typeof a) => deriveStatus({ result, target, direction: "higher-is-better", partialThreshold: theta });
        expect(STATUS_RANK[status(low)!]).toBeLessThanOrEqual(STATUS_RANK[status(high)!]);
      }),
      { numRuns: 500 },
    );
  });

  it("law: status is antitone in the result for a lower-is-better metric", () => {
    fc.assert(
      fc.property(arbDecimal, arbDecimal, arbDecimal, arbTheta, (a, b, target, theta) => {
        const [low, high] = a.lte(b) ? [a, b] : [b, a];
        const status = (result: typeof a) => deriveStatus({ result, target, direction: "lower-is-better", partialThreshold: theta });
        expect(STATUS_RANK[status(low)!]).toBeGreaterThanOrEqual(STATUS_RANK[status(high)!]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("trend", () => {
  it("law: the trend flips when result and comparison swap", () => {
    const flipped = { up: "down", down: "up", unchanged: "unchanged" } as const;
    fc.assert(
      fc.property(arbDecimal, arbDecimal, (result, comparison) => {
        expect(trendOf(comparison, result)).toBe(flipped[trendOf(result, comparison)]);
      }),
      { numRuns: 500 },
    );
  });
});
