import { factBasisProjection } from "../builders/fact-basis.js";
import { planGoalWordingProjection } from "./goal-wording.js";
import type { ReportHouse } from "../builders/house.js";
import { narrativeSections } from "../builders/narratives.js";
import { planAreaSections, planStaffSection } from "./areas.js";
import { planBudgetSections } from "./budget.js";
import { planStrategySections } from "./strategy.js";
import { noDocumentedPlan } from "./plan-cells.js";

/**
 * The plan's house: its builders fill the plan's blocks (vision, strategic goals, Agenda 2030,
 * staff, focus areas, a goal–metric–activity table per strategic goal, the budget tables, one
 * placement per area, the multi-year plan, the budget appendix). Without an adopted outline the
 * placements' own numbers make the default layout (1 Inledning … 5 Flerårsplan); an outline
 * places the same blocks under the organisation's headings, per goal or as one card per area.
 * The plan's prose (its basic mission, evaluation, current situation) is narratives written for
 * the plan's span, placed like a follow-up's.
 */
export const planHouse: ReportHouse = {
  // The goals as worded on the plan's wording date (its first year's end): the goal titles it prints.
  projections: [factBasisProjection, planGoalWordingProjection],
  builders: [planStrategySections, planStaffSection, planBudgetSections, planAreaSections, narrativeSections()],
  nothingToReport: noDocumentedPlan,
};
