import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldEvents, period, surveyProjection, surveyShare, type DomainEvent } from "@tertial/core";
import { domainEvent, referenceEvents, storeWithReference, tryAppend } from "../meetings/fixtures.js";

const YEAR = period("2020");
const round = (): DomainEvent[] => [
  ...referenceEvents(),
  domainEvent("survey.round-conducted", "2020-12-10", { roundId: "r2020", title: "Utvärdering 2020", year: 2020 }),
  domainEvent("survey.question-defined", "2020-12-10", { roundId: "r2020", questionId: "q1", text: "Nöjd?", networkIds: ["net"], order: 1 }),
  domainEvent("survey.question-defined", "2020-12-10", { roundId: "r2020", questionId: "q2", text: "Nytta?", networkIds: ["net"], order: 2 }),
];
const response = (answers: Record<string, number | string>) => domainEvent("survey.response-recorded", "2020-12-10", { roundId: "r2020", responseId: `resp-${Math.abs(JSON.stringify(answers).length)}-${Object.values(answers).join("")}`, networkId: "net", answers });
const fold = (events: DomainEvent[]) => foldEvents(surveyProjection, events, { period: YEAR });

const arbAnswer = fc.constantFrom<number | string>(1, 2, 3, 4, 5, 6, "vet ej");

describe("survey", () => {
  it("result = share of 5–6 among 1–6, with counts, slices and rank", () => {
    const result = fold([...round(), response({ q1: 5, q2: 2 }), response({ q1: 6, q2: "vet ej" }), response({ q1: 1, q2: 5 })]);
    const [q1, q2] = result.rounds[0]!.questions;
    expect(q1).toMatchObject({ questionId: "q1", answered: 3, satisfied: 2, dontKnow: 0, rank: 1 });
    expect(q2).toMatchObject({ questionId: "q2", answered: 2, satisfied: 1, dontKnow: 1, share: "0.5", rank: 2 });
    expect(q1?.byNetwork[0]).toMatchObject({ id: "net", answered: 3 });
    expect(q1?.byArea[0]).toMatchObject({ id: "aldre", answered: 3 });
  });

  it("law: adding 'vet ej' answers leaves the share unchanged", () => {
    fc.assert(
      fc.property(fc.array(arbAnswer, { maxLength: 40 }), fc.integer({ min: 1, max: 20 }), (answers, extra) => {
        const counts: Record<string, number> = {};
        for (const answer of answers) counts[String(answer)] = (counts[String(answer)] ?? 0) + 1;
        const before = surveyShare(counts);
        const after = surveyShare({ ...counts, "vet ej": (counts["vet ej"] ?? 0) + extra });
        expect(after.share).toBe(before.share);
        expect(after.answered).toBe(before.answered);
      }),
      { numRuns: 300 },
    );
  });

  it("tallies and single responses give the same result", () => {
    const tally = domainEvent("survey.tally-recorded", "2020-12-10", { roundId: "r2020", questionId: "q1", networkId: "net", counts: { "5": 1, "6": 1, "1": 1 } });
    const viaTally = fold([...round(), tally]).rounds[0]!.questions[0];
    const viaResponses = fold([...round(), response({ q1: 5 }), response({ q1: 6 }), response({ q1: 1 })]).rounds[0]!.questions[0];
    expect(viaTally?.share).toBe(viaResponses?.share);
  });
});

describe("survey: bad input is refused whole", () => {
  it("an answer of 7", async () => {
    const store = await storeWithReference();
    const setup = await tryAppend(store, [
      { type: "survey.round-conducted", effectiveAt: "2020-12-10", data: { roundId: "r", title: "R", year: 2020 } },
      { type: "survey.question-defined", effectiveAt: "2020-12-10", data: { roundId: "r", questionId: "q", text: "Q", networkIds: ["net"] } },
    ]);
    expect(setup.issues).toEqual([]);
    const { issues, appended } = await tryAppend(store, [{ type: "survey.response-recorded", effectiveAt: "2020-12-10", data: { roundId: "r", responseId: "x", networkId: "net", answers: { q: 7 } } }]);
    expect(appended).toBe(0);
    expect(issues[0]).toMatchObject({ code: "invalid-field", path: "data.answers.q", expected: 'a whole number 1–6 or "vet ej"', actual: "7" });
  });

  it("an answer to a question not put to the respondent's network", async () => {
    const store = await storeWithReference();
    await tryAppend(store, [
      { type: "reference.network-established", effectiveAt: "2017-01-01", data: { networkId: "other", name: "Annat", kind: "network", seats: [] } },
      { type: "survey.round-conducted", effectiveAt: "2020-12-10", data: { roundId: "r", title: "R", year: 2020 } },
      { type: "survey.question-defined", effectiveAt: "2020-12-10", data: { roundId: "r", questionId: "q", text: "Q", networkIds: ["net"] } },
    ]);
    const { issues } = await tryAppend(store, [{ type: "survey.response-recorded", effectiveAt: "2020-12-10", data: { roundId: "r", responseId: "x", networkId: "other", answers: { q: 5 } } }]);
    expect(issues[0]).toMatchObject({ path: "data.answers.q", actual: "other" });
  });
});
