import type { BudgetFollowUpResult, BudgetRow } from "../../domains/finance/budget-follow-up.js";
import { budgetFollowUpProjection } from "../../domains/finance/budget-follow-up.js";
import { narrativeProjection } from "../../domains/narrative/narrative.js";
import { fundsBySourceProjection, outcomeBySourceProjection } from "../../domains/finance/source-tables.js";
import type { FactSum } from "../../domains/finance/fact-sum.js";
import { capitalised, financiersPhrase, listOfNames, type FundingSource } from "../../domains/finance/funding-sources.js";
import type { FundsBySourceResult, OutcomeBySourceResult, SourceRow } from "../../domains/finance/source-tables.js";
import type { UnitId } from "../../numbers/units.js";
import type { ReportBlock, ReportCell, ReportChart, ReportFootnote, ReportTable } from "../document/blocks.js";
import { financeAccumulatedSurplus, financeAvailable, financeBudget, financeForecast, financeOpening, financeOutcome, financePriorSurplus, financeReceived, financeRemaining, financeRemainingEarmarked } from "../../domains/finance/budget-follow-up-figures.js";
import { financeBalance, financeBalanceEarmarked, financeBalanceShare, financeOutcomeBySource, financeOutcomeFinanced, financeOutcomeInternal, financeOutcomeShare, financeSourceShare } from "../../domains/finance/source-table-figures.js";
import { dec } from "../../numbers/decimal.js";
import { financeStateGrantAllocated, financeStateGrantsRequisitioned } from "../../domains/finance/result-table-figures.js";
import { stateGrantsProjection, type StateGrantsResult } from "../../domains/finance/result-tables.js";
import { formatFigure } from "../../numbers/format.js";
import { blankCell, definedCell, definedFigure, figureCell, headerRow, row, table, textCell } from "./cells.js";
import { nothing, placed, resultOf, type BuiltSection, type FigureEvidence, type ReportBuildContext, defineSection } from "./context.js";
import { footnotesFor } from "./narratives.js";
import { INLINE_FIGURE_READS } from "./inline-figures.js";

/** Where the house prints the economic tables: 2.4 Ekonomisk redovisning. */
export const ECONOMY_SECTION = "2.4";

const known = (sum: FactSum | undefined): string | null => (sum === undefined || sum.unknown || sum.exact === null ? null : sum.exact);

/** A money cell from a fact sum; blank when the facts do not say. */
const moneyCell = (key: string, sum: FactSum | undefined, unit: UnitId, evidence: Record<string, readonly string[]>): ReportCell => {
  const exact = known(sum);
  if (exact !== null && sum !== undefined) evidence[key] = sum.evidence;
  return figureCell(key, exact, unit, { withSuffix: false });
};


/** The totals row of every money table. */
const TOTAL_LABEL = "Summa";

/** Tabell 1's row labels: the document's words, not the domain's. */
const budgetLabel = (entry: BudgetRow): string =>
  entry.line === "sum" ? TOTAL_LABEL : entry.line === "internal-charge" ? `Härav ${entry.name.toLowerCase()} finansierat från områdena ovan` : entry.name;

const sourceLabel = (entry: SourceRow, total: SourceRow): string => (entry === total ? TOTAL_LABEL : entry.name);

/** Tabell 1's columns: each printed through the figure the audit checks it with. */
const BUDGET_COLUMNS = [
  { column: "opening", figure: financeOpening },
  { column: "received", figure: financeReceived },
  { column: "available", figure: financeAvailable },
  { column: "budget", figure: financeBudget },
  { column: "outcome", figure: financeOutcome },
  { column: "remaining", figure: financeRemaining },
  { column: "remainingEarmarked", figure: financeRemainingEarmarked },
  { column: "forecast", figure: financeForecast },
] as const;

type BudgetColumn = (typeof BUDGET_COLUMNS)[number]["column"];

