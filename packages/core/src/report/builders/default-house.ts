import { activitySections, metricSections } from "./metrics.js";
import { attendanceSection } from "./attendance.js";
import { coursesAppendix } from "./courses.js";
import { costEffectivenessSection } from "./cost-effectiveness.js";
import { economySection, ECONOMY_SECTION } from "./economy.js";
import { focusAreasSection } from "./focus-areas.js";
import { grantsSection } from "./grants.js";
import { reportGoalsProjection, REPORT_GOALS } from "./goals.js";
import type { ReportHouse } from "./house.js";
import { narrativeSections } from "./narratives.js";
import { researchSections } from "./research.js";
import { staffSection } from "./staff.js";
import { surveyAppendix } from "./survey.js";

const READS = ["reference", "staffing", "metrics", "activities", "narrative", "attendance", "budget-follow-up", "funds-by-source", "outcome-by-source", "courses", "course-cost-reduction", "research", "grant-applications", "survey", REPORT_GOALS] as const;

/**
 * The house structure of the 2020 interim report: 1 Inledning (highlights by the 3 K, staff,
 * impact, outlook), chapters 2–7 one per strategic goal with metric tables, activity tables,
 * examples and analysis, the economic tables in 2.4, Bilaga 1 (symbols) and Bilaga 2 (courses).
 * Within a section, blocks come in builder order: narrative first, then tables and charts.
 */
export const defaultHouse: ReportHouse = {
  needs: [...READS.map((projection) => ({ projection, period: "report" as const })), { projection: "grant-applications", period: "same-period-last-year" }],
  projections: [reportGoalsProjection],
  builders: [focusAreasSection, narrativeSections([ECONOMY_SECTION]), staffSection, costEffectivenessSection, metricSections, grantsSection, attendanceSection, activitySections, economySection, researchSections, coursesAppendix, surveyAppendix],
};
