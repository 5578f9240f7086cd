import { Decimal } from "../../numbers/decimal.js";
import { formatFigure } from "../../numbers/format.js";
import { defineFigure, type ComputedFigure, type FigureDetail } from "../../reconciliation/figure-source.js";
import { balanceTotal, disagree, flowRemaining, remainingOf } from "./balances.js";
import { budgetFollowUpProjection, budgetRowOf, linesNamed, type BudgetFollowUpResult, type BudgetRow } from "./budget-follow-up.js";
import { combineFacts, factValue, type FactSum } from "./fact-sum.js";
import { figureOf } from "./fact-sum-figures.js";
import { INTERNAL_FINANCING } from "./events.js";
import { UNKNOWN_SOURCE, lineKey, type LedgerLine } from "./ledger.js";
import { groupConflict, unsplitConflict } from "./carry-checks.js";
import type { CarriedBalance } from "./carried-balances.js";

/** Figures of Tabell 1 Budgetuppföljning: any column for a line, a union of lines, or the totals. */
export const ROW = { row: 'a line of Tabell 1: an area id, "<area>:internal-charge", several joined by "+", "areas" (all area lines) or "total" (every line)' };

const rowOf = (result: BudgetFollowUpResult, row: string): BudgetRow | undefined => {
  const lines = linesNamed(result, row);
  return lines === undefined ? undefined : budgetRowOf(row, row, lines, result.balances, row === "areas");
};

// Each cell of a row asks for the whole row; a table of eight columns would sum every row eight times.
const rowsByResult = new WeakMap<BudgetFollowUpResult, Map<string, BudgetRow | undefined>>();

/** A budget-table row for any set of lines: the table's own rows, unions of them, or the totals. */
const rowFor = (result: BudgetFollowUpResult, row: string | undefined): BudgetRow | undefined => {
  if (row === undefined || row === "total") return result.total;
  let rows = rowsByResult.get(result);
  if (rows === undefined) rowsByResult.set(result, (rows = new Map()));
  if (!rows.has(row)) rows.set(row, rowOf(result, row));
  return rows.get(row);
};

const ROW_EXAMPLE = { row: "fourum-svhs" };

const budgetColumn = (key: string, description: string, pick: (row: BudgetRow) => FactSum, extra?: (result: BudgetFollowUpResult, row: BudgetRow, name: string) => FigureDetail) =>
  defineFigure(budgetFollowUpProjection, {
    key,
    description,
    params: ROW,
    unit: "kr",
    example: ROW_EXAMPLE,
    footing: [{ over: "row", total: "total" }],
    // Tabell 1's rows, an area line carried from the year before with no facts of its own included.
    rows: (result) => result.rows.map((row) => row.row),
    compute: (result, params) => {
      const row = rowFor(result, params.row);
      return row === undefined ? undefined : figureOf(pick(row), `${description} for ${params.row ?? "total"}`);
    },
    ...(extra === undefined
      ? {}
      : {
          detail: (result: BudgetFollowUpResult, params: { readonly row?: string }): FigureDetail => {
            const row = rowFor(result, params.row);
            return row === undefined ? {} : extra(result, row, params.row ?? "total");
          },
        }),
  });

/**
 * The utfall as a financing table would count it, as the audit's alternative reading of a
 * printed utfall: less the costs the other areas finance, or only the costs with a known source.
 */
const outcomeAlternatives = (result: BudgetFollowUpResult, name: string): FigureDetail => {
  const lines = linesNamed(result, name === "total" ? "areas" : name) ?? [];
  const sum = (pick: (source: string) => boolean) => factValue(combineFacts(lines.flatMap((line) => Object.entries(line.outcomeBySource).flatMap(([source, tally]) => (pick(source) ? [{ sum: tally }] : [])))));
  // Every tally but the internal and the unattributed one is a financing source's, built in or defined.
  const known = sum((source) => source !== INTERNAL_FINANCING && source !== UNKNOWN_SOURCE);
  const internal = sum((source) => source === INTERNAL_FINANCING);
  const unattributed = sum((source) => source === UNKNOWN_SOURCE);
  const all = factValue(combineFacts(lines.map((line) => ({ sum: line.outcome }))));
  if (all === undefined) return {};
  const alternatives = [
    ...(internal === undefined || internal.isZero() ? [] : [{ exact: all.minus(internal), cause: `the costs financed from outside only, as the financing table counts them; ${formatFigure(internal, "kr").text} are financed by the other areas` }]),
    ...(known === undefined || unattributed === undefined || unattributed.isZero() ? [] : [{ exact: known, cause: `only the costs with a known financing source; ${formatFigure(unattributed, "kr").text} of the costs have no source in the facts` }]),
  ];
  return alternatives.length === 0 ? {} : { alternatives };
};

