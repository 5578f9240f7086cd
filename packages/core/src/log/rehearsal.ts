import { decodeData, type Catalog } from "../events/catalog.js";
import { GENESIS_HASH, type DomainEvent, type EventDraft } from "../events/envelope.js";
import type { RuleBook } from "./append-state.js";

const rehearseOne = (rules: RuleBook, draft: EventDraft, index: number, catalog: Catalog): void => {
  const decoded = decodeData(catalog, {
    id: draft.id ?? `rehearsal-${index}`,
    type: draft.type,
    schemaVersion: draft.schemaVersion ?? catalog.definition(draft.type)?.latest.version ?? 1,
    effectiveAt: draft.effectiveAt,
    recordedAt: draft.recordedAt ?? "1970-01-01T00:00:00.000Z",
    seq: index,
    ...(draft.supersedes === undefined ? {} : { supersedes: draft.supersedes }),
    ...(draft.retracts === undefined ? {} : { retracts: draft.retracts }),
    ...(draft.source === undefined ? {} : { source: draft.source }),
    data: draft.data,
    prevHash: GENESIS_HASH,
    hash: GENESIS_HASH,
  });
  if (!decoded.ok) return;
  rules.check(decoded.event as DomainEvent);
  if (draft.retracts === undefined) rules.learn(decoded.event as DomainEvent);
};

/**
 * Runs a batch's drafts through the rules as an append checks them, in order, learning from each
 * as if accepted; the verdicts are dropped. It exists for the keys the rules look up on the way:
 * a store whose rules' state answers only from entries it fetched (`RecordsAtHand`) rehearses on a
 * throwaway copy, fetches every key noted, and then checks for real, usually in one round. What a
 * rehearsal misses (a draft that would be refused, a correction's forgotten fact) the real check
 * asks for itself, and is run again.
 */
export const rehearseRules = (rules: RuleBook, drafts: readonly EventDraft[], catalog: Catalog): void => {
  for (const [index, draft] of drafts.entries()) {
    if (typeof draft !== "object" || draft === null || typeof draft.type !== "string") continue;
    try {
      rehearseOne(rules, draft, index, catalog);
    } catch {
      // A rule may throw on a draft the real check refuses before it reaches the rules: the rehearsal only gathers keys.
    }
  }
};
