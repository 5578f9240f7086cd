import { surveyProjection } from "../../domains/survey/survey.js";
import type { SurveyResult } from "../../domains/survey/survey.js";
import { metricsProjection } from "../../domains/strategy/index.js";
import { dec } from "../../numbers/decimal.js";
import type { ReportBlock, ReportChart } from "../document/blocks.js";
import { reportFigure } from "../document/figure.js";
import { surveyShareFigure } from "../../domains/survey/figures.js";
import { definedCell, definedFigure, figureCell, headerRow, row, table, textCell } from "./cells.js";
import { nothing, resultOf, type BuiltSection, type FigureEvidence, type ReportBuildContext, defineSection } from "./context.js";

type Round = SurveyResult["rounds"][number];

/** The target of the first percent metric whose result rests on the round's answers, as the chart's target line. */
const targetLines = (context: ReportBuildContext, round: Round): ReportChart["targetLines"] => {
  const evidence = new Set(round.questions.flatMap((question) => question.evidence));
  const metric = resultOf(context, metricsProjection)?.rows.find((entry) => entry.unit === "percent" && entry.target.effective !== null && (entry.result?.evidence ?? []).some((id) => evidence.has(id)));
  if (metric?.target.effective == null) return [];
  return [{ label: "Målvärde", figure: reportFigure(`survey.target@${round.roundId}/metric=${metric.metricId}`, dec(metric.target.effective), "percent") }];
};

/** The round's table as a chart: each question's share through the table's own figure and key, against the target a metric sets. */
const roundChart = (context: ReportBuildContext, round: Round, key: (questionId: string, part: string) => string): ReportChart | null => {
  if (round.questions.length === 0) return null;
  return {
    kind: "chart",
    id: `enkat-${round.roundId}-diagram`,
    chart: "grouped-bar",
    title: `Andel mycket nöjda (5–6) per fråga, ${round.title}`,
    unit: "percent",
    categories: round.questions.map((question) => question.text),
    series: [{ name: round.title, values: round.questions.map((question) => definedFigure(context, surveyShareFigure, { question: question.questionId, round: round.roundId }, { key: key(question.questionId, "share"), unit: "percent" })) }],
    targetLines: targetLines(context, round),
    labels: { category: "Fråga", value: "Andel mycket nöjda" },
  };
};

/**
 * The yearly evaluation survey (verksamhetsberättelse): per round, each question's share of
 * "mycket nöjd" (5–6 among answers 1–6, "vet ej" left out), with the counts behind it.
 * Rounds exist only in the year they were conducted; other reports leave this out.
 */
const buildSurveyAppendix = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, surveyProjection);
  if (result === undefined || result.rounds.length === 0) return nothing;
  const evidence: Record<string, readonly string[]> = {};
  const blocks: ReportBlock[] = [];
  for (const round of result.rounds) {
    const key = (questionId: string, part: string): string => `survey.${part}@${round.roundId}/question=${questionId}`;
    for (const question of round.questions) evidence[key(question.questionId, "share")] = question.evidence;
    blocks.push(table({
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
    }));
    const chart = roundChart(context, round, key);
    if (chart !== null) blocks.push(chart);
  }
  return { placements: [], appendices: [{ slot: "survey-results", id: "bilaga-enkat", title: "Årlig utvärderingsenkät", blocks }], evidence: evidence as FigureEvidence };
};

export const surveyAppendix = defineSection({ name: "survey", figures: [surveyShareFigure], reads: [surveyProjection, metricsProjection], build: buildSurveyAppendix });