/**
 * Where an opening balance rests on the year before's books: carried (no opening recorded, so
 * the derivation says whose closing it is), or recorded and checked against them (a recorded
 * opening that differs from the books' closing is two fact bases disagreeing).
 */
const openingExtra = (result: BudgetFollowUpResult, row: BudgetRow, name: string): FigureDetail => {
  const lines = linesNamed(result, name) ?? [];
  const own = openingAgainstBooks(result, row, name, lines);
  const conflicts = [...(own.conflicts ?? []), ...groupConflict(result, lines, name, row.opening)];
  return conflicts.length === 0 ? own : { ...own, conflicts };
};

/** Each line's recorded opening balance against the closing its own books of the year before leave it. */
const openingAgainstBooks = (result: BudgetFollowUpResult, row: BudgetRow, name: string, lines: readonly LedgerLine[]): FigureDetail => {
  const keyed = lines.map((line) => ({ line, balance: result.carried.get(lineKey(line.areaId, line.line)) }));
  const carried = keyed.flatMap(({ line, balance }) => (balance !== undefined && line.opening === balance.closing ? [balance] : []));
  const derivation = carried.length === 0 ? {} : { derivation: `${carriedDerivation(carried)}, for ${name}` };
  const checked = keyed.flatMap(({ balance }) => (balance === undefined ? [] : [balance]));
  if (carried.length === keyed.length || checked.length !== keyed.length || keyed.length === 0) return derivation;
  const closing = combineFacts(checked.map((balance) => ({ sum: balance.closing })));
  const books = factValue(closing);
  if (books === undefined || !disagree(row.opening, closing)) return derivation;
  const [first] = checked;
  return {
    ...derivation,
    conflicts: [{ exact: books, evidence: closing.evidence, cause: `the recorded opening balance is not what the books of ${first?.year ?? ""} leave at its end (${checked.map(closingWords).join("; ")})` }],
  };
};

const closingWords = (balance: CarriedBalance): string =>
  `${balance.areaId}${balance.line === "area" ? "" : ` (${balance.line})`}: ${balance.from === "recorded-balance" ? "the balance recorded" : "ingående + erhållna − utfall"} at ${balance.year}-12-31`;

const carriedDerivation = (carried: readonly CarriedBalance[]): string =>
  `ingående medel carried from the books of ${carried[0]?.year ?? ""}, no opening balance being recorded: kvarvarande at the year's end (${carried.map(closingWords).join("; ")})`;

const remainingExtra = (result: BudgetFollowUpResult, row: BudgetRow, name: string): FigureDetail => {
  const lines = linesNamed(result, name) ?? [];
  if (name === "total") {
    const recordedTotals = result.balances.map(balanceTotal).flatMap((tally) => (tally === undefined ? [] : [tally]));
    const recorded = factValue(combineFacts(recordedTotals.map((tally) => ({ sum: tally }))));
    const rows = result.rows.map((each) => factValue(each.remaining)).flatMap((value) => (value === undefined ? [] : [value]));
    return {
      parts: rows,
      ...(recorded === undefined ? {} : { alternatives: [{ exact: recorded, cause: "the accounting system's recorded balance of all areas (as in Tabell 2a), not the sum of the rows above" }] }),
    };
  }
  const flows = flowRemaining(lines);
  const parts = [factValue(row.available), factValue(row.outcome)?.negated()].flatMap((value) => (value === undefined ? [] : [value]));
  const conflict =
    remainingOf(lines, result.balances).from === "recorded-balance" && disagree(row.remaining, flows)
      ? { conflicts: [{ exact: new Decimal(flows.exact ?? "0"), evidence: flows.evidence, cause: "ingående + erhållna − utfall of the same areas leave a different amount than the recorded balance" }] }
      : {};
  const outcome = factValue(row.outcome);
  const copied = outcome === undefined || row.remainingFrom === "recorded-balance" ? {} : { alternatives: [{ exact: outcome, cause: "the row's utfall copied into the kvarvarande column" }] };
  return { parts, ...conflict, ...copied };
};

