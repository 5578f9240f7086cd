import { Decimal } from "../../numbers/decimal.js";
import { formatFigure } from "../../numbers/format.js";
import type { ConflictingFacts } from "../../reconciliation/figure-source.js";
import { balanceTotal } from "./balances.js";
import type { BudgetFollowUpResult } from "./budget-follow-up.js";
import { combineFacts, factValue, type FactSum } from "./fact-sum.js";
import type { LedgerLine, RecordedBalance } from "./ledger.js";

/**
 * What the carry from one year's books into the next cannot do by itself, said where a figure
 * rests on it: the year before's surplus not split onto areas, and its balances recorded for
 * several areas together. Neither changes a figure; each is a second fact base the audit sets
 * against it.
 */

const kr = (value: Decimal): string => formatFigure(value, "kr").text;

const beyondSlack = (gap: Decimal, left: FactSum, right: FactSum): boolean => gap.abs().greaterThan(new Decimal(left.uncertainty).plus(right.uncertainty));

/** The surplus the year before closed with unsplit onto areas, and how much of what its books leave the period's openings do not account for. */
export interface UnsplitGap {
  readonly year: number;
  readonly surplus: Decimal;
  /** What the year before's books leave in all less what the period's opening balances come to. */
  readonly gap: Decimal;
  readonly evidence: readonly string[];
  readonly cause: string;
}

/**
 * The year before's books leave its areas' kvarvarande (as carried) and its surplus from earlier
 * years, which no area holds; the period opens with its areas' opening balances (carried or
 * recorded) and its own surplus from earlier years. Where the year before closed with such a
 * surplus and the two differ, its split is a decision the log does not hold: named, never made.
 */
export const unsplitGap = (result: BudgetFollowUpResult): UnsplitGap | undefined => {
  const before = result.unsplitBefore;
  const surplus = before === null ? undefined : factValue(before.surplus);
  if (before === null || surplus === undefined || surplus.isZero()) return undefined;
  const books = combineFacts([...[...result.carried.values()].map((balance) => ({ sum: balance.closing })), { sum: before.surplus }]);
  const openings = combineFacts([{ sum: result.total.opening }, { sum: result.priorSurplus }]);
  const left = factValue(books) ?? new Decimal(0);
  const right = factValue(openings) ?? new Decimal(0);
  const gap = left.minus(right);
  if (!beyondSlack(gap, books, openings)) return undefined;
  const next = before.year + 1;
  return {
    year: before.year,
    surplus,
    gap,
    evidence: [...before.surplus.evidence, ...result.priorSurplus.evidence],
    cause:
      `${before.year} closed with a surplus of ${kr(surplus)} not split onto areas (its surplus from earlier years: ${before.surplus.evidence.join(", ")}), which the opening balances of ${next} do not account for: ` +
      `they come to ${kr(right)} (areas and surplus from earlier years), the books of ${before.year} leave ${kr(left)}; how the surplus is split onto areas is a decision the log does not hold (record it as opening balances at ${before.year}-12-31)`,
  };
};

/** A figure that should hold the unsplit surplus the openings leave out (the accumulated surplus, the surplus from earlier years): the same figure with it. */
export const unsplitConflict = (result: BudgetFollowUpResult, value: Decimal | undefined): ConflictingFacts[] => {
  const found = value === undefined ? undefined : unsplitGap(result);
  return value === undefined || found === undefined ? [] : [{ exact: value.plus(found.gap), evidence: found.evidence, cause: found.cause }];
};

/** The balances of the year before recorded for several areas together that lie within a row (any of them for the totals), no area in two. */
const groupsWithin = (groups: readonly RecordedBalance[], lines: readonly LedgerLine[], whole: boolean): RecordedBalance[] => {
  const named = new Set(lines.filter((line) => line.line === "area").map((line) => line.areaId));
  const taken = new Set<string>();
  return groups.filter((group) => {
    if (group.areaIds.some((areaId) => taken.has(areaId)) || (!whole && !group.areaIds.every((areaId) => named.has(areaId)))) return false;
    for (const areaId of group.areaIds) taken.add(areaId);
    return true;
  });
};

/**
 * A row's opening balance against the balances the year before recorded for several of its areas
 * together (Tabell 2a at 31 December): the carry opens each area from its own books, so where the
 * areas' openings together are not the recorded balance, Tabell 1 and the year before's Tabell 2a
 * disagree. Only a row that holds every area of such a balance (their union, the totals) can be
 * set against it; an area alone cannot.
 */
export const groupConflict = (result: BudgetFollowUpResult, lines: readonly LedgerLine[], name: string, opening: FactSum): ConflictingFacts[] => {
  const groups = groupsWithin(result.groupsBefore, lines, name === "total" || name === "areas");
  const recorded = groups.flatMap((group) => balanceTotal(group) ?? []);
  if (recorded.length === 0) return [];
  const taken = new Set(groups.flatMap((group) => group.areaIds));
  const rest = lines.filter((line) => line.line !== "area" || !taken.has(line.areaId));
  const other = combineFacts([...recorded.map((sum) => ({ sum })), ...rest.map((line) => ({ sum: line.opening }))]);
  const value = factValue(other);
  const own = factValue(opening) ?? new Decimal(0);
  if (value === undefined || !beyondSlack(own.minus(value), opening, other)) return [];
  const asOf = groups[0]?.asOf ?? "";
  return [
    {
      exact: value,
      evidence: other.evidence,
      cause: `the balance recorded at ${asOf} for ${groups.map((group) => group.areaIds.join(" + ")).join("; ")} together (Tabell 2a of ${asOf.slice(0, 4)}) is not what those areas' opening balances come to; the carry opens each area from its own books, which cannot split a balance recorded for several`,
    },
  ];
};

/**
 * What a report of a period from 1 January says beside its tables when the year before closed
 * with a surplus not split onto areas that the period's openings do not account for: the report
 * prints what the facts give and makes up no split, so the gap is named instead.
 */
export const carryNotes = (result: BudgetFollowUpResult | undefined): string[] => {
  const found = result === undefined ? undefined : unsplitGap(result);
  return found === undefined ? [] : [found.cause];
};
