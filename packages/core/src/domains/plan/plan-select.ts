import { dec, sum, type Decimal } from "../../numbers/decimal.js";
import type { ComputedFigure } from "../../reconciliation/figure-source.js";
import type { PlanBaseline, PlanBaselineResult, Sourced } from "./baseline.js";

export const PLAN_PARAM = { plan: "the plan's id (plan.adopted planId); absent: the plan that details the period's year, else the latest plan covering it (a plan's comparison year only when named)" };

/**
 * The plan a figure reads: the one named, else the plan that plans the year in detail (VP
 * 2023–2025 for 2023, not the outlook of VP 2022–2024), else the latest covering the year.
 */
export const planFor = (result: PlanBaselineResult, planId: string | undefined): PlanBaseline | undefined => {
  if (planId !== undefined) return result.plans.find((plan) => plan.planId === planId);
  const planning = result.plans.filter((plan) => plan.fromYear <= result.year);
  return planning.find((plan) => plan.detailedYear === result.year) ?? planning[planning.length - 1];
};

/** Whether `areaId` is `ancestorId` or lies under it in the organisation's tree. */
export const isWithin = (parents: Readonly<Record<string, string>>, areaId: string, ancestorId: string): boolean => {
  const seen = new Set<string>();
  for (let current: string | undefined = areaId; current !== undefined && !seen.has(current); current = parents[current]) {
    if (current === ancestorId) return true;
    seen.add(current);
  }
  return false;
};

/** A planned amount as a figure: its exact value, evidence and the slack its rounded facts leave. */
export const plannedFigure = (amount: Decimal, facts: readonly Sourced[], derivation: string, extra: Partial<ComputedFigure> = {}): ComputedFigure => ({
  exact: amount,
  evidence: [...new Set(facts.flatMap((fact) => fact.evidence))].sort(),
  uncertainty: sum(facts.map((fact) => dec(fact.uncertainty))),
  derivation,
  ...extra,
});

/** A sum of planned amounts, with its parts so the audit can recognise a sum of rounded parts. */
export const plannedSum = (rows: readonly (Sourced & { readonly value: Decimal })[], derivation: string, extra: Partial<ComputedFigure> = {}): ComputedFigure =>
  plannedFigure(sum(rows.map((row) => row.value)), rows, derivation, { parts: rows.map((row) => row.value), ...extra });

/**
 * A plan document prints several years of one plan, and its text names figures of any of them
 * ("a budget of 56 miljoner kronor for 2022" in a plan for 2022–2024): the figure's year, when
 * not the year the period ends in.
 */
export const PLAN_YEAR_PARAM = { year: "the plan year the figure is for (the comparison year or one of the plan's); absent: the year the period ends in" };

/** The baseline read at the year a figure names; undefined when the year is not a year. */
export const atPlanYear = (result: PlanBaselineResult, year: string | undefined): PlanBaselineResult | undefined => {
  if (year === undefined) return result;
  return /^[0-9]{4}$/.test(year) ? { ...result, year: Number(year) } : undefined;
};