export const financeOpening = budgetColumn("finance.opening", "ingående medel (funds at the start of the period)", (row) => row.opening, openingExtra);
export const financeReceived = budgetColumn("finance.received", "erhållna medel (funds received in the period)", (row) => row.received);
export const financeAvailable = budgetColumn("finance.available", "disponibla medel (ingående + erhållna)", (row) => row.available, (_result, row) => ({
  parts: [factValue(row.opening), factValue(row.received)].flatMap((value) => value ?? []),
}));
export const financeBudget = budgetColumn("finance.budget", "budget förbrukning for the year the period ends in", (row) => row.budget);
export const financeOutcome = budgetColumn("finance.outcome", "utfall (costs booked in the period)", (row) => row.outcome, (result, _row, name) => outcomeAlternatives(result, name));
export const financeRemaining = budgetColumn("finance.remaining", "kvarvarande medel at the period's end", (row) => row.remaining, remainingExtra);
export const financeRemainingEarmarked = budgetColumn("finance.remaining-earmarked", "varav kvarvarande fonderade statliga medel", (row) => row.remainingEarmarked);
export const financeForecast = budgetColumn("finance.forecast", "prognos kvarvarande medel at the year's end", (row) => row.forecast);
export const financeDeviation = budgetColumn("finance.deviation", "avvikelse (budget − utfall)", (row) => row.deviation);

const SOURCES = { source: 'a financing source\'s id (built in: kommunerna, staten, ovriga; or defined by finance.funding-source-defined), or several joined by "+"' };

export const financeReceivedFrom = defineFigure(budgetFollowUpProjection, {
  key: "finance.received-from",
  description: "erhållna medel from a financing source (or several), every line of Tabell 1 together: what a plan's revenue in a category covering those sources is set against for a closed year",
  params: SOURCES,
  unit: "kr",
  example: { source: "kommunerna" },
  compute: (result, params) => {
    const sources = (params.source ?? "").split("+").filter((source) => source !== "");
    if (sources.length === 0) return undefined;
    const tallies = Object.values(result.lines).flatMap((line) => sources.flatMap((source) => line.receivedBySource[source] ?? []));
    return figureOf(combineFacts(tallies.map((sum) => ({ sum }))), `erhållna medel from ${sources.join(" + ")}, every line`);
  },
});

/** A surplus figure that would hold what the year before closed with unsplit onto areas, had the period's openings accounted for it. */
const withUnsplit = (result: BudgetFollowUpResult, figure: ComputedFigure | undefined): ComputedFigure | undefined => {
  const conflicts = unsplitConflict(result, figure?.exact);
  return figure === undefined || conflicts.length === 0 ? figure : { ...figure, conflicts: [...(figure.conflicts ?? []), ...conflicts] };
};

export const financePriorSurplus = defineFigure(budgetFollowUpProjection, {
  key: "finance.prior-surplus",
  description: "Överskott från tidigare år: the organisation's surplus carried into the period.",
  params: {},
  unit: "kr",
  example: {},
  compute: (result) => withUnsplit(result, figureOf(result.priorSurplus, "opening balance without an area")),
});

export const financeAccumulatedSurplus = defineFigure(budgetFollowUpProjection, {
  key: "finance.accumulated-surplus",
  description: "Ackumulerat överskott: the surplus from earlier years plus the forecast total, or, in a period that ends on the year's last day (the year closed), plus the kvarvarande total.",
  params: {},
  unit: "kr",
  example: {},
  compute: (result) => withUnsplit(result, figureOf(result.accumulatedSurplus, result.yearClosed ? "kvarvarande total at the year's end + surplus from earlier years" : "forecast total + surplus from earlier years")),
});

/** Every column of Tabell 1 and the surplus figures beside it. */
export const budgetFigures = [
  financeOpening,
  financeReceived,
  financeAvailable,
  financeBudget,
  financeOutcome,
  financeRemaining,
  financeRemainingEarmarked,
  financeForecast,
  financeDeviation,
  financePriorSurplus,
  financeAccumulatedSurplus,
  financeReceivedFrom,
] as const;
