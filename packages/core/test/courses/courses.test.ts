import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coursesProjection, Decimal, roundTo, type CostReductionResult, type CoursesResult, type EventDraft } from "@tertial/core";
import { fact, fold, replayExample, storeWithReference } from "../finance/support.js";

const pct = (share: string | null | undefined): string => (share === null || share === undefined ? "" : roundTo(new Decimal(share).times(100), { decimals: 0, mode: "half-up" }).toFixed());

describe("courses on the example (T-N, T-O, T-P)", () => {
  it("reproduces the half-year's courses, participants, shares and the change against 2019", async () => {
    const result = await replayExample<CoursesResult>("courses", "2020-H1");
    expect(result.current.held?.count).toBe(34);
    expect(result.current.heldByCommissioner).toEqual({ miljosamverkan: 1, "fourum-svhs": 29, "fourum-fritid": 1, "region-jonkopings-lan": 2, "region-halland": 1 });
    expect(result.current.participants?.total).toBe(438);
    expect(result.current.participants?.region).toBe(60);
    expect(result.current.participants?.external).toBe(11);
    expect(result.current.cancelled?.count).toBe(23);
    expect(result.current.cancelledByReason).toEqual({ "pandemic-or-illness": 23 });
    const shares = Object.fromEntries(Object.entries(result.participantShares ?? {}).map(([origin, share]) => [origin, pct(share)]));
    expect(shares).toEqual({ aneby: "0", eksjo: "10", gislaved: "3", gnosjo: "3", habo: "4", jonkoping: "34", mullsjo: "0", nassjo: "5", savsjo: "3", tranas: "2", vaggeryd: "9", vetlanda: "1", varnamo: "10", region: "14", external: "3" });
    expect(pct(result.heldChange)).toBe("-56");
    expect(pct(result.participantsChange)).toBe("-84");
    expect(result.samePeriodLastYear.held?.count).toBe(78);
  });

  it("counts the single cancelled course inside the half-year summary, not on top of it", async () => {
    const result = await replayExample<CoursesResult>("courses", "2020-T1..T2");
    expect(result.current.cancelled?.count).toBe(23);
    expect(result.revenue).toEqual(expect.objectContaining({ amount: "648000", byPayer: { kommunerna: "425000", ovriga: "223000" } }));
  });
});

describe("courses from single course facts", () => {
  it("counts participants per commissioning party where every course names its party", () => {
    const events = [
      fact("courses.course-scheduled", "2020-02-01", { courseId: "a", title: "A", commissionedBy: "miljosamverkan" }),
      fact("courses.course-held", "2020-02-10", { courseId: "a", occasions: 1, participants: { byMunicipality: { aneby: 4 }, region: 1 } }),
      fact("courses.course-held", "2020-03-10", { courseId: "b", title: "B", commissionedBy: "fourum-svhs", participants: { byMunicipality: { eksjo: 7 } } }),
    ];
    const result = fold(coursesProjection, events, "2020-H1");
    expect(result.current.participants?.byCommissioner).toEqual({ miljosamverkan: 5, "fourum-svhs": 7 });
    expect(result.current.heldByCommissioner).toEqual({ miljosamverkan: 1, "fourum-svhs": 1 });
    expect(result.current.cancelled).toBeNull();
  });
});

describe("course-cost-reduction on the example (Tabell 1, T-B)", () => {
  it("reproduces every row and the weighted total share", async () => {
    const result = await replayExample<CostReductionResult>("course-cost-reduction", "2020-H1");
    expect(result.rows.map((row) => [row.title, row.reductionPerParticipant, row.reductionPerCourse, pct(row.reductionShare)])).toEqual([
      ["Entreprenadjuridik", "3000", "45000", "53"],
      ["Lagen om offentlig upphandling LOU", "4275", "128250", "66"],
      ["Aktuell rättspraxis", "3930", "58950", "61"],
      ["Motiverande samtal, 3 dagar", "2390", "47800", "35"],
      ["Projektledning och projektmetodik, 2 dagar", "9040", "144640", "70"],
      ["Arbete på väg nivå 2.2, 2 dagar", "2550", "40800", "39"],
    ]);
    expect(result.totalReduction).toBe("465440");
    expect(pct(result.totalShare)).toBe("56");
  });
});

