import { dec } from "../../numbers/decimal.js";
import { defineFigure } from "../../reconciliation/figure-source.js";
import { planBaselineProjection, type StaffLine } from "./baseline.js";
import { PLAN_PARAM, isWithin, planFor, plannedSum } from "./plan-select.js";

/**
 * Planned staff (årsarbetare) of the year: the organisation's total, a staff class, an area with
 * its sub-areas, or both. A line serving several areas (one post for two networks) counts once,
 * in full, for each area it serves, and once in any total.
 */
export const planStaff = defineFigure(planBaselineProjection, {
  key: "plan.staff",
  description: "planned staff (årsarbetare) for the year: of a staff class, of an area with its sub-areas (a shared post counts in full for each area it serves), or the organisation's total",
  params: { ...PLAN_PARAM, class: "fou | management | other; absent: every class", area: "an area id, with the areas under it; absent: the whole organisation" },
  unit: "fte",
  example: { plan: "vp-2022-2024", class: "fou" },
  footing: [{ over: "class" }],
  compute: (result, params) => {
    const staff = planFor(result, params.plan)?.staff.find((entry) => entry.year === result.year);
    if (staff === undefined) return undefined;
    const area = params.area;
    const serves = (line: StaffLine): boolean => area === undefined || line.areaIds.some((areaId) => isWithin(result.areaParents, areaId, area));
    const lines = staff.lines.filter((line) => (params.class === undefined || line.staffClass === params.class) && serves(line));
    if (lines.length === 0) return undefined;
    const approximate = lines.filter((line) => line.approximate).length;
    return plannedSum(
      lines.map((line) => ({ ...line, value: dec(line.fte) })),
      `${lines.length} staff lines${params.class === undefined ? "" : ` of class ${params.class}`}${area === undefined ? "" : ` serving ${area}`}${approximate === 0 ? "" : ` (${approximate} given approximately)`}`,
    );
  },
});
