import { defineRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { effectiveDateOf } from "../../time/effective.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import {
  BalanceRecorded,
  BudgetAdopted,
  CostBooked,
  ForecastMade,
  FundingSourceDefined,
  FundsReceived,
  INTERNAL_FINANCING,
  InternalChargeBooked,
  OpeningBalanceRecorded,
  StateGrantAllocated,
  StateGrantRequisitioned,
} from "./events.js";
import { fundingSourceDefinitionIssues, requireFundingSource } from "./funding-sources.js";

/** A total for an accounting period is a fact about its last day: the effective date. */
const spanIssues = (event: DomainEvent, span: { readonly from: string; readonly to: string }): Issue[] => {
  const found: Issue[] = [];
  if (span.from > span.to) found.push(issue("invalid-field", "data.from", "starts after the period ends", { expected: `a date on or before ${span.to}`, actual: span.from }));
  const date = effectiveDateOf(event.effectiveAt);
  if (date !== span.to) found.push(issue("invalid-field", "effectiveAt", "must be the last day of the accounting period (data.to)", { expected: span.to, actual: event.effectiveAt }));
  return found;
};

const asOfIssues = (event: DomainEvent, asOf: string): Issue[] =>
  effectiveDateOf(event.effectiveAt) === asOf ? [] : [issue("invalid-field", "data.asOf", "must equal the event's effective date", { expected: effectiveDateOf(event.effectiveAt) ?? event.effectiveAt, actual: asOf })];

const optionalArea = (known: KnownReferences, areaId: string | undefined): Issue[] => (areaId === undefined ? [] : known.requireArea(areaId, "data.areaId"));

interface FinanceKnowledge {
  readonly references: KnownReferences;
  /** Stock facts already recorded: one opening balance, budget or balance per key. */
  readonly stocks: Map<string, string>;
  /** The financing sources the log has defined so far, by id, with the defining event. */
  readonly sources: Map<string, string>;
}

/** The key under which a stock fact may be recorded only once (a correction supersedes it). */
const stockKey = (event: DomainEvent): string | undefined => {
  if (OpeningBalanceRecorded.is(event)) return `opening|${event.data.areaId ?? ""}|${event.data.line ?? "area"}|${event.data.asOf}`;
  if (BudgetAdopted.is(event)) return `budget|${event.data.areaId}|${event.data.line ?? "area"}|${event.data.year}`;
  if (BalanceRecorded.is(event)) return `balance|${[...event.data.areaIds].sort().join("+")}|${event.data.asOf}`;
  return undefined;
};

const duplicateStock = (known: FinanceKnowledge, event: DomainEvent): Issue[] => {
  const key = stockKey(event);
  const earlier = key === undefined ? undefined : known.stocks.get(key);
  if (key === undefined || earlier === undefined || event.supersedes === earlier) return [];
  return [issue("conflict", "data", `the same fact is already recorded by event ${earlier}; supersede it to change it`, { actual: key })];
};

/**
 * A flow names a known source. A cost may name "internal" instead, the other areas, except on the
 * internal-charge line: that line is itself the adjustment for what the other areas pay.
 */
const financingIssues = (sources: ReadonlyMap<string, string>, event: DomainEvent): Issue[] => {
  if (FundsReceived.is(event)) return requireFundingSource(sources, event.data.source, "data.source");
  if (!CostBooked.is(event)) return [];
  if (event.data.source !== INTERNAL_FINANCING) return requireFundingSource(sources, event.data.source, "data.source");
  return event.data.line === "internal-charge"
    ? [issue("invalid-field", "data.source", "a cost on the internal-charge line cannot be financed internally as well; book the internally financed cost on the area's own line", { expected: "a financing source, or no source", actual: INTERNAL_FINANCING })]
    : [];
};

const definitionIssues = (sources: ReadonlyMap<string, string>, event: DomainEvent): Issue[] =>
  FundingSourceDefined.is(event) ? fundingSourceDefinitionIssues(sources, event.data.sourceId, event.supersedes) : [];

const checkFinance = (known: KnownReferences, sources: ReadonlyMap<string, string>, event: DomainEvent): Issue[] => {
  if (FundsReceived.is(event) || CostBooked.is(event) || InternalChargeBooked.is(event)) return [...known.requireArea(event.data.areaId, "data.areaId"), ...spanIssues(event, event.data), ...financingIssues(sources, event)];
  if (OpeningBalanceRecorded.is(event)) return [...optionalArea(known, event.data.areaId), ...asOfIssues(event, event.data.asOf)];
  if (BudgetAdopted.is(event) || ForecastMade.is(event) || StateGrantRequisitioned.is(event)) return known.requireArea(event.data.areaId, "data.areaId");
  if (StateGrantAllocated.is(event)) return optionalArea(known, event.data.areaId);
  if (BalanceRecorded.is(event)) {
    const found = event.data.areaIds.flatMap((areaId, index) => known.requireArea(areaId, `data.areaIds[${index}]`));
    if (new Set(event.data.areaIds).size !== event.data.areaIds.length) found.push(issue("conflict", "data.areaIds", "names an area twice"));
    if (event.data.bySource === undefined && event.data.earmarkedState === undefined) found.push(issue("invalid-field", "data", "a balance needs bySource or earmarkedState", { expected: "bySource and/or earmarkedState" }));
    for (const key of Object.keys(event.data.bySource ?? {})) found.push(...requireFundingSource(sources, key, `data.bySource.${key}`));
    return [...found, ...asOfIssues(event, event.data.asOf)];
  }
  return [];
};

/** Money must be booked on known areas and sources, for well-formed accounting periods; a stock fact is recorded once, a source defined once. */
export const financeIntegrity = defineRule<FinanceKnowledge>({
  name: "finance-integrity",
  // Revision 2: the state holds the financing sources the log defines.
  revision: 2,
  learnsFrom: [...REFERENCE_FACTS, ...[OpeningBalanceRecorded, BudgetAdopted, BalanceRecorded, FundingSourceDefined].map((definition) => definition.type)],
  init: () => ({ references: new KnownReferences(), stocks: new Map(), sources: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    const key = stockKey(event);
    if (key !== undefined) known.stocks.set(key, event.id);
    if (FundingSourceDefined.is(event)) known.sources.set(event.data.sourceId, event.id);
  },
  check: (known, event) => [...checkFinance(known.references, known.sources, event), ...definitionIssues(known.sources, event), ...duplicateStock(known, event)],
});
