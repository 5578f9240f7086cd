import type { DomainEvent } from "../../events/envelope.js";
import { defineFold } from "../../projection/projection.js";
import { Decimal, sum } from "../../numbers/decimal.js";
import { addDays, isoDate, toCivil, type IsoDate } from "../../time/calendar.js";
import { effectiveDateOf } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { emptyDirectory, learnAreas, type Directory } from "../reference/directory.js";
import {
  BalanceRecorded,
  BudgetAdopted,
  CostBooked,
  ForecastMade,
  FundsReceived,
  InternalChargeBooked,
  OpeningBalanceRecorded,
  StateGrantAllocated,
  StateGrantRequisitioned,
} from "./events.js";
import { addFact, addFlow, combineFacts, emptyFactSum, originOf, type FactSum } from "./fact-sum.js";
import { emptySourceUse, learnSources, type FundingSourceUse } from "./funding-sources.js";

/** One line of the budget table: an area's own line, or its internal-charge line ("Härav …"). */
export interface LedgerLine {
  areaId: string;
  line: "area" | "internal-charge";
  opening: FactSum;
  received: FactSum;
  receivedBySource: Record<string, FactSum>;
  budget: FactSum;
  outcome: FactSum;
  /** The costs by who finances them: a financing source's id, internal (the other areas), unknown (not given). */
  outcomeBySource: Record<string, FactSum>;
  forecast: FactSum;
}

export interface RecordedBalance {
  areaIds: string[];
  asOf: string;
  bySource?: Record<string, string>;
  earmarkedState?: string;
  knownTo?: string;
  eventId: string;
  /** Present when the fact is reconstructed or illustrative (see `FactSum.marked`). */
  marked?: true;
}

export interface StateGrantEntry {
  areaId?: string;
  programme: string;
  year: number;
  amount: string;
  knownTo?: string;
  eventId: string;
  marked?: true;
}

/** Everything the money tables are computed from, for one period: a plain object. */
export interface LedgerState {
  directory: Directory;
  lines: Record<string, LedgerLine>;
  priorSurplus: FactSum;
  balances: RecordedBalance[];
  requisitioned: StateGrantEntry[];
  allocated: StateGrantEntry[];
  /** Forecast made latest (by effective date) per area, so a newer forecast replaces an older one. */
  forecastDates: Record<string, string>;
  /** The financing sources the log defines and the ones its facts name, whatever the period: the tables' columns. */
  sources: FundingSourceUse;
  /**
   * Whether the log records earmarked funds at all (money received earmarked, a balance giving its
   * earmarked state money), whatever the period: only then does Tabell 1 have a "varav fonderade" column.
   */
  earmarking: boolean;
  /**
   * The books of each whole year before the period, by year and line key, kept only for a period
   * that starts on 1 January: what each line's closing balance of the year before, carried into
   * the period as its opening balance when none is recorded, is made of.
   */
  history: Record<string, Record<string, YearBooks>>;
  /**
   * Each earlier year's surplus from earlier years (an opening balance recorded for no area), by
   * the year it opens: what a year closes with that is not split onto areas, which the books
   * cannot carry onto any area (how it is split is a decision they do not hold).
   */
  earlierUnsplit: Record<string, FactSum>;
  /** Balances recorded at an earlier year's 31 December for several areas together (Tabell 2a), by that year: the carry, by area, cannot use them. */
  earlierGroups: Record<string, RecordedBalance[]>;
}

/** One line's books for one calendar year before the period: the parts of what the year's report prints as kvarvarande at 31 December. */
export interface YearBooks {
  areaId: string;
  line: "area" | "internal-charge";
  opening: FactSum;
  received: FactSum;
  outcome: FactSum;
  /** The accounting system's balance at 31 December recorded for this area alone (split by source), which beats the flows. */
  balance: FactSum | null;
}

export const INTERNAL = "internal-charge";

/** The tally key of flows whose financing source the facts do not give. */
export const UNKNOWN_SOURCE = "unknown";

/** One column of a set of lines summed (a line without a tally in it counts as nothing): a row of Tabell 1 or of the financing table. */
export const sumOfLines = (lines: readonly LedgerLine[], pick: (line: LedgerLine) => FactSum | undefined): FactSum => combineFacts(lines.map((line) => ({ sum: pick(line) ?? emptyFactSum() })));

export const lineKey = (areaId: string, line: "area" | "internal-charge" = "area"): string => (line === "area" ? areaId : `${areaId}:${INTERNAL}`);

const emptyLine = (areaId: string, line: "area" | "internal-charge"): LedgerLine => ({
  areaId,
  line,
  opening: emptyFactSum(),
  received: emptyFactSum(),
  receivedBySource: {},
  budget: emptyFactSum(),
  outcome: emptyFactSum(),
  outcomeBySource: {},
  forecast: emptyFactSum(),
});

export const initLedger = (): LedgerState => ({
  directory: emptyDirectory(),
  lines: {},
  priorSurplus: emptyFactSum(),
  balances: [],
  requisitioned: [],
  allocated: [],
  forecastDates: {},
  sources: emptySourceUse(),
  earmarking: false,
  history: {},
  earlierUnsplit: {},
  earlierGroups: {},
});

