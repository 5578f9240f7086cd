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
