import * as fc from "fast-check";
import { describe, it } from "vitest";
import { budgetFollowUpProjection, coursesProjection, defaultCatalog, grantApplicationsProjection, outcomeBySourceProjection, period, type AnyProjection, type BudgetFollowUpResult, type EventDraft, type OutcomeBySourceResult } from "@tertial/core";
import { arbLogScript, checkpointEquivalenceLaw, correctionInvarianceLaw, defaultWorld, determinismLaw, knownAtPrefixLaw, periodAdditivityLaw, referencePreamble } from "@tertial/core/testing";

/** Accounting spans inside one tertial, so that tertials and their unions add up. */
const SPANS = [
  { from: "2019-09-01", to: "2019-12-31" },
  { from: "2020-01-01", to: "2020-04-30" },
  { from: "2020-02-01", to: "2020-02-29" },
  { from: "2020-05-01", to: "2020-08-31" },
  { from: "2020-06-01", to: "2020-07-31" },
];

/** A source the log defines, beside two built-in ones and none given. */
const SOURCES = ["kommunerna", "staten", "regionen", undefined];
const regionDefined: EventDraft = { type: "finance.funding-source-defined", effectiveAt: "2017-01-01", data: { sourceId: "regionen", name: "regionen", label: "Tillförda medel regionen" } };

const arbMoneyDraft: fc.Arbitrary<EventDraft> = fc
  .record({ type: fc.constantFrom("finance.funds-received", "finance.cost-booked"), areaId: fc.constantFrom(...defaultWorld.areas), span: fc.constantFrom(...SPANS), amount: fc.integer({ min: -500_000, max: 3_000_000 }), source: fc.constantFrom(...SOURCES) })
  .map(({ type, areaId, span, amount, source }) => ({ type, effectiveAt: span.to, data: { areaId, ...span, amount: String(amount), ...(source === undefined ? {} : { source }) } }));

const arbGrantDraft: fc.Arbitrary<EventDraft> = fc.oneof(
  fc
    .record({ id: fc.constantFrom("g1", "g2", "g3"), date: fc.constantFrom("2020-02-10", "2020-06-01", "2020-08-31"), amount: fc.integer({ min: 0, max: 2_000_000 }) })
    .map(({ id, date, amount }) => ({ type: "grants.application-submitted", effectiveAt: date, data: { applicationId: id, title: id, funderId: "forte", amount: String(amount) } })),
  fc.record({ id: fc.constantFrom("g1", "g2", "g3"), granted: fc.boolean() }).map(({ id, granted }) => ({
    type: "grants.application-decided",
    effectiveAt: "2020-09-15",
    data: { applicationId: id, decision: granted ? "granted" : "rejected", ...(granted ? { amountGranted: "1000" } : {}) },
  })),
);

const arbCourseDraft: fc.Arbitrary<EventDraft> = fc
  .record({ id: fc.constantFrom("c1", "c2", "c3", "c4"), date: fc.constantFrom("2020-03-03", "2020-06-30", "2020-07-01", "2019-04-04"), aneby: fc.nat(30) })
  .map(({ id, date, aneby }) => ({ type: "courses.course-held", effectiveAt: date, data: { courseId: id, title: id, occasions: 1, participants: { byMunicipality: { aneby } } } }));

const restate = (draft: EventDraft, variant: number): EventDraft | undefined => {
  const data = draft.data as Record<string, unknown>;
  return typeof data.amount === "string" ? { ...draft, data: { ...data, amount: String(variant % 100_000) } } : undefined;
};

const funder: EventDraft = { type: "reference.funder-established", effectiveAt: "2017-01-01", data: { funderId: "forte", name: "Forte", kind: "research-council" } };
const log = arbLogScript({ preamble: [...referencePreamble(), funder, regionDefined], draft: fc.oneof({ weight: 3, arbitrary: arbMoneyDraft }, arbGrantDraft, arbCourseDraft), restate, maxEvents: 14 });
/**
 * What the written-right half of correction invariance compares: a result without the event ids
 * its sums cite (in log order, so a replacement is cited where it was recorded), and with its
 * table rows in a fixed order. The tables list areas as the facts first name them, so a
 * correction of the first fact naming an area moves its row down: a deliberate order, not a
 * figure, and left out of the comparison.
 */
const factsOf = (value: unknown, key = ""): unknown => {
  if (Array.isArray(value)) {
    const items = value.map((item) => factsOf(item));
    return key === "rows" ? items.map((item) => JSON.stringify(item)).sort() : items;
  }
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([name]) => !["evidence", "marked", "evidenceOmitted"].includes(name)).map(([name, inner]) => [name, factsOf(inner, name)]));
};
const subject = { catalog: defaultCatalog, log, restate, factsOf: (result: unknown) => factsOf(result) };
const tertialSplits = fc.constantFrom(
  { first: period("2020-T1"), second: period("2020-T2"), whole: period("2020-T1..T2") },
  { first: period("2019-T3"), second: period("2020-T1"), whole: period("2019-T3..2020-T1") },
  { first: period("2020-T1..T2"), second: period("2020-T3"), whole: period("2020") },
);
const RUNS = { numRuns: 120 };
const PROJECTIONS: readonly AnyProjection[] = [budgetFollowUpProjection, outcomeBySourceProjection, grantApplicationsProjection, coursesProjection];

describe("the money, grant and course projections obey Tertial's laws", () => {
  it("received and costs are flows: T1 + T2 = T1..T2 over generated logs with corrections", async () => {
    await fc.assert(periodAdditivityLaw(budgetFollowUpProjection, (result: BudgetFollowUpResult) => result.total.received.exact, { ...subject, split: tertialSplits }), RUNS);
    await fc.assert(periodAdditivityLaw(budgetFollowUpProjection, (result: BudgetFollowUpResult) => result.total.outcome.exact, { ...subject, split: tertialSplits }), RUNS);
    // A defined source's costs are flows like any other's.
    await fc.assert(periodAdditivityLaw(outcomeBySourceProjection, (result: OutcomeBySourceResult) => result.total.bySource.regionen?.exact ?? null, { ...subject, split: tertialSplits }), RUNS);
  });

  it("depend only on what was recorded by the known-at date, and take corrections into account", async () => {
    for (const projection of PROJECTIONS) {
      await fc.assert(knownAtPrefixLaw(projection, subject), { numRuns: 60 });
      await fc.assert(correctionInvarianceLaw(projection, subject), { numRuns: 60 });
    }
  });

  it("resume from checkpoints and are deterministic", async () => {
    for (const projection of PROJECTIONS) {
      await fc.assert(checkpointEquivalenceLaw(projection, subject), { numRuns: 60 });
      await fc.assert(determinismLaw(projection, subject), { numRuns: 40 });
    }
  });
});