const ECONOMY_FIGURES = [
  ...BUDGET_COLUMNS.map((entry) => entry.figure),
  financePriorSurplus,
  financeAccumulatedSurplus,
  financeBalance,
  financeBalanceEarmarked,
  financeBalanceShare,
  financeOutcomeBySource,
  financeOutcomeFinanced,
  financeOutcomeInternal,
  financeOutcomeShare,
  financeSourceShare,
  financeStateGrantAllocated,
  financeStateGrantsRequisitioned,
];

/** Tabell 1's column headings, by column. */
const budgetHeadings = (result: BudgetFollowUpResult, end: string): Readonly<Record<BudgetColumn, string>> => ({
  opening: `Ingående medel ${result.budgetYear}`,
  received: `Erhållna medel ${result.budgetYear}`,
  available: `Disponibla medel ${result.budgetYear}`,
  budget: `Budget förbrukning ${result.budgetYear}`,
  outcome: `Utfall förbrukning ${end}`,
  remaining: `Kvarvarande medel ${end}`,
  remainingEarmarked: "Varav kvarvarande fonderade statliga medel",
  forecast: `Prognos kvarvarande medel ${result.forecastHorizon}`,
});

/**
 * Tabell 1's columns for a log and period: the earmarked one only where the log records earmarked
 * funds at all (blank cells where a row has none); no forecast of the year-end in a report whose
 * period ends on the year's last day, which knows the year's outcome, so its surplus rows stand
 * under the actual kvarvarande instead of the forecast.
 */
const columnsOf = (result: BudgetFollowUpResult) => {
  const shown = BUDGET_COLUMNS.filter(({ column }) => (column !== "remainingEarmarked" || result.earmarking) && !(result.yearClosed && column === "forecast"));
  const surplusColumn = result.yearClosed ? shown.findIndex(({ column }) => column === "remaining") : shown.length - 1;
  return { shown, surplusColumn };
};

const budgetTable = (context: ReportBuildContext, result: BudgetFollowUpResult, evidence: Record<string, readonly string[]>): ReportTable => {
  const end = context.period.end;
  const { shown, surplusColumn } = columnsOf(result);
  const headings = budgetHeadings(result, end);
  const key = (column: string, rowId: string): string => `budget-follow-up.${column}@${result.period}/row=${rowId}`;
  const notes = footnotesFor(context, ECONOMY_SECTION).filter((note) => note.title === "" || /tabell 1\b/i.test(note.title));
  const marksFor = (rowId: string): string[] => notes.filter((note) => note.areaId === rowId).map((note) => note.mark);
  const heading = (label: string) => textCell(label, notes.filter((note) => note.column !== null && note.column.toLowerCase() === label.toLowerCase()).map((note) => note.mark));
  const place = (column: string, rowId: string) => ({ key: key(column, rowId), unit: "tkr" as const, options: { withSuffix: false }, evidence });
  const budgetRow = (entry: BudgetRow) => row([textCell(budgetLabel(entry), marksFor(entry.row)), ...shown.map(({ column, figure }) => definedCell(context, figure, { row: entry.row }, place(column, entry.row)))]);
  const only = (label: string, rowId: string, figure: typeof financePriorSurplus, at: number[]) =>
    row([textCell(label), ...shown.map(({ column }, index) => (at.includes(index) ? definedCell(context, figure, {}, place(column, rowId)) : blankCell()))]);
  const extra = [
    ...(known(result.priorSurplus) === null ? [] : [only("Överskott från tidigare år", "prior-surplus", financePriorSurplus, [0, surplusColumn])]),
    ...(known(result.accumulatedSurplus) === null ? [] : [only(`Ackumulerat överskott ${result.forecastHorizon}`, "accumulated-surplus", financeAccumulatedSurplus, [surplusColumn])]),
  ];
  return table({
    id: "tabell-1-budgetuppfoljning",
    caption: `Tabell 1 Budgetuppföljning per ${end}`,
    unitNote: "tkr",
    align: ["left", ...shown.map(() => "right" as const)],
    head: [row(["", ...shown.map(({ column }) => headings[column])].map(heading))],
    body: result.rows.map(budgetRow),
    foot: [budgetRow(result.total), ...extra],
    footnotes: notes.map((note): ReportFootnote => ({ mark: note.mark, markdown: note.markdown, ...(note.figures.length === 0 ? {} : { figures: [...note.figures] }) })),
  });
};

