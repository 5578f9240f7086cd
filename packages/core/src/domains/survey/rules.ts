import { defineRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { ANSWER_KEYS, SurveyQuestionDefined, SurveyResponseRecorded, SurveyRoundConducted, SurveyTallyRecorded } from "./events.js";

interface SurveyKnowledge {
  readonly references: KnownReferences;
  readonly rounds: Set<string>;
  /** roundId/questionId → networks it is put to. */
  readonly questions: Map<string, readonly string[]>;
  readonly responses: Set<string>;
}

const requireRound = (known: SurveyKnowledge, roundId: string): Issue[] =>
  known.rounds.has(roundId) ? [] : [issue("unknown-reference", "data.roundId", `unknown survey round "${roundId}"`, { expected: "a round conducted earlier in the log", actual: roundId })];

const questionIssue = (known: SurveyKnowledge, roundId: string, questionId: string, networkId: string | undefined, path: string): Issue[] => {
  const networks = known.questions.get(`${roundId}/${questionId}`);
  if (networks === undefined) return [issue("unknown-reference", path, `round "${roundId}" has no question "${questionId}"`, { actual: questionId })];
  if (networkId !== undefined && !networks.includes(networkId)) return [issue("invalid-field", path, `question "${questionId}" is not put to network "${networkId}"`, { expected: networks.join(", "), actual: networkId })];
  return [];
};

const responseIssues = (known: SurveyKnowledge, event: DomainEvent): Issue[] => {
  if (!SurveyResponseRecorded.is(event)) return [];
  const { roundId, responseId, networkId, answers } = event.data;
  const found = [...requireRound(known, roundId), ...known.references.requireNetwork(networkId, "data.networkId")];
  if (known.responses.has(`${roundId}/${responseId}`) && event.supersedes === undefined) found.push(issue("conflict", "data.responseId", `response "${responseId}" is already recorded`));
  for (const questionId of Object.keys(answers)) found.push(...questionIssue(known, roundId, questionId, networkId, `data.answers.${questionId}`));
  return found;
};

const tallyIssues = (known: SurveyKnowledge, event: DomainEvent): Issue[] => {
  if (!SurveyTallyRecorded.is(event)) return [];
  const { roundId, questionId, networkId, counts } = event.data;
  const found = requireRound(known, roundId);
  if (networkId !== undefined) found.push(...known.references.requireNetwork(networkId, "data.networkId"));
  found.push(...questionIssue(known, roundId, questionId, networkId, "data.questionId"));
  for (const key of Object.keys(counts)) {
    if (!(ANSWER_KEYS as readonly string[]).includes(key)) found.push(issue("invalid-field", `data.counts.${key}`, "is not an answer on the scale", { expected: 'one of "1"…"6" or "vet ej"', actual: key }));
  }
  return found;
};

/** Questions belong to a round; answers are to questions put to the respondent's network; tallies use the scale. */
export const surveyIntegrity = defineRule<SurveyKnowledge>({
  name: "survey-integrity",
  learnsFrom: [...REFERENCE_FACTS, ...[SurveyRoundConducted, SurveyQuestionDefined, SurveyResponseRecorded].map((definition) => definition.type)],
  init: () => ({ references: new KnownReferences(), rounds: new Set(), questions: new Map(), responses: new Set() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (SurveyRoundConducted.is(event)) known.rounds.add(event.data.roundId);
    if (SurveyQuestionDefined.is(event)) known.questions.set(`${event.data.roundId}/${event.data.questionId}`, event.data.networkIds);
    if (SurveyResponseRecorded.is(event)) known.responses.add(`${event.data.roundId}/${event.data.responseId}`);
  },
  check: (known, event) => {
    if (SurveyRoundConducted.is(event)) return known.rounds.has(event.data.roundId) && event.supersedes === undefined ? [issue("conflict", "data.roundId", `round "${event.data.roundId}" is already recorded`)] : [];
    if (SurveyQuestionDefined.is(event)) {
      const found = requireRound(known, event.data.roundId);
      event.data.networkIds.forEach((networkId, index) => found.push(...known.references.requireNetwork(networkId, `data.networkIds[${index}]`)));
      if (event.data.areaId !== undefined) found.push(...known.references.requireArea(event.data.areaId, "data.areaId"));
      return found;
    }
    return [...responseIssues(known, event), ...tallyIssues(known, event)];
  },
});
