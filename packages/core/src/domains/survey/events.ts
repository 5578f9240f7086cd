import * as t from "io-ts";
import { Id, NonEmptyString, NonNegativeInteger, PositiveInteger, describe, listOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

export const DONT_KNOW = "vet ej" as const;
export const SCALE = [1, 2, 3, 4, 5, 6] as const;
/** The answer keys a tally uses: "1"…"6" and "vet ej". */
export const ANSWER_KEYS = ["1", "2", "3", "4", "5", "6", DONT_KNOW] as const;

const isAnswer = (value: unknown): value is Answer => value === DONT_KNOW || (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 6);

/** One answer on the 1–6 scale, or "vet ej" (which is not an answer and leaves the denominator). */
export const Answer = describe(
  new t.Type<Answer, Answer, unknown>("Answer", isAnswer, (value, context) => (isAnswer(value) ? t.success(value) : t.failure(value, context)), (value) => value),
  'a whole number 1–6 or "vet ej"',
  { anyOf: [{ type: "integer", minimum: 1, maximum: 6 }, { const: DONT_KNOW }] },
);
export type Answer = 1 | 2 | 3 | 4 | 5 | 6 | typeof DONT_KNOW;

export const SurveyRoundConducted = defineEvent({
  type: "survey.round-conducted",
  description: "A round of the yearly evaluation survey (årlig utvärderingsenkät) is conducted on the effective date.",
  data: strictObject("SurveyRoundConducted", { roundId: Id, title: NonEmptyString, year: PositiveInteger }, { note: NonEmptyString }),
});

export const SurveyQuestionDefined = defineEvent({
  type: "survey.question-defined",
  description: "A question of a round and the networks it is put to (a question may be put to only some networks).",
  data: strictObject("SurveyQuestionDefined", { roundId: Id, questionId: Id, text: NonEmptyString, networkIds: listOf(Id, 1) }, { areaId: Id, order: PositiveInteger }),
});

export const SurveyResponseRecorded = defineEvent({
  type: "survey.response-recorded",
  description: "One respondent's answers in a round, from one network: per question 1–6 or \"vet ej\".",
  data: strictObject("SurveyResponseRecorded", { roundId: Id, responseId: Id, networkId: Id, answers: recordOf(Answer) }),
});

export const SurveyTallyRecorded = defineEvent({
  type: "survey.tally-recorded",
  description: "Per-question counts of each answer (\"1\"…\"6\", \"vet ej\") where only tallies exist, optionally for one network.",
  data: strictObject("SurveyTallyRecorded", { roundId: Id, questionId: Id, counts: recordOf(NonNegativeInteger) }, { networkId: Id }),
});

export const surveyEvents = [SurveyRoundConducted, SurveyQuestionDefined, SurveyResponseRecorded, SurveyTallyRecorded] as const;
