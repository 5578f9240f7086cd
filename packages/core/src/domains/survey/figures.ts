import { dec } from "../../numbers/decimal.js";
import { defineFigure, type FigureSource } from "../../reconciliation/figure-source.js";
import { surveyProjection } from "./survey.js";

/**
 * The survey result for one question in the period's round: share of 5–6 among 1–6. Question ids
 * are kept from year to year, so a metric can compare with earlier rounds.
 */
export const surveyShareFigure = defineFigure(surveyProjection, {
  key: "survey.share",
  description: "Share of answers 5–6 among 1–6 for a question in the period's round, whole or for one network or area.",
  params: { question: "the question id", round: "only this round (default: the period's first round that asked the question)", network: "only this network's respondents", area: "only networks of this area" },
  unit: "percent",
  example: { question: "nytta" },
  compute: (result, params) => {
    for (const round of result.rounds.filter((candidate) => params.round === undefined || candidate.roundId === params.round)) {
      const question = round.questions.find((candidate) => candidate.questionId === params.question);
      if (question === undefined) continue;
      const slice = params.network !== undefined ? question.byNetwork.find((one) => one.id === params.network) : params.area !== undefined ? question.byArea.find((one) => one.id === params.area) : question;
      if (slice?.share === null || slice === undefined) return undefined;
      return { exact: dec(slice.share), evidence: question.evidence, derivation: `${slice.satisfied} of ${slice.answered} answered 5–6 (${slice.dontKnow} "vet ej" left out), round ${round.roundId}` };
    }
    return undefined;
  },
});

export const surveyFigures: readonly FigureSource[] = [surveyShareFigure];
