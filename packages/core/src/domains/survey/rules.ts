import { defineRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { ANSWER_KEYS, SurveyQuestionDefined, SurveyResponseRecorded, SurveyRoundConducted, SurveyTallyRecorded } from "./events.js";

interface SurveyKnowledge {
  readonly references: KnownReferences;
  /** roundId → the event recording it: a correction may restate its own target's round, never another's. */
  readonly rounds: Map<string, string>;
  /** roundId/questionId → networks it is put to. */
  readonly questions: Map<string, readonly string[]>;
  /** roundId/responseId → the event recording it. */
  readonly responses: Map<string, string>;
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
  found.push(
    ...heldKeyIssues(known.responses.get(`${roundId}/${responseId}`), event, { noun: "response", held: "recorded", key: responseId, path: "data.responseId" }, () => [
      issue("conflict", "data.responseId", `response "${responseId}" is already recorded`),
    ]),
  );
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
  // Revision 2: the state knows the event recording each round and response.
  revision: 2,
  init: () => ({ references: new KnownReferences(), rounds: new Map(), questions: new Map(), responses: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (SurveyRoundConducted.is(event)) known.rounds.set(event.data.roundId, event.id);
    if (SurveyQuestionDefined.is(event)) known.questions.set(`${event.data.roundId}/${event.data.questionId}`, event.data.networkIds);
    if (SurveyResponseRecorded.is(event)) known.responses.set(`${event.data.roundId}/${event.data.responseId}`, event.id);
  },
  check: (known, event) => {
    if (SurveyRoundConducted.is(event)) {
      const { roundId } = event.data;
      return heldKeyIssues(known.rounds.get(roundId), event, { noun: "round", held: "recorded", key: roundId, path: "data.roundId" }, () => [issue("conflict", "data.roundId", `round "${roundId}" is already recorded`)]);
    }
    if (SurveyQuestionDefined.is(event)) {
      const found = requireRound(known, event.data.roundId);
      event.data.networkIds.forEach((networkId, index) => found.push(...known.references.requireNetwork(networkId, `data.networkIds[${index}]`)));
      if (event.data.areaId !== undefined) found.push(...known.references.requireArea(event.data.areaId, "data.areaId"));
      return found;
    }
    return [...responseIssues(known, event), ...tallyIssues(known, event)];
  },
});
