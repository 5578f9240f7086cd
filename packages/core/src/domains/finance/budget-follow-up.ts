import { defineView } from "../../projection/projection.js";
import type { Period } from "../../time/period.js";
import { nameOn } from "../reference/directory.js";
import { available, earmarkedOf, remainingOf } from "./balances.js";
import { carriedBalances, carriedOnlyLine, openingWithCarry, type CarriedBalance } from "./carried-balances.js";
import { carryYearOf, ledgerFold, openingDateOf, sumOfLines, yearEndOf, yearOf, type LedgerLine, type LedgerState, type RecordedBalance } from "./ledger.js";
import { combineFacts, type FactSum } from "./fact-sum.js";

export interface BudgetRow {
  readonly row: string;
  /** The area's name on the period's last day (the report labels internal-charge and totals rows itself). */
  readonly name: string;
  /** An area's own line, its internal-charge line, or a sum of lines (the totals, or a union a figure asks for). */
  readonly line: LedgerLine["line"] | "sum";
  readonly opening: FactSum;
  readonly received: FactSum;
  readonly available: FactSum;
  readonly budget: FactSum;
  readonly outcome: FactSum;
  /** Kvarvarande: the recorded balance when the books give one for this row, else available − outcome. */
  readonly remaining: FactSum;
  readonly remainingFrom: "recorded-balance" | "flows";
  readonly remainingEarmarked: FactSum;
  readonly forecast: FactSum;
  /** Avvikelse: budget − outcome, only where a budget exists. */
  readonly deviation: FactSum;
}

export interface BudgetFollowUpResult {
  readonly period: string;
  readonly openingDate: string;
  readonly budgetYear: number;
  readonly forecastHorizon: string;
  readonly rows: readonly BudgetRow[];
  /** The unlabelled totals row: each column summed over the rows (the internal-charge line included). */
  readonly total: BudgetRow;
  readonly priorSurplus: FactSum;
  /**
   * True when the period ends on the last day of its year: the year's books are closed, so the
   * table needs no forecast of the year-end, and the accumulated surplus is the actual one.
   */
  readonly yearClosed: boolean;
  /** Ackumulerat överskott: the surplus from earlier years plus the forecast total, or, once the year is closed, plus the kvarvarande total. */
  readonly accumulatedSurplus: FactSum;
  /** The lines, each area's opening balance carried from the books of the year before where none is recorded. */
  readonly lines: Readonly<Record<string, LedgerLine>>;
  /** Each line's closing balance of the year before, from the books (by line key): carried where no opening is recorded, checked where one is. */
  readonly carried: ReadonlyMap<string, CarriedBalance>;
  /**
   * For a period from 1 January: the surplus from earlier years of the year before (an opening
   * balance recorded for no area), which that year closed with unsplit onto areas; null when the
   * year before records none. Never carried (its split is a decision the books do not hold): the audit checks that the period's openings account for it.
   */
  readonly unsplitBefore: { readonly year: number; readonly surplus: FactSum } | null;
  /** For a period from 1 January: the balances recorded at the year before's end for several areas together (Tabell 2a), which the carry by area does not use. */
  readonly groupsBefore: readonly RecordedBalance[];
  readonly balances: readonly RecordedBalance[];
  /** Whether the log records earmarked funds at all, whatever the period: Tabell 1 prints "varav kvarvarande fonderade" only then. */
  readonly earmarking: boolean;
}

/** The lines a row parameter names: "total", "areas" (no internal lines), or keys joined by "+". */
export const linesNamed = (result: { readonly lines: Readonly<Record<string, LedgerLine>> }, row: string): LedgerLine[] | undefined => {
  const all = Object.entries(result.lines);
  if (row === "total") return all.map(([, line]) => line);
  if (row === "areas") return all.filter(([, line]) => line.line === "area").map(([, line]) => line);
  const picked = row.split("+").map((key) => result.lines[key]);
  return picked.every((line) => line !== undefined) ? (picked as LedgerLine[]) : undefined;
};

const deviationOf = (budget: FactSum, outcome: FactSum): FactSum => (budget.exact === null ? budget : combineFacts([{ sum: budget }, { sum: outcome, sign: -1 }]));

