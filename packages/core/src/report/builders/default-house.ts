import { activitySections, metricSections } from "./metrics.js";
import { attendanceSection } from "./attendance.js";
import { coursesAppendix } from "./courses.js";
import { costEffectivenessSection } from "./cost-effectiveness.js";
import { economySection, ECONOMY_SECTION } from "./economy.js";
import { focusAreasSection } from "./focus-areas.js";
import { grantsSection } from "./grants.js";
import { reportGoalsProjection } from "./goals.js";
import { metricDescriptionsProjection } from "./metric-descriptions.js";
import { factBasisProjection } from "./fact-basis.js";
import type { ReportHouse } from "./house.js";
import { resultOf } from "./context.js";
import { defaultFollowUpOutline, type TextKeys } from "./default-outline.js";
import { narrativeProjection, type NarrativeEntry } from "../../domains/narrative/narrative.js";
import type { Outline } from "../../domains/publication/publication.js";
import { narrativeSections } from "./narratives.js";
import { researchSections } from "./research.js";
import { staffSection } from "./staff.js";
import { surveyAppendix } from "./survey.js";
import { planBudgetOutcomeSection } from "../plan/follow-up.js";
import { planMetricTargetsSection } from "../plan/metric-targets.js";
import { planActivitiesSection } from "../plan/activities.js";

/**
 * The follow-up house: every builder of a follow-up report. Where the log adopts an outline for
 * the report's kind, it places their blocks; where it adopts none, `defaultFollowUpOutline` makes
 * one from the log's own goals. Within a section, blocks come in builder order: narrative first,
 * then tables and charts.
 */
/**
 * What the texts say of their section keys: those whose texts are all analyses or outlooks (what a
 * report ends with when no outline says otherwise), and the goal every text of a key names.
 */
const textKeysOf = (entries: readonly NarrativeEntry[]): TextKeys => {
  const closing = new Set(entries.map((entry) => entry.section));
  const goals = new Map<string, string | null>();
  for (const entry of entries) {
    if (entry.kind !== "analysis" && entry.kind !== "outlook") closing.delete(entry.section);
    const named = entry.goalId ?? null;
    goals.set(entry.section, goals.has(entry.section) && goals.get(entry.section) !== named ? null : named);
  }
  return { closing, goalOf: new Map([...goals].flatMap(([key, goalId]) => (goalId === null ? [] : [[key, goalId] as const]))) };
};

export const defaultHouse: ReportHouse = {
  projections: [reportGoalsProjection, metricDescriptionsProjection, factBasisProjection],
  symbolLegend: true,
  defaultOutline: (context, placements) =>
    defaultFollowUpOutline(context.kind as Outline["documentKind"], Number(context.period.end.slice(0, 4)), resultOf(context, reportGoalsProjection)?.goals ?? [], placements, textKeysOf(resultOf(context, narrativeProjection)?.entries ?? [])),
  builders: [focusAreasSection, narrativeSections([ECONOMY_SECTION]), staffSection, costEffectivenessSection, metricSections, grantsSection, attendanceSection, activitySections, economySection, researchSections, coursesAppendix, surveyAppendix, planBudgetOutcomeSection, planMetricTargetsSection, planActivitiesSection],
};