const lineOf = (state: LedgerState, areaId: string, line: "area" | "internal-charge" = "area"): LedgerLine => {
  const key = lineKey(areaId, line);
  state.lines[key] ??= emptyLine(areaId, line);
  return state.lines[key];
};

/** A flow's tally by who finances it; a flow whose source is not given is tallied as "unknown". */
const bySource = (tallies: Record<string, FactSum>, source: string | undefined): FactSum => {
  const key = source ?? UNKNOWN_SOURCE;
  tallies[key] ??= emptyFactSum();
  return tallies[key];
};

/** The books of one line in one earlier year, made when a fact first names them. */
const booksOf = (state: LedgerState, year: number, areaId: string, line: "area" | "internal-charge"): YearBooks => {
  const books = (state.history[String(year)] ??= {});
  const key = lineKey(areaId, line);
  books[key] ??= { areaId, line, opening: emptyFactSum(), received: emptyFactSum(), outcome: emptyFactSum(), balance: null };
  return books[key];
};

/** The first year of a period that starts on 1 January (the only periods a closing balance carries into), else undefined. */
export const carryYearOf = (period: Period): number | undefined => (period.start.endsWith("-01-01") ? toCivil(period.start).year : undefined);

const wholeYear = (year: number): Period => ({ start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), name: String(year) });

/** A flow in the books of each earlier year it touches: wholly inside a year it counts there, across a year's end it makes that year unknowable. */
const learnEarlierFlow = (state: LedgerState, event: DomainEvent, before: number): void => {
  const flow = FundsReceived.is(event) || CostBooked.is(event) || InternalChargeBooked.is(event) ? event.data : undefined;
  if (flow === undefined) return;
  const last = Math.min(toCivil(flow.to).year, before - 1);
  for (let year = toCivil(flow.from).year; year <= last; year += 1) {
    if (FundsReceived.is(event)) addFlow(booksOf(state, year, event.data.areaId, "area").received, event.data, originOf(event), wholeYear(year));
    else if (CostBooked.is(event)) addFlow(booksOf(state, year, event.data.areaId, event.data.line ?? "area").outcome, event.data, originOf(event), wholeYear(year));
    else if (InternalChargeBooked.is(event)) addFlow(booksOf(state, year, event.data.areaId, "internal-charge").received, event.data, originOf(event), wholeYear(year), -1);
  }
};

/** The origin fields a recorded entry keeps: its event, and a mark only when the fact is not plainly recorded. */
const entryOrigin = (event: DomainEvent): { eventId: string; marked?: true } => (originOf(event).marked ? { eventId: event.id, marked: true } : { eventId: event.id });

/** An earlier year's surplus from earlier years, or its balance recorded for several areas together: kept beside the books, which carry by area. */
const learnEarlierUnsplit = (state: LedgerState, event: DomainEvent, before: number): void => {
  if (OpeningBalanceRecorded.is(event) && event.data.areaId === undefined && event.data.asOf.endsWith("-12-31")) {
    const year = toCivil(event.data.asOf).year + 1;
    if (year < before) addFact((state.earlierUnsplit[String(year)] ??= emptyFactSum()), new Decimal(event.data.amount), event.data.knownTo, originOf(event));
  } else if (BalanceRecorded.is(event) && event.data.asOf.endsWith("-12-31") && event.data.areaIds.length > 1 && event.data.bySource !== undefined) {
    const year = toCivil(event.data.asOf).year;
    const { areaIds, asOf, bySource: sources, knownTo } = event.data;
    if (year < before) (state.earlierGroups[String(year)] ??= []).push({ areaIds: [...areaIds].sort(), asOf, bySource: { ...sources }, ...entryOrigin(event), ...(knownTo === undefined ? {} : { knownTo }) });
  }
};

/** An opening balance or a one-area year-end balance of an earlier year, as that year's books hold it. */
const learnEarlierStock = (state: LedgerState, event: DomainEvent, before: number): void => {
  learnEarlierUnsplit(state, event, before);
  if (OpeningBalanceRecorded.is(event) && event.data.areaId !== undefined && event.data.asOf.endsWith("-12-31")) {
    const year = toCivil(event.data.asOf).year + 1;
    if (year < before) addFact(booksOf(state, year, event.data.areaId, event.data.line ?? "area").opening, new Decimal(event.data.amount), event.data.knownTo, originOf(event));
  } else if (BalanceRecorded.is(event) && event.data.asOf.endsWith("-12-31") && event.data.areaIds.length === 1 && event.data.bySource !== undefined) {
    const year = toCivil(event.data.asOf).year;
    const [areaId] = event.data.areaIds;
    if (year >= before || areaId === undefined) return;
    const books = booksOf(state, year, areaId, "area");
    // The first balance recorded for the area, as a report's look-up of recorded balances finds it.
    books.balance ??= addFact(emptyFactSum(), sum(Object.values(event.data.bySource).map((amount) => new Decimal(amount))), event.data.knownTo, originOf(event));
  }
};

