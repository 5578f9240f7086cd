import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignLists, type AlignStep } from "../../../src/report/diff/align.js";

const sideA = <T>(steps: readonly AlignStep<T>[]): T[] => steps.flatMap((step) => (step.op === "added" ? [] : [step.a]));
const sideB = <T>(steps: readonly AlignStep<T>[]): T[] => steps.flatMap((step) => (step.op === "removed" ? [] : [step.b]));

/** Small alphabets, so lists share and repeat items. */
const list = fc.array(fc.constantFrom("a", "b", "c", "d", "e"), { maxLength: 9 });
const identity = (item: string): string => item;

/** The longest common subsequence, by brute force over A's subsequences: the reference the table must match. */
const lcsLength = (a: readonly string[], b: readonly string[]): number => {
  let best = 0;
  for (let mask = 0; mask < 1 << a.length; mask += 1) {
    const picked = a.filter((_, index) => (mask & (1 << index)) !== 0);
    let at = 0;
    for (const item of b) if (item === picked[at]) at += 1;
    if (at === picked.length) best = Math.max(best, picked.length);
  }
  return best;
};

describe("alignLists", () => {
  it("law: a list aligned with itself is all same", () => {
    fc.assert(
      fc.property(list, (a) => {
        expect(alignLists(a, a, identity).every((step) => step.op === "same")).toBe(true);
      }),
    );
  });

  it("law: the a-side of the steps is A and the b-side is B (applying the adds and removes to A gives B)", () => {
    fc.assert(
      fc.property(list, list, fc.boolean(), (a, b, pairAll) => {
        const steps = alignLists(a, b, identity, () => pairAll);
        expect(sideA(steps)).toEqual(a);
        expect(sideB(steps)).toEqual(b);
      }),
    );
  });

  it("law: as many items as possible are same, and only equal keys are same", () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const steps = alignLists(a, b, identity);
        expect(steps.filter((step) => step.op === "same" && step.a !== step.b)).toEqual([]);
        expect(steps.filter((step) => step.op === "same").length).toBe(lcsLength(a, b));
      }),
    );
  });

  it("one item inserted leaves every later item same", () => {
    const steps = alignLists(["p1", "p2", "p3", "p4"], ["p1", "new", "p2", "p3", "p4"], identity);
    expect(steps.map((step) => step.op)).toEqual(["same", "added", "same", "same", "same"]);
  });

  it("pairs a removed and an added item the caller calls one rewritten, in order, and leaves the rest", () => {
    const steps = alignLists(["x", "old text", "y"], ["x", "inserted", "new text", "y"], identity, (a, b) => a.endsWith("text") && b.endsWith("text"));
    expect(steps).toEqual([{ op: "same", a: "x", b: "x" }, { op: "added", b: "inserted" }, { op: "changed", a: "old text", b: "new text" }, { op: "same", a: "y", b: "y" }]);
  });
});
