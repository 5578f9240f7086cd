import type { DomainEvent } from "../../events/envelope.js";
import { dec } from "../../numbers/decimal.js";
import { defineProjection } from "../../projection/projection.js";
import type { IsoDate } from "../../time/calendar.js";
import { effectiveDateOf } from "../../time/effective.js";
import { contains, type Period } from "../../time/period.js";
import { emptyDirectory, learnReference, type Directory } from "../reference/directory.js";
import { SurveyQuestionDefined, SurveyResponseRecorded, SurveyRoundConducted, SurveyTallyRecorded } from "./events.js";
import { addCounts, surveyShare, type AnswerCounts, type SurveyShare } from "./share.js";

interface QuestionRecord {
  text: string;
  networkIds: string[];
  order?: number;
  /** Counts per network; "" holds tallies given for the whole round without a network. */
  counts: Record<string, AnswerCounts>;
  evidence: string[];
}

interface RoundRecord {
  title: string;
  year: number;
  date: string;
  questions: Record<string, QuestionRecord>;
}

export interface SurveyState {
  directory: Directory;
  rounds: Record<string, RoundRecord>;
}

export interface SurveySlice extends SurveyShare {
  readonly id: string;
}

export interface SurveyQuestionResult extends SurveyShare {
  readonly questionId: string;
  readonly text: string;
  readonly networkIds: readonly string[];
  /** 1 for the highest share in the round; equal shares share a rank; null without a share. */
  readonly rank: number | null;
  readonly byNetwork: readonly SurveySlice[];
  readonly byArea: readonly SurveySlice[];
  readonly evidence: readonly string[];
}

export interface SurveyResult {
  readonly period: string;
  readonly rounds: readonly { readonly roundId: string; readonly title: string; readonly year: number; readonly date: string; readonly questions: readonly SurveyQuestionResult[] }[];
}

const KEY_OF = (answer: number | string): string => String(answer);

const countInto = (question: QuestionRecord, networkId: string, counts: Readonly<AnswerCounts>, eventId: string): void => {
  question.counts[networkId] = addCounts(question.counts[networkId] ?? {}, counts);
  question.evidence.push(eventId);
};

const evolveSurvey = (state: SurveyState, event: DomainEvent, period: Period): SurveyState => {
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > period.end) return state;
  learnReference(state.directory, event);
  if (SurveyRoundConducted.is(event)) state.rounds[event.data.roundId] = { title: event.data.title, year: event.data.year, date, questions: {} };
  else if (SurveyQuestionDefined.is(event)) {
    const round = state.rounds[event.data.roundId];
    if (round !== undefined) round.questions[event.data.questionId] = { text: event.data.text, networkIds: [...event.data.networkIds], counts: {}, evidence: [event.id], ...(event.data.order === undefined ? {} : { order: event.data.order }) };
  } else if (SurveyResponseRecorded.is(event)) {
    const round = state.rounds[event.data.roundId];
    for (const [questionId, answer] of Object.entries(event.data.answers)) {
      const question = round?.questions[questionId];
      if (question !== undefined) countInto(question, event.data.networkId, { [KEY_OF(answer)]: 1 }, event.id);
    }
  } else if (SurveyTallyRecorded.is(event)) {
    const question = state.rounds[event.data.roundId]?.questions[event.data.questionId];
    if (question !== undefined) countInto(question, event.data.networkId ?? "", event.data.counts, event.id);
  }
  return state;
};

const pooledCounts = (question: QuestionRecord, keep: (networkId: string) => boolean): AnswerCounts => {
  const out: AnswerCounts = {};
  for (const [networkId, counts] of Object.entries(question.counts)) if (keep(networkId)) addCounts(out, counts);
  return out;
};

const areaSlices = (question: QuestionRecord, directory: Directory): SurveySlice[] => {
  const areas = [...new Set(Object.keys(question.counts).map((networkId) => directory.networks[networkId]?.areaId).filter((areaId): areaId is string => areaId !== undefined))].sort();
  return areas.map((areaId) => ({ id: areaId, ...surveyShare(pooledCounts(question, (networkId) => directory.networks[networkId]?.areaId === areaId)) }));
};

const questionResult = (questionId: string, question: QuestionRecord, directory: Directory): Omit<SurveyQuestionResult, "rank"> => ({
  questionId,
  text: question.text,
  networkIds: question.networkIds,
  ...surveyShare(pooledCounts(question, () => true)),
  byNetwork: Object.keys(question.counts)
    .filter((networkId) => networkId !== "")
    .sort()
    .map((networkId) => ({ id: networkId, ...surveyShare(question.counts[networkId] ?? {}) })),
  byArea: areaSlices(question, directory),
  evidence: [...question.evidence].sort(),
});

/** Rank within a round: 1 + the number of questions with a strictly higher share. */
const withRanks = (questions: Omit<SurveyQuestionResult, "rank">[]): SurveyQuestionResult[] =>
  questions.map((question) => ({
    ...question,
    rank: question.share === null ? null : 1 + questions.filter((other) => other.share !== null && dec(other.share).gt(dec(question.share ?? "0"))).length,
  }));

const orderOf = (round: RoundRecord) => (a: string, b: string): number => (round.questions[a]?.order ?? 999) - (round.questions[b]?.order ?? 999) || (a < b ? -1 : 1);

/** Survey results of the rounds conducted in the period: share of 5–6 among 1–6 per question, per network and area, and rank. */
export const surveyProjection = defineProjection<SurveyState, SurveyResult>({
  name: "survey",
  description: "Evaluation survey rounds in the period: per question the share of 5–6 among answers 1–6 (\"vet ej\" left out), with counts, network and area slices and rank in the round.",
  init: () => ({ directory: emptyDirectory(), rounds: {} }),
  evolve: (state, event, { period }) => evolveSurvey(state, event, period),
  result: (state, { period }) => ({
    period: period.name,
    rounds: Object.entries(state.rounds)
      .filter(([, round]) => contains(period, round.date as IsoDate))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([roundId, round]) => ({
        roundId,
        title: round.title,
        year: round.year,
        date: round.date,
        questions: withRanks(Object.keys(round.questions).sort(orderOf(round)).map((questionId) => questionResult(questionId, round.questions[questionId] as QuestionRecord, state.directory))),
      })),
  }),
});
