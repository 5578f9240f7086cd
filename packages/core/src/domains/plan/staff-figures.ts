import { dec } from "../../numbers/decimal.js";
import { defineFigure } from "../../reconciliation/figure-source.js";
import { planBaselineProjection, type StaffLine } from "./baseline.js";
import { PLAN_PARAM, PLAN_YEAR_PARAM, atPlanYear, isWithin, planFor, plannedSum } from "./plan-select.js";

/**
 * Planned staff (årsarbetare) of the year: the organisation's total, a staff class, an area with
 * its sub-areas, or both. A line serving several areas (one post for two networks) counts once,
 * and only where all the areas it serves are asked for: the plan does not split it.
 */
export const planStaff = defineFigure(planBaselineProjection, {
  key: "plan.staff",
  description: "planned staff (årsarbetare) for the year: of a staff class, of an area with its sub-areas, or the organisation's total; a post shared with an area outside the ones named counts for none of them alone (name them together)",
  params: { ...PLAN_PARAM, ...PLAN_YEAR_PARAM, class: "a staff class's id, built in (fou, management, other) or defined by plan.staff-class-defined; absent: every class", area: 'an area id, with the areas under it, or several joined by "+" (each line counted once); absent: the whole organisation' },
  unit: "fte",
  example: { plan: "vp-2022-2024", class: "fou" },
  footing: [{ over: "class" }],
  canonical: (params) => (params.area === undefined ? params : { ...params, area: params.area.split("+").sort().join("+") }),
  compute: (baseline, params) => {
      const result = atPlanYear(baseline, params.year);
      if (result === undefined) return undefined;
    const staff = planFor(result, params.plan)?.staff.find((entry) => entry.year === result.year);
    if (staff === undefined) return undefined;
    const area = params.area;
    const named = area?.split("+") ?? [];
    const serves = (line: StaffLine): boolean => area === undefined || line.areaIds.every((areaId) => named.some((each) => isWithin(result.areaParents, areaId, each)));
    const lines = staff.lines.filter((line) => (params.class === undefined || line.staffClass === params.class) && serves(line));
    if (lines.length === 0) return undefined;
    const approximate = lines.filter((line) => line.approximate).length;
    return plannedSum(
      lines.map((line) => ({ ...line, value: dec(line.fte) })),
      `${lines.length} staff lines${params.class === undefined ? "" : ` of class ${params.class}`}${area === undefined ? "" : ` serving ${area}`}${approximate === 0 ? "" : ` (${approximate} given approximately)`}`,
    );
  },
});