/** The sources the log uses that have an amount in some row, in the result's print order. */
const sourceColumns = (sources: readonly FundingSource[], rows: readonly SourceRow[]) => sources.filter((source) => rows.some((entry) => known(entry.bySource[source.id]) !== null));

const fundsTables = (context: ReportBuildContext, result: FundsBySourceResult, evidence: Record<string, readonly string[]>): ReportTable[] => {
  const all = [...result.rows, result.total];
  const sources = sourceColumns(result.sources, all);
  // Earmarked state money is a column only where the books give some: an organisation without state grants gets no empty one.
  const earmarked = all.some((entry) => known(entry.earmarkedState) !== null);
  const key = (column: string, rowId: string): string => `funds-by-source.${column}@${result.asOf}/row=${rowId}`;
  const kr = (column: string, rowId: string) => ({ key: key(column, rowId), unit: "kr" as const, options: { withSuffix: false }, evidence });
  const share = (column: string, rowId: string) => ({ key: key(column, rowId), unit: "percent" as const });
  const amounts = (entry: (typeof all)[number]) =>
    row([
      textCell(sourceLabel(entry, result.total)),
      definedCell(context, financeOpening, { row: entry.row }, kr("opening", entry.row)),
      definedCell(context, financeBalance, { areas: entry.row }, kr("total", entry.row)),
      ...sources.map((source) => definedCell(context, financeBalance, { areas: entry.row, source: source.id }, kr(source.id, entry.row))),
      ...(earmarked ? [definedCell(context, financeBalanceEarmarked, { areas: entry.row }, kr("earmarked-state", entry.row))] : []),
    ]);
  const shares = (entry: (typeof all)[number]) =>
    row([
      textCell(sourceLabel(entry, result.total)),
      definedCell(context, financeBalanceShare, { areas: entry.row }, share("share-of-total", entry.row)),
      ...sources.map((source) => definedCell(context, financeBalanceShare, { areas: entry.row, source: source.id }, share(`share-${source.id}`, entry.row))),
    ]);
  const head = (first: readonly string[], last: string[]) => [headerRow(["Redovisning av disponibla medel", ...first, ...sources.map((source) => source.label), ...last])];
  // The funds brought into the year: the day before the report's year begins.
  const openingLabel = `Ingående medel ${Number(context.period.start.slice(0, 4)) - 1}-12-31`;
  return [
    table({ id: "tabell-2a", caption: "Tabell 2a Redovisning av disponibla medel", unitNote: "kr", align: ["left", ...Array(sources.length + (earmarked ? 3 : 2)).fill("right")], head: head([openingLabel, `Disponibla medel ${result.asOf}`], earmarked ? ["Därav fonderade statliga medel"] : []), body: result.rows.map(amounts), foot: [amounts(result.total)] }),
    table({ id: "tabell-2b", caption: "Tabell 2b Redovisning av andelen disponibla medel fördelade på finansiärer", align: ["left", ...Array(sources.length + 1).fill("right")], head: head([`Disponibla medel ${result.asOf}`], []), body: result.rows.map(shares), foot: [shares(result.total)] }),
  ];
};

/** Footnote marks in the order a table's notes are written: *, ** … for the notes present, null for the others. */
const marksInOrder = (present: readonly boolean[]): (string | null)[] => {
  let count = 0;
  return present.map((shown) => (shown ? "*".repeat((count += 1)) : null));
};

const withMark = (label: string, mark: string | null): string => (mark === null ? label : `${label} ${mark}`);

/**
 * The costs the organisation's other areas finance, per area, as the footnote names them: the
 * financing table leaves them out, so the reader learns where the budget table's utfall went.
 */