/** The columns of Tabell 1 for a set of lines, with totals summed row by row as the table does. */
export const budgetRowOf = (row: string, name: string, lines: readonly LedgerLine[], balances: readonly RecordedBalance[], rowWise: boolean): BudgetRow => {
  const [only] = lines;
  const budget = sumOfLines(lines, (line) => line.budget);
  const outcome = sumOfLines(lines, (line) => line.outcome);
  const remaining = rowWise ? { sum: combineFacts(lines.map((line) => ({ sum: remainingOf([line], balances).sum }))), from: "flows" as const } : remainingOf(lines, balances);
  return {
    row,
    name,
    line: row !== "total" && lines.length === 1 && only !== undefined ? only.line : "sum",
    opening: sumOfLines(lines, (line) => line.opening),
    received: sumOfLines(lines, (line) => line.received),
    available: available(lines),
    budget,
    outcome,
    remaining: remaining.sum,
    remainingFrom: remaining.from,
    remainingEarmarked: earmarkedOf(lines, balances),
    forecast: sumOfLines(lines, (line) => line.forecast),
    deviation: deviationOf(budget, outcome),
  };
};

const areaName = (state: LedgerState, line: LedgerLine, period: Period): string => {
  const area = state.directory.areas[line.areaId];
  return area === undefined ? line.areaId : nameOn(area, period.end);
};

/** The period's lines with the carried opening balances: the lines the books name, then the lines only the year before's closing opens. */
const linesWithCarry = (state: LedgerState, carried: ReadonlyMap<string, CarriedBalance>): [string, LedgerLine][] => {
  const own = Object.entries(state.lines).map(([key, line]): [string, LedgerLine] => [key, openingWithCarry(line, carried.get(key))]);
  const opened = [...carried].flatMap(([key, balance]): [string, LedgerLine][] => {
    const line = key in state.lines ? undefined : carriedOnlyLine(balance);
    return line === undefined ? [] : [[key, line]];
  });
  return [...own, ...opened];
};

const unsplitBefore = (state: LedgerState, carryYear: number | undefined): BudgetFollowUpResult["unsplitBefore"] => {
  const surplus = carryYear === undefined ? undefined : state.earlierUnsplit[String(carryYear - 1)];
  return carryYear === undefined || surplus === undefined ? null : { year: carryYear - 1, surplus };
};

const budgetFollowUpOf = (state: LedgerState, period: Period): BudgetFollowUpResult => {
  const carryYear = carryYearOf(period);
  const carried = carryYear === undefined ? new Map<string, CarriedBalance>() : carriedBalances(state.history, carryYear);
  // Table order: area lines as the facts first name them, the internal-charge lines after them.
  const all = linesWithCarry(state, carried);
  const entries = [...all].sort(([, a], [, b]) => (a.line === b.line ? 0 : a.line === "area" ? -1 : 1));
  const lines = entries.map(([, line]) => line);
  const total = budgetRowOf("total", "all lines", lines, state.balances, true);
  const yearClosed = period.end === yearEndOf(period);
  return {
    period: period.name,
    openingDate: openingDateOf(period),
    budgetYear: yearOf(period),
    forecastHorizon: yearEndOf(period),
    rows: entries.map(([key, line]) => budgetRowOf(key, areaName(state, line, period), [line], state.balances, false)),
    total,
    priorSurplus: state.priorSurplus,
    yearClosed,
    accumulatedSurplus: combineFacts([{ sum: yearClosed ? total.remaining : total.forecast }, { sum: state.priorSurplus }]),
    lines: Object.fromEntries(all),
    carried,
    unsplitBefore: unsplitBefore(state, carryYear),
    groupsBefore: carryYear === undefined ? [] : (state.earlierGroups[String(carryYear - 1)] ?? []),
    balances: state.balances,
    earmarking: state.earmarking,
  };
};

/** Tabell 1 Budgetuppföljning: per area and in total, for a period, as known at the cut-off. */
export const budgetFollowUpProjection = defineView<LedgerState, BudgetFollowUpResult>(ledgerFold, {
  name: "budget-follow-up",
  description:
    "Budget follow-up per area (Tabell 1): ingående (recorded, or for a period from 1 January without one, the area's kvarvarande at the year before's end from the books), erhållna, disponibla, budget, utfall, kvarvarande, varav fonderade (for a log that records earmarked funds at all), prognos, avvikelse, with the totals row, the surplus from earlier years and the accumulated surplus (with the forecast total, or once the year is closed the kvarvarande total). Amounts in kr.",
  result: (state, { period }) => budgetFollowUpOf(state, period),
});
