import type { FigureSource } from "../../reconciliation/figure-source.js";
import { coursesFigures } from "../courses/figures.js";
import { financeFigures } from "../finance/figures.js";
import { grantsFigures } from "../grants/figures.js";
import { meetingsFigures } from "../meetings/figures.js";
import { surveyFigures } from "../survey/figures.js";

/**
 * The figures a metric's result (or a share-of-base target's base) may come from: attendance,
 * survey, grants, courses and finance. A metric names one by key in
 * `result: { from: "figure", key, params }`; anything measured outside is recorded with
 * `strategy.metric-result-recorded` instead.
 */
export const metricResultSources: readonly FigureSource[] = [...meetingsFigures, ...surveyFigures, ...grantsFigures, ...coursesFigures, ...financeFigures];
