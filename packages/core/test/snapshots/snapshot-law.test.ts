import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultCatalog, defaultHouse, houseNeeds, type EventDraft } from "@tertial/core";
import { arbLogScript, defaultWorld, referencePreamble, snapshotEquivalenceLaw, type SnapshotLawTally } from "@tertial/core/testing";

/** Money, courses and meetings with amounts and dates spread over 2019–2020, so snapshots land between facts that matter. */
const SPANS = [
  { from: "2019-09-01", to: "2019-12-31" },
  { from: "2020-01-01", to: "2020-04-30" },
  { from: "2020-05-01", to: "2020-08-31" },
];
const arbMoney: fc.Arbitrary<EventDraft> = fc
  .record({ type: fc.constantFrom("finance.funds-received", "finance.cost-booked"), areaId: fc.constantFrom(...defaultWorld.areas), span: fc.constantFrom(...SPANS), amount: fc.integer({ min: -500_000, max: 3_000_000 }) })
  .map(({ type, areaId, span, amount }) => ({ type, effectiveAt: span.to, data: { areaId, ...span, amount: String(amount) } }));
const arbBudget: fc.Arbitrary<EventDraft> = fc
  .record({ areaId: fc.constantFrom(...defaultWorld.areas), amount: fc.integer({ min: 0, max: 5_000_000 }) })
  .map(({ areaId, amount }) => ({ type: "finance.budget-adopted", effectiveAt: "2019-12-15", data: { areaId, year: 2020, amount: String(amount) } }));
const arbCourse: fc.Arbitrary<EventDraft> = fc
  .record({ id: fc.constantFrom("c1", "c2", "c3"), date: fc.constantFrom("2020-03-03", "2020-06-30", "2019-04-04"), aneby: fc.nat(30) })
  .map(({ id, date, aneby }) => ({ type: "courses.course-held", effectiveAt: date, data: { courseId: id, title: id, occasions: 1, participants: { byMunicipality: { aneby } } } }));

const restate = (draft: EventDraft, variant: number): EventDraft | undefined => {
  const data = draft.data as Record<string, unknown>;
  return typeof data.amount === "string" ? { ...draft, data: { ...data, amount: String(variant % 100_000) } } : undefined;
};

const log = arbLogScript({ preamble: referencePreamble(), draft: fc.oneof({ weight: 3, arbitrary: arbMoney }, arbBudget, arbCourse), restate, maxEvents: 16 });
const needs = houseNeeds(defaultHouse).filter((need) => defaultHouse.projections.includes(need.projection) || defaultCatalog.projection(need.projection.name) !== undefined);

describe("snapshots", () => {
  it("a replay resumed from a snapshot equals the replay from the beginning, for every fold of the interim report (1 000 runs)", async () => {
    const tally: SnapshotLawTally = { runs: 0, resumed: 0, stale: 0 };
    await fc.assert(snapshotEquivalenceLaw(needs, { catalog: defaultCatalog, log }, tally), { numRuns: 1000 });
    // Not vacuous: most runs resume from a snapshot, and some meet one a later correction made stale.
    expect(tally.runs).toBe(1000);
    expect(tally.resumed).toBeGreaterThan(500);
    expect(tally.stale).toBeGreaterThan(0);
  }, 300_000);
});