const internalFootnote = (context: ReportBuildContext, result: OutcomeBySourceResult, mark: string, key: (column: string, rowId: string) => string): ReportFootnote | null => {
  const parts = result.internallyFinanced.flatMap((entry) => {
    const printed = definedFigure(context, financeOutcomeInternal, { row: entry.row }, { key: key("internal", entry.row), unit: "kr" });
    return printed === null ? [] : [{ name: entry.name, printed }];
  });
  if (parts.length === 0) return null;
  const list = parts.map((part) => `${part.name} ${part.printed.text}`).join(", ");
  return {
    mark,
    markdown: `Tabellen visar hur verksamhetens kostnader finansieras av ${financiersPhrase(result.sources)}. Kostnader som verksamhetens övriga områden finansierar internt är borttagna, eftersom pengarna redan räknas hos de områden som betalar: ${list}. I budgetuppföljningen ingår de i respektive områdes utfall.`,
    figures: parts.map((part) => part.printed),
  };
};

const outcomeTables = (context: ReportBuildContext, result: OutcomeBySourceResult, evidence: Record<string, readonly string[]>): ReportTable[] => {
  const all = [...result.rows, result.total];
  const sources = sourceColumns(result.sources, all);
  const unattributed = all.some((entry) => (known(entry.unattributed) ?? "0") !== "0");
  const internal = result.internallyFinanced.length > 0;
  const key = (column: string, rowId: string): string => `outcome-by-source.${column}@${result.period}/row=${rowId}`;
  const kr = (column: string, rowId: string) => ({ key: key(column, rowId), unit: "kr" as const, options: { withSuffix: false }, evidence });
  // The first column is the financing table's own figure: the costs financed from outside, not Tabell 1's utfall.
  const amounts = (entry: (typeof all)[number]) =>
    row([
      textCell(sourceLabel(entry, result.total)),
      definedCell(context, financeOutcomeFinanced, { row: entry.row }, kr("total", entry.row)),
      ...sources.map((source) => definedCell(context, financeOutcomeBySource, { row: entry.row, source: source.id }, kr(source.id, entry.row))),
      ...(unattributed ? [moneyCell(key("unattributed", entry.row), entry.unattributed, "kr", evidence)] : []),
    ]);
  // The source shares are of the costs with a known source, as printed; the costs without one are named in a footnote.
  const shares = (entry: (typeof all)[number]) =>
    row([
      textCell(sourceLabel(entry, result.total)),
      definedCell(context, financeOutcomeShare, { row: entry.row }, { key: key("share-of-total", entry.row), unit: "percent" }),
      ...sources.map((source) => definedCell(context, financeSourceShare, { row: entry.row, source: source.id }, { key: key(`share-${source.id}`, entry.row), unit: "percent" })),
    ]);
  const unknownCost = known(result.total.unattributed);
  // A column is marked only when its footnote prints: the eliminated amounts may all be blank.
  const amountsFootnote = internal ? internalFootnote(context, result, "*", key) : null;
  const internalMark = amountsFootnote === null ? null : amountsFootnote.mark;
  const [shareInternalMark = null, sourcesMark = null] = marksInOrder([amountsFootnote !== null, unattributed && unknownCost !== null]);
  const sharesFootnotes = [
    ...(shareInternalMark === null ? [] : [{ mark: shareInternalMark, markdown: `Andelarna avser kostnader som finansieras av ${listOfNames(result.sources.map((source) => source.name))}; kostnader som verksamhetens övriga områden finansierar internt ingår inte (se Tabell 3a).` }]),
    ...(sourcesMark === null || unknownCost === null
      ? []
      : [{ mark: sourcesMark, markdown: `Andelarna per finansiär avser kostnader med känd finansiär. ${formatFigure(dec(unknownCost), "kr").text} av periodens kostnader saknar angiven finansiär (se Tabell 3a) och ingår inte i underlaget.` }]),
  ];
  const end = context.period.end;
  return [
    table({
      id: "tabell-3a",
      caption: `Tabell 3a Finansiering av verksamheten ${context.period.start} – ${end}`,
      unitNote: "kr",
      align: ["left", ...Array(sources.length + 1 + (unattributed ? 1 : 0)).fill("right")],
      head: [headerRow([`Utfall ${end}`, withMark("Utfall per verksamhetsområde", internalMark), ...sources.map((source) => source.label), ...(unattributed ? ["Finansiering ej angiven"] : [])])],
      body: result.rows.map(amounts),
      foot: [amounts(result.total)],
      ...(amountsFootnote === null ? {} : { footnotes: [amountsFootnote] }),
    }),
    table({
      id: "tabell-3b",
      caption: "Tabell 3b Finansiering av verksamheten, andel",
      align: ["left", ...Array(sources.length + 1).fill("right")],
      head: [headerRow([`Finansiering av utfall ${end}`, withMark("Andel utfall per verksamhetsområde", shareInternalMark), ...sources.map((source) => withMark(source.label, sourcesMark))])],
      body: result.rows.map(shares),
      foot: [shares(result.total)],
      footnotes: sharesFootnotes,
    }),
  ];
};

