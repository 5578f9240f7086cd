import { surveyProjection } from "../../domains/survey/survey.js";
import type { ReportTable } from "../document/blocks.js";
import { surveyShareFigure } from "../../domains/survey/figures.js";
import { definedCell, figureCell, headerRow, row, table, textCell } from "./cells.js";
import { nothing, resultOf, type BuiltSection, type FigureEvidence, type ReportBuildContext, defineSection } from "./context.js";

/**
 * The yearly evaluation survey (verksamhetsberättelse): per round, each question's share of
 * "mycket nöjd" (5–6 among answers 1–6, "vet ej" left out), with the counts behind it.
 * Rounds exist only in the year they were conducted; other reports leave this out.
 */
const buildSurveyAppendix = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, surveyProjection);
  if (result === undefined || result.rounds.length === 0) return nothing;
  const evidence: Record<string, readonly string[]> = {};
  const tables = result.rounds.map((round): ReportTable => {
    const key = (questionId: string, part: string): string => `survey.${part}@${round.roundId}/question=${questionId}`;
    for (const question of round.questions) evidence[key(question.questionId, "share")] = question.evidence;
    return table({
      id: `enkat-${round.roundId}`,
      caption: `${round.title} (${round.date})`,
      align: ["left", "right", "right", "right"],
      head: [headerRow(["Fråga", "Andel mycket nöjda (5–6)", "Svar 1–6", "Vet ej"])],
      body: round.questions.map((question) =>
        row([
          textCell(question.text),
          definedCell(context, surveyShareFigure, { question: question.questionId, round: round.roundId }, { key: key(question.questionId, "share"), unit: "percent" }),
          figureCell(key(question.questionId, "answered"), String(question.answered), "count"),
          figureCell(key(question.questionId, "dont-know"), String(question.dontKnow), "count"),
        ]),
      ),
    });
  });
  return { placements: [], appendices: [{ slot: "survey-results", id: "bilaga-enkat", title: "Årlig utvärderingsenkät", blocks: tables }], evidence: evidence as FigureEvidence };
};

export const surveyAppendix = defineSection({ name: "survey", figures: [surveyShareFigure], build: buildSurveyAppendix });
