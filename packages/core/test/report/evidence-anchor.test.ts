import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorSlug, evidenceAnchor } from "../../src/report/render/evidence-anchor.js";

// What the anchors were before the loop: the rendered reports' links must not move.
const bySubstitution = (key: string): string => key.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");

describe("evidence anchors", () => {
  it("slug a key as the substitution did, for any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (key) => anchorSlug(key) === bySubstitution(key)), { numRuns: 3000 });
    fc.assert(fc.property(fc.stringMatching(/^[a-zA-Z0-9.@/=:+\-_ åäöÅÄÖİ]{0,40}$/), (key) => anchorSlug(key) === bySubstitution(key)), { numRuns: 3000 });
  });

  it("keep a figure key's whole length apart", () => {
    expect(anchorSlug("finance.outcome@2020-T1..T2/row=ledning-och-stab")).toBe("finance-outcome-2020-t1-t2-row-ledning-och-stab");
    expect(anchorSlug("--Å--")).toBe("");
  });

  it("are the same for a figure's key however many other keys were asked in between (past the bound of those kept)", () => {
    const figure = (key: string) => ({ key, exact: "1", text: "1", unit: "kr" as const });
    const first = evidenceAnchor(figure("finance.outcome@2020/row=Å"));
    for (let index = 0; index < 20_000; index += 1) expect(evidenceAnchor(figure(`key.${index}`))).toBe(`underlag-key-${index}`);
    expect(evidenceAnchor(figure("finance.outcome@2020/row=Å"))).toBe(first);
    expect(first).toBe("underlag-finance-outcome-2020-row");
  });
});