/** The day the opening balance of a period is taken: the day before it starts. */
export const openingDateOf = (period: Period): IsoDate => addDays(period.start, -1);
export const yearOf = (period: Period): number => toCivil(period.end).year;
export const yearEndOf = (period: Period): IsoDate => isoDate(yearOf(period), 12, 31);

const learnFlow = (state: LedgerState, event: DomainEvent, period: Period): void => {
  if (FundsReceived.is(event)) {
    const line = lineOf(state, event.data.areaId);
    addFlow(line.received, event.data, originOf(event), period);
    addFlow(bySource(line.receivedBySource, event.data.source), event.data, originOf(event), period);
  } else if (CostBooked.is(event)) {
    const line = lineOf(state, event.data.areaId, event.data.line ?? "area");
    addFlow(line.outcome, event.data, originOf(event), period);
    addFlow(bySource(line.outcomeBySource, event.data.source), event.data, originOf(event), period);
  } else if (InternalChargeBooked.is(event)) {
    // Money the other areas paid: their costs hold it, so the totals take it out of "received".
    addFlow(lineOf(state, event.data.areaId, "internal-charge").received, event.data, originOf(event), period, -1);
  }
};

const learnStock = (state: LedgerState, event: DomainEvent, period: Period, date: string): void => {
  if (OpeningBalanceRecorded.is(event) && event.data.asOf === openingDateOf(period)) {
    const tally = event.data.areaId === undefined ? state.priorSurplus : lineOf(state, event.data.areaId, event.data.line ?? "area").opening;
    addFact(tally, new Decimal(event.data.amount), event.data.knownTo, originOf(event));
  } else if (BudgetAdopted.is(event) && event.data.year === yearOf(period)) {
    addFact(lineOf(state, event.data.areaId, event.data.line ?? "area").budget, new Decimal(event.data.amount), event.data.knownTo, originOf(event));
  } else if (ForecastMade.is(event) && event.data.horizon === yearEndOf(period) && date <= period.end) {
    const previous = state.forecastDates[event.data.areaId];
    if (previous !== undefined && previous > date) return;
    state.forecastDates[event.data.areaId] = date;
    const line = lineOf(state, event.data.areaId);
    line.forecast = addFact(emptyFactSum(), new Decimal(event.data.amount), event.data.knownTo, originOf(event));
  } else if (BalanceRecorded.is(event) && event.data.asOf === period.end) {
    const { areaIds, asOf, bySource: sources, earmarkedState, knownTo } = event.data;
    state.balances.push({ areaIds: [...areaIds].sort(), asOf, ...entryOrigin(event), ...(sources === undefined ? {} : { bySource: { ...sources } }), ...(earmarkedState === undefined ? {} : { earmarkedState }), ...(knownTo === undefined ? {} : { knownTo }) });
  } else if (StateGrantRequisitioned.is(event) && event.data.year === yearOf(period)) {
    state.requisitioned.push({ areaId: event.data.areaId, programme: event.data.programme, year: event.data.year, amount: event.data.amount, ...entryOrigin(event), ...(event.data.knownTo === undefined ? {} : { knownTo: event.data.knownTo }) });
  } else if (StateGrantAllocated.is(event) && event.data.year === yearOf(period)) {
    const { areaId, programme, year, amount, knownTo } = event.data;
    state.allocated.push({ programme, year, amount, ...entryOrigin(event), ...(areaId === undefined ? {} : { areaId }), ...(knownTo === undefined ? {} : { knownTo }) });
  }
};

/** A fact that says the organisation keeps earmarked funds: money received earmarked, or a balance's earmarked state money (zero included). */
const recordsEarmarking = (event: DomainEvent): boolean =>
  (FundsReceived.is(event) && event.data.earmarked === true) || (BalanceRecorded.is(event) && event.data.earmarkedState !== undefined);

/**
 * The ledger fold shared by every money table: flows (received, costs, internal charges) count
 * when their accounting period lies inside the asked period; stocks (opening balance, budget,
 * forecast, recorded balance) are taken at the dates the period implies.
 */
export const evolveLedger = (state: LedgerState, event: DomainEvent, period: Period): LedgerState => {
  learnSources(state.sources, event);
  if (recordsEarmarking(event)) state.earmarking = true;
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined) return state;
  if (date <= period.end) learnAreas(state.directory, event);
  learnFlow(state, event, period);
  learnStock(state, event, period, date);
  const carryYear = carryYearOf(period);
  if (carryYear !== undefined) {
    learnEarlierFlow(state, event, carryYear);
    learnEarlierStock(state, event, carryYear);
  }
  return state;
};

/** The finance domain's one fold: every money table (Tabell 1, 2a/2b, 3a/3b, the result, state grants) is a view of it. */
export const ledgerFold = defineFold<LedgerState>({
  name: "finance-ledger",
  // Revision 2: the state knows whether the log records earmarked funds at all, and keeps the books of the years before the period (`history`), for the carried opening balances.
  // Revision 3: it keeps the earlier years' surplus not split onto areas and their balances recorded for several areas together, for the audit across years.
  revision: 3,
  init: initLedger,
  evolve: (state, event, { period }) => evolveLedger(state, event, period),
});