/**
 * Tabell 1 as a chart: each area's budget for the year beside its outcome so far, through the
 * table's own figures and keys (the same value printed twice). The internal-charge line is a part
 * of the areas above it, so it gets no bar of its own.
 */
const budgetChart = (context: ReportBuildContext, result: BudgetFollowUpResult): ReportChart | null => {
  const key = (column: string, rowId: string): string => `budget-follow-up.${column}@${result.period}/row=${rowId}`;
  const valueOf = (entry: BudgetRow, id: "budget" | "outcome", figure: typeof financeBudget) => definedFigure(context, figure, { row: entry.row }, { key: key(id, entry.row), unit: "tkr" });
  // An area with neither a budget nor an outcome (a line kept for its funds) would be an empty row.
  const areas = result.rows.filter((entry) => entry.line === "area" && (valueOf(entry, "budget", financeBudget) !== null || valueOf(entry, "outcome", financeOutcome) !== null));
  if (areas.length === 0) return null;
  const column = (name: string, id: "budget" | "outcome", figure: typeof financeBudget) => ({ name, values: areas.map((entry) => valueOf(entry, id, figure)) });
  return {
    kind: "chart",
    id: "budget-och-utfall-per-omrade",
    chart: "grouped-bar",
    title: `Budget ${result.budgetYear} och utfall per ${context.period.end}, per verksamhetsområde`,
    unit: "tkr",
    categories: areas.map(budgetLabel),
    series: [column(`Budget förbrukning ${result.budgetYear}`, "budget", financeBudget), column(`Utfall förbrukning ${context.period.end}`, "outcome", financeOutcome)],
    targetLines: [],
    labels: { category: "Verksamhetsområde", value: "Belopp" },
  };
};

/** Funds at the period's end and the period's costs per financing source, side by side. */
const sourcesChart = (context: ReportBuildContext, funds: FundsBySourceResult | undefined, outcome: OutcomeBySourceResult | undefined): ReportChart | null => {
  // The totals rows of Tabell 2a and 3a, by source, through the same figures.
  const series = [
    ...(funds === undefined ? [] : [{ name: `Disponibla medel ${funds.asOf}`, value: (source: string) => definedFigure(context, financeBalance, { areas: "total", source }, { key: `funds-by-source.chart@${funds.asOf}/source=${source}`, unit: "tkr" }) }]),
    ...(outcome === undefined ? [] : [{ name: `Utfall ${context.period.start} – ${context.period.end}`, value: (source: string) => definedFigure(context, financeOutcomeBySource, { row: "areas", source }, { key: `outcome-by-source.chart@${outcome.period}/source=${source}`, unit: "tkr" }) }]),
  ];
  // Both tables are views of one ledger, so they know the same sources.
  const sources = (funds ?? outcome)?.sources ?? [];
  if (series.length === 0 || sources.length === 0) return null;
  return {
    kind: "chart",
    id: "medel-och-utfall-per-finansiar",
    chart: "grouped-bar",
    title: "Disponibla medel och utfall per finansiär",
    unit: "tkr",
    categories: sources.map((source) => capitalised(source.name)),
    series: series.map((entry) => ({ name: entry.name, values: sources.map((source) => entry.value(source.id)) })),
    targetLines: [],
    labels: { category: "Finansiär", value: "Belopp" },
  };
};