describe("courses laws", () => {
  it("participant shares sum to exactly one before rounding", () => {
    const arbHeld = fc.record({ aneby: fc.nat(50), eksjo: fc.nat(50), region: fc.nat(20), external: fc.nat(20) });
    fc.assert(
      fc.property(fc.array(arbHeld, { minLength: 1, maxLength: 8 }), (courses) => {
        const events = courses.map((course, index) =>
          fact("courses.course-held", "2020-03-10", { courseId: `c${index}`, title: "Kurs", participants: { byMunicipality: { aneby: course.aneby, eksjo: course.eksjo }, region: course.region, external: course.external } }),
        );
        const result = fold(coursesProjection, events, "2020-H1");
        const total = courses.reduce((sum, course) => sum + course.aneby + course.eksjo + course.region + course.external, 0);
        expect(result.current.participants?.total).toBe(total);
        if (total === 0) return;
        const sum = Object.values(result.participantShares ?? {}).reduce((acc, share) => acc.plus(share), new Decimal(0));
        expect(sum.toDecimalPlaces(40).equals(1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("period additivity: courses held in H1 and in Jul–Dec add up to the year", () => {
    const DATES = ["2020-02-01", "2020-06-30", "2020-07-01", "2020-11-20"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DATES), { maxLength: 12 }), (dates) => {
        const events = dates.map((date, index) => fact("courses.course-held", date, { courseId: `c${index}`, title: "Kurs", occasions: 1 }));
        const count = (name: string) => fold(coursesProjection, events, name).current.held?.count ?? 0;
        expect(count("2020-H1") + count("2020-H2")).toBe(count("2020"));
      }),
      { numRuns: 200 },
    );
  });
});

describe("courses bad input", () => {
  const scheduled: EventDraft = { id: "sch", type: "courses.course-scheduled", effectiveAt: "2020-02-01", data: { courseId: "mi", title: "Motiverande samtal", commissionedBy: "fou" } };
  const cancelled: EventDraft = { id: "can", type: "courses.course-cancelled", effectiveAt: "2020-03-15", data: { courseId: "mi", reason: "pandemic" } };
  const held: EventDraft = { id: "held", type: "courses.course-held", effectiveAt: "2020-04-01", data: { courseId: "mi", occasions: 1, participants: { byMunicipality: { aneby: 12 } } } };

  it("rejects participants for a cancelled course, and appends nothing", async () => {
    const store = await storeWithReference();
    expect((await store.append([scheduled, cancelled])).ok).toBe(true);
    const outcome = await store.append([held]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues[0]).toEqual(expect.objectContaining({ code: "conflict", path: "data.courseId" }));
    expect(store.events()).toHaveLength(6);
  });

  it("rejects participants from an unknown municipality and an unknown commissioning party", async () => {
    const store = await storeWithReference();
    const outcome = await store.append([
      { ...scheduled, data: { courseId: "mi", title: "Motiverande samtal", commissionedBy: "nobody" } },
      { ...held, data: { courseId: "mi", occasions: 1, participants: { byMunicipality: { atlantis: 3 } } } },
    ]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.issues.map((found) => found.path)).toEqual(expect.arrayContaining(["data.commissionedBy", "data.participants.byMunicipality.atlantis"]));
    expect(store.events()).toHaveLength(4);
  });

  it("refuses a second summary counting the same half-year again, and takes one that replaces it or counts something else", async () => {
    const summary = (id: string, from: string, to: string, data: Record<string, unknown>, supersedes?: string): EventDraft => ({
      id,
      type: "courses.period-summary-recorded",
      effectiveAt: to,
      data: { from, to, ...data },
      ...(supersedes === undefined ? {} : { supersedes }),
    });
    const store = await storeWithReference();
    expect((await store.append([summary("h1", "2020-01-01", "2020-06-30", { coursesHeld: 20, participantsTotal: 300 })])).ok).toBe(true);
    const twice = await store.append([summary("h1-again", "2020-01-01", "2020-06-30", { coursesHeld: 20 })]);
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.issues).toEqual([expect.objectContaining({ code: "conflict", message: expect.stringContaining('overlaps period summary "h1" (2020-01-01..2020-06-30), which already counts courses held') as unknown })]);
    const overlapping = await store.append([summary("spring", "2020-03-01", "2020-08-31", { participantsTotal: 100 })]);
    expect(overlapping.ok).toBe(false);
    expect((await store.append([summary("year-cancelled", "2020-01-01", "2020-12-31", { cancelled: 3 })])).ok).toBe(true);
    expect((await store.append([summary("h1-corrected", "2020-01-01", "2020-06-30", { coursesHeld: 21, participantsTotal: 300 }, "h1")])).ok).toBe(true);
    expect((await store.append([summary("h2", "2020-07-01", "2020-12-31", { coursesHeld: 15 })])).ok).toBe(true);
  });
});
