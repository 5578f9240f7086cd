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
import { narrativeSections } from "./narratives.js";
import { researchSections } from "./research.js";
import { staffSection } from "./staff.js";
import { surveyAppendix } from "./survey.js";
import { planBudgetOutcomeSection } from "../plan/follow-up.js";
import { planMetricTargetsSection } from "../plan/metric-targets.js";
import { planActivitiesSection } from "../plan/activities.js";

/**
 * The house structure of the 2020 interim report: 1 Inledning (highlights by the 3 K, staff,
 * impact, outlook), chapters 2–7 one per strategic goal with metric tables, activity tables,
 * examples and analysis, the economic tables in 2.4, Bilaga 1 (symbols) and Bilaga 2 (courses).
 * Within a section, blocks come in builder order: narrative first, then tables and charts.
 */
export const defaultHouse: ReportHouse = {
  projections: [reportGoalsProjection, metricDescriptionsProjection, factBasisProjection],
  symbolLegend: true,
  builders: [focusAreasSection, narrativeSections([ECONOMY_SECTION]), staffSection, costEffectivenessSection, metricSections, grantsSection, attendanceSection, activitySections, economySection, researchSections, coursesAppendix, surveyAppendix, planBudgetOutcomeSection, planMetricTargetsSection, planActivitiesSection],
};
