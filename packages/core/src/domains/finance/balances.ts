import { Decimal, sum } from "../../numbers/decimal.js";
import { addFact, combineFacts, emptyFactSum, factValue, type FactSum } from "./fact-sum.js";
import type { LedgerLine, RecordedBalance } from "./ledger.js";

const sameSet = (left: readonly string[], right: readonly string[]): boolean => left.length === right.length && [...left].sort().every((id, index) => id === [...right].sort()[index]);

/** The balance the accounting system recorded for exactly this set of areas, if any. */
export const recordedBalanceFor = (balances: readonly RecordedBalance[], areaIds: readonly string[]): RecordedBalance | undefined =>
  balances.find((balance) => sameSet(balance.areaIds, areaIds));

const balanceTally = (balance: RecordedBalance, amount: Decimal): FactSum => addFact(emptyFactSum(), amount, balance.knownTo, { id: balance.eventId, marked: balance.marked === true });

/** A recorded balance's total, when it is split by source (the split is the total). */
export const balanceTotal = (balance: RecordedBalance): FactSum | undefined =>
  balance.bySource === undefined ? undefined : balanceTally(balance, sum(Object.values(balance.bySource).map((value) => new Decimal(value))));

export const balanceEarmarked = (balance: RecordedBalance): FactSum | undefined =>
  balance.earmarkedState === undefined ? undefined : balanceTally(balance, new Decimal(balance.earmarkedState));

/** Opening + received − costs: what the flows say is left. */
export const flowRemaining = (lines: readonly LedgerLine[]): FactSum =>
  combineFacts(lines.flatMap((line) => [{ sum: line.opening }, { sum: line.received }, { sum: line.outcome, sign: -1 as const }]));

export const available = (lines: readonly LedgerLine[]): FactSum => combineFacts(lines.flatMap((line) => [{ sum: line.opening }, { sum: line.received }]));

/**
 * What is left for a set of lines: the accounting system's recorded balance for exactly those
 * areas when there is one (a stock fact beats a derived one), else what the flows leave.
 */
export const remainingOf = (lines: readonly LedgerLine[], balances: readonly RecordedBalance[]): { sum: FactSum; from: "recorded-balance" | "flows" } => {
  const onlyAreaLines = lines.every((line) => line.line === "area");
  const recorded = onlyAreaLines ? recordedBalanceFor(balances, lines.map((line) => line.areaId)) : undefined;
  const total = recorded === undefined ? undefined : balanceTotal(recorded);
  return total === undefined ? { sum: flowRemaining(lines), from: "flows" } : { sum: total, from: "recorded-balance" };
};

export const earmarkedOf = (lines: readonly LedgerLine[], balances: readonly RecordedBalance[]): FactSum => {
  const recorded = recordedBalanceFor(balances, lines.map((line) => line.areaId));
  const direct = recorded === undefined || lines.length === 0 ? undefined : balanceEarmarked(recorded);
  if (direct !== undefined) return direct;
  if (lines.length <= 1) return emptyFactSum();
  return combineFacts(lines.map((line) => ({ sum: earmarkedOf([line], balances) })));
};

/** True when two fact bases for one amount differ by more than their rounding allows. */
export const disagree = (left: FactSum, right: FactSum): boolean => {
  const a = factValue(left);
  const b = factValue(right);
  if (a === undefined || b === undefined) return false;
  return a.minus(b).abs().greaterThan(new Decimal(left.uncertainty).plus(right.uncertainty));
};
