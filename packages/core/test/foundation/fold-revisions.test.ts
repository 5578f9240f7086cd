import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { defaultCatalog, defaultHouse, foldIdentity, houseNeeds, type AnyProjection, type DomainFold } from "../../src/index.js";
import { planHouse } from "../../src/report/plan/house.js";
import { slideGoalsProjection } from "../../src/report/slides/goals.js";

/** Every fold a built-in replay, report, plan or slide deck keeps state for: snapshots and checkpoints hold their states. */
const builtInFolds = (): Map<string, DomainFold<unknown>> => {
  const projections: AnyProjection[] = [...defaultCatalog.projections, ...[defaultHouse, planHouse].flatMap((house) => houseNeeds(house).map((need) => need.projection)), slideGoalsProjection];
  const folds = new Map<string, DomainFold<unknown>>();
  for (const projection of projections) {
    for (const fold of [foldIdentity(projection), projection.shared?.own]) if (fold !== undefined) folds.set(fold.name, fold as DomainFold<unknown>);
  }
  return folds;
};

const codeOf = (fold: DomainFold<unknown>): string =>
  createHash("sha256")
    .update([fold.init, fold.evolve, fold.save, fold.load].map((part) => (part === undefined ? "" : String(part))).join("\n"))
    .digest("hex")
    .slice(0, 16);

// What each built-in fold's state means, pinned: the code that makes and changes it (as this test
// runner compiles it) beside the revision it declares. Changing a fold's init, evolve, save or load
// fails here until its entry is updated; if what its state holds changed, bump the fold's
// `revision` too, or snapshots and checkpoints saved by the earlier code would be resumed from.
const PINNED: Readonly<Record<string, { readonly revision: number; readonly code: string }>> = {
  "activities": { revision: 1, code: "1f22db6245d7a90e" },
  "attendance": { revision: 2, code: "f4ea1e15553dc91f" },
  "course-register": { revision: 2, code: "a06ba3d3c566011c" },
  "finance-ledger": { revision: 3, code: "bd1b7b92f86e3707" },
  "grant-applications": { revision: 2, code: "244edd1573f20c10" },
  "indicators": { revision: 1, code: "5d0d6c97c3d038d9" },
  "metrics": { revision: 1, code: "5126fe7c5dcc7b53" },
  "metrics-facts": { revision: 1, code: "a32f759c4b17a8c8" },
  "narrative": { revision: 3, code: "4a7c9b0045cfd1b7" },
  "network-members": { revision: 1, code: "65248dc09a55328e" },
  "plan-follow-up": { revision: 2, code: "6db25f582e72fc57" },
  "plan-goal-wording": { revision: 2, code: "06f9608da0c01dd1" },
  "plans": { revision: 4, code: "1bf5ded9950a1f7c" },
  "publication": { revision: 2, code: "ab8a4dce7ab4d273" },
  "recorded-metric-results": { revision: 1, code: "88192a9c2b8ff144" },
  "reference": { revision: 1, code: "81cddef099732ef2" },
  "report-fact-basis": { revision: 1, code: "0696bbb8826224f5" },
  "report-goals": { revision: 2, code: "06f9608da0c01dd1" },
  "report-metric-descriptions": { revision: 2, code: "12851a667cef93b3" },
  "research": { revision: 1, code: "3d29b7f74233d943" },
  "slide-goals": { revision: 3, code: "c8fa652137b41443" },
  "staff-changes": { revision: 1, code: "42cab6e9bd98e597" },
  "staffing": { revision: 2, code: "d986e94b81f62736" },
  "strategy-overview": { revision: 1, code: "5e46eaa25c025a15" },
  "survey": { revision: 1, code: "33c58456002a417c" },
};

describe("the built-in folds' code", () => {
  it("is pinned with the revision it declares", () => {
    const actual = Object.fromEntries([...builtInFolds()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, fold]) => [name, { revision: fold.revision ?? 1, code: codeOf(fold) }]));
    expect(Object.keys(actual).length).toBeGreaterThan(20);
    expect(actual, "a fold's init, evolve, save or load changed: update PINNED, and bump the fold's revision if what its state holds changed").toEqual(PINNED);
  });
});