/** State money of the year per programme: allocated (kr) and requisitioned (mnkr), as the section's text reports them. */
const stateGrantsTable = (context: ReportBuildContext, grants: StateGrantsResult): ReportTable | null => {
  const programmes = [...new Set([...grants.allocated.map((entry) => entry.programme), ...grants.requisitioned.map((entry) => entry.programme)])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (programmes.length === 0) return null;
  const key = (what: string, programme: string): string => `state-grants.${what}@${grants.year}/programme=${programme}`;
  return table({
    id: "statliga-medel",
    caption: `Statliga medel ${grants.year} per satsning`,
    align: ["left", "right", "right"],
    head: [headerRow(["Satsning", `Avsatt för ${grants.year} (kr)`, `Rekvirerat ${grants.year} (mnkr)`])],
    body: programmes.map((programme) =>
      row([
        textCell(programme),
        definedCell(context, financeStateGrantAllocated, { programme }, { key: key("allocated", programme), unit: "kr", options: { withSuffix: false } }),
        definedCell(context, financeStateGrantsRequisitioned, { programme }, { key: key("requisitioned", programme), unit: "mkr", options: { withSuffix: false } }),
      ]),
    ),
  });
};

/**
 * 2.4 Ekonomisk redovisning: Tabell 1 (budget follow-up, tkr) with the footnotes written for
 * it and a chart of budget and outcome per area, Tabell 2a/2b (funds by source), Tabell 3a/3b (costs by source) and a chart of funds and
 * costs per financing source. Each table only when its projection has facts.
 */
const buildEconomySection = (context: ReportBuildContext): BuiltSection => {
  const budget = resultOf(context, budgetFollowUpProjection);
  const funds = resultOf(context, fundsBySourceProjection);
  const outcome = resultOf(context, outcomeBySourceProjection);
  const evidence: Record<string, readonly string[]> = {};
  const blocks: ReportBlock[] = [];
  if (budget !== undefined && budget.rows.length > 0) {
    blocks.push(budgetTable(context, budget, evidence));
    const chart = budgetChart(context, budget);
    if (chart !== null) blocks.push(chart);
  }
  const usableFunds = funds !== undefined && funds.rows.length > 0 ? funds : undefined;
  const usableOutcome = outcome !== undefined && outcome.rows.length > 0 ? outcome : undefined;
  if (usableFunds !== undefined) blocks.push(...fundsTables(context, usableFunds, evidence));
  if (usableOutcome !== undefined) blocks.push(...outcomeTables(context, usableOutcome, evidence));
  const grants = resultOf(context, stateGrantsProjection);
  const stateTable = grants === undefined ? null : stateGrantsTable(context, grants);
  if (stateTable !== null) blocks.push(stateTable);
  const chart = sourcesChart(context, usableFunds, usableOutcome);
  if (chart !== null) blocks.push(chart);
  return blocks.length === 0 ? nothing : placed("economy-tables", ECONOMY_SECTION, "Ekonomisk redovisning", blocks, evidence as FigureEvidence);
};

// Tabell 1's footnotes may carry figures written into their text (inline-figures.ts).
export const economySection = defineSection({ name: "economy", figures: ECONOMY_FIGURES, reads: [...INLINE_FIGURE_READS, budgetFollowUpProjection, fundsBySourceProjection, outcomeBySourceProjection, stateGrantsProjection, narrativeProjection], build: buildEconomySection });
