import { dec } from "../../numbers/decimal.js";
import { defineFigure } from "../../reconciliation/figure-source.js";
import { planBaselineProjection, sourcedBy, type PlanBaseline } from "./baseline.js";
import { PLAN_PARAM, PLAN_YEAR_PARAM, atPlanYear, planFor, plannedFigure, plannedSum } from "./plan-select.js";

/**
 * The money a plan's text speaks of beside its tables: earmarked state funds per programme (what
 * is carried in, what is available and has a plan, how it is allocated, what remains), money passed
 * on to others outside the budget, and the turnover expected for a year not yet closed.
 */

const PLAN_EXAMPLE = { plan: "vp-2022-2024" };

const EARMARKED_MEASURES = ["opening", "available", "planned", "remaining", "allocated"] as const;
type EarmarkedMeasure = (typeof EARMARKED_MEASURES)[number];
const isMeasure = (value: string): value is EarmarkedMeasure => (EARMARKED_MEASURES as readonly string[]).includes(value);

type Earmarked = PlanBaseline["earmarked"][number];

/** Allocations to an area (its share) or for a purpose; an allocation naming a purpose lies within its area's share, so an area's share leaves it out. */
const allocationsOf = (funds: Earmarked, area: string | undefined, purpose: string | undefined) =>
  (funds.allocations ?? []).filter((allocation) =>
    purpose !== undefined ? allocation.purpose?.toLowerCase() === purpose.toLowerCase() && (area === undefined || allocation.areaId === area) : area === undefined || (allocation.areaId === area && allocation.purpose === undefined),
  );

const measureOf = (funds: Earmarked, measure: EarmarkedMeasure): string | undefined =>
  measure === "opening" ? funds.opening : measure === "available" ? funds.available : measure === "planned" ? funds.planned : measure === "remaining" ? funds.remaining : undefined;

export const planEarmarkedFunds = defineFigure(planBaselineProjection, {
  key: "plan.earmarked-funds",
  description:
    "earmarked state funds of one programme as the plan states them for the year: carried in (opening), available over the programme, with a plan for their use (planned), still to be decided (remaining), or allocated (to an area's share, or for a purpose within it; without area or purpose, every allocation)",
  params: {
    ...PLAN_PARAM,
    ...PLAN_YEAR_PARAM,
    programme: "the programme id (plan.earmarked-funds-registered programmeId)",
    measure: "opening | available | planned | remaining | allocated",
    area: "with measure allocated: the area whose share is asked for",
    purpose: "with measure allocated: the purpose an allocation names (case ignored)",
  },
  unit: "kr",
  example: { ...PLAN_EXAMPLE, programme: "psykisk-halsa", measure: "allocated", area: "psykiatri" },
  compute: (baseline, params) => {
    const result = atPlanYear(baseline, params.year);
    const plan = result === undefined ? undefined : planFor(result, params.plan);
    const funds = plan?.earmarked.find((entry) => entry.year === result?.year && entry.programmeId === params.programme);
    if (funds === undefined || params.measure === undefined || !isMeasure(params.measure)) return undefined;
    const sourced = sourcedBy([funds]);
    if (params.measure !== "allocated") {
      const amount = measureOf(funds, params.measure);
      return amount === undefined ? undefined : plannedFigure(dec(amount), [sourced], `${params.measure} earmarked funds of ${funds.programmeId} in ${funds.year}`);
    }
    const allocations = allocationsOf(funds, params.area, params.purpose);
    if (allocations.length === 0) return undefined;
    const what = params.purpose ?? params.area ?? "every purpose";
    return plannedSum(
      allocations.map((allocation) => ({ evidence: sourced.evidence, uncertainty: sourced.uncertainty, value: dec(allocation.amount) })),
      `earmarked funds of ${funds.programmeId} allocated to ${what} in ${funds.year}`,
    );
  },
});

export const planPassThrough = defineFigure(planBaselineProjection, {
  key: "plan.pass-through",
  description: "money the plan passes on to others in the year outside its own budget (to the municipalities, the region), from one programme or area; without either, every payment whose amount the plan gives",
  params: { ...PLAN_PARAM, ...PLAN_YEAR_PARAM, programme: "the programme the money comes from", area: "the area that passes it on" },
  unit: "kr",
  example: { ...PLAN_EXAMPLE, programme: "god-och-nara-vard" },
  compute: (baseline, params) => {
    const result = atPlanYear(baseline, params.year);
    const plan = result === undefined ? undefined : planFor(result, params.plan);
    const payments = (plan?.passThrough ?? []).filter(
      (payment) => payment.year === result?.year && payment.amount !== undefined && (params.programme === undefined || payment.programmeId === params.programme) && (params.area === undefined || payment.areaId === params.area),
    );
    if (payments.length === 0) return undefined;
    return plannedSum(
      payments.map((payment) => ({ ...sourcedBy([payment]), value: dec(payment.amount ?? "0") })),
      `${payments.length} planned payment${payments.length === 1 ? "" : "s"} to others in ${result?.year ?? ""}`,
    );
  },
});

export const planTurnoverExpected = defineFigure(planBaselineProjection, {
  key: "plan.turnover-expected",
  description: "what the plan expects the organisation to turn over (omsätta) in a year whose books are not closed: an expected outcome, not a budget line",
  params: { ...PLAN_PARAM, ...PLAN_YEAR_PARAM },
  unit: "kr",
  example: { ...PLAN_EXAMPLE, year: "2021" },
  compute: (baseline, params) => {
    const result = atPlanYear(baseline, params.year);
    const plan = result === undefined ? undefined : planFor(result, params.plan);
    const expected = plan?.turnover.find((entry) => entry.year === result?.year);
    return expected === undefined ? undefined : plannedFigure(dec(expected.amount), [sourcedBy([expected])], `turnover the plan expects for ${expected.year}`);
  },
});

export const planFundsFigures = [planEarmarkedFunds, planPassThrough, planTurnoverExpected] as const;
