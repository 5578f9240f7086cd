import type { DomainEvent } from "../../events/envelope.js";
import { defineProjection, type DomainFold, type ProjectionContext } from "../../projection/projection.js";
import { budgetFollowUpProjection, type BudgetFollowUpResult } from "../finance/budget-follow-up.js";
import { ledgerFold, type LedgerState } from "../finance/ledger.js";
import { planBaselineProjection, plansFold, type PlanBaselineResult, type PlanBaselineState } from "./baseline.js";

export interface PlanFollowUpState {
  plan: PlanBaselineState;
  ledger: LedgerState;
}

/** The plan as known at the cut-off beside the books of the period: what a follow-up compares. */
export interface PlanFollowUpResult {
  readonly baseline: PlanBaselineResult;
  readonly books: BudgetFollowUpResult;
}

const evolveBoth = (state: PlanFollowUpState, event: DomainEvent, context: ProjectionContext): PlanFollowUpState => {
  planBaselineProjection.evolve(state.plan, event, context);
  budgetFollowUpProjection.evolve(state.ledger, event, context);
  return state;
};

/**
 * The plan's baseline and the period's books in one fold, so a figure can set an area's planned
 * budget against its outcome and forecast. Both halves see the same events as known at the same
 * cut-off: a plan revision recorded after it changes nothing here.
 */
export const planFollowUpProjection = defineProjection<PlanFollowUpState, PlanFollowUpResult>({
  name: "plan-follow-up",
  // Revision 2: the ledger it holds knows whether the log records earmarked funds at all, and keeps the books of the years before the period (the finance ledger's revision 2).
  revision: 2,
  description: "The plan covering the period's year as known at the cut-off, beside the period's budget follow-up (utfall, disponibla, prognos): the plan's columns of a follow-up report.",
  init: (context) => ({ plan: planBaselineProjection.init(context), ledger: budgetFollowUpProjection.init(context) }),
  evolve: evolveBoth,
  result: (state, context) => ({ baseline: planBaselineProjection.result(state.plan, context), books: budgetFollowUpProjection.result(state.ledger, context) }),
  // A report folds the plans and the period's ledger anyway (for the plan and the money tables): read those, and fold neither twice.
  shared: {
    own: plansFold as DomainFold<unknown>,
    reads: (period) => [{ fold: ledgerFold, period }],
    result: (own, stateOf, context, resultFor) => ({
      baseline: resultFor?.(planBaselineProjection, context.period) ?? planBaselineProjection.result(own as PlanBaselineState, context),
      books: resultFor?.(budgetFollowUpProjection, context.period) ?? budgetFollowUpProjection.result(stateOf(ledgerFold, context.period) as LedgerState, context),
    }),
  },
});
