import type { DomainModule } from "../../events/catalog.js";
import { budgetFollowUpProjection } from "./budget-follow-up.js";
import { financeEvents } from "./events.js";
import { financeFigures } from "./figures.js";
import { financialResultProjection, stateGrantsProjection } from "./result-tables.js";
import { financeIntegrity } from "./rules.js";
import { fundsBySourceProjection, outcomeBySourceProjection } from "./source-tables.js";

export * from "./events.js";
export * from "./fact-sum.js";
export type { LedgerLine, LedgerState, RecordedBalance, StateGrantEntry } from "./ledger.js";
export { ledgerFold } from "./ledger.js";
export * from "./budget-follow-up.js";
export * from "./source-tables.js";
export * from "./result-tables.js";
export { financeFigures } from "./figures.js";
export * from "./budget-follow-up-figures.js";
export * from "./source-table-figures.js";
export * from "./result-table-figures.js";
export { financeIntegrity } from "./rules.js";
export { BUILT_IN_SOURCES, balanceLabelOf, type FundingSource } from "./funding-sources.js";

export const financeModule: DomainModule = {
  name: "finance",
  events: financeEvents,
  rules: [financeIntegrity],
  projections: [budgetFollowUpProjection, fundsBySourceProjection, outcomeBySourceProjection, financialResultProjection, stateGrantsProjection],
  figures: financeFigures,
};
