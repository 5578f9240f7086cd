import { Decimal, ratio, toDecimalString } from "../../numbers/decimal.js";
import { defineView } from "../../projection/projection.js";
import type { Period } from "../../time/period.js";
import { nameOn } from "../reference/directory.js";
import { balanceEarmarked, balanceTotal, flowRemaining } from "./balances.js";
import { sourcesInUse, type FundingSource } from "./funding-sources.js";
import { ledgerFold, sumOfLines, UNKNOWN_SOURCE, type LedgerLine, type LedgerState } from "./ledger.js";
import { addFact, combineFacts, emptyFactSum, factValue, type FactSum } from "./fact-sum.js";

const shareText = (part: FactSum, whole: FactSum): string | null => {
  const top = factValue(part);
  const bottom = factValue(whole);
  if (top === undefined || bottom === undefined) return null;
  const share = ratio(top, bottom);
  return share === undefined ? null : toDecimalString(share);
};

const areaName = (state: LedgerState, areaId: string, period: Period): string => {
  const area = state.directory.areas[areaId];
  return area === undefined ? areaId : nameOn(area, period.end);
};

export interface SourceRow {
  readonly row: string;
  readonly name: string;
  readonly total: FactSum;
  readonly bySource: Readonly<Record<string, FactSum>>;
  /** Exact shares (0..1) of the row total (for costs: of the financed costs), null where the source has no amount. */
  readonly sourceShares: Readonly<Record<string, string | null>>;
  /** This row's share of the table's total. */
  readonly shareOfTotal: string | null;
}

export interface FundsBySourceResult {
  readonly period: string;
  /** The sources the log's facts name, in print order (built-in first, then as defined): the tables' source columns. */
  readonly sources: readonly FundingSource[];
  readonly asOf: string;
  readonly rows: readonly (SourceRow & { readonly areaIds: readonly string[]; readonly earmarkedState: FactSum; readonly fromFlows: FactSum })[];
  readonly total: SourceRow & { readonly earmarkedState: FactSum };
}

const sourceShares = (sources: readonly string[], bySource: Readonly<Record<string, FactSum>>, total: FactSum): Record<string, string | null> =>
  Object.fromEntries(sources.map((source) => [source, bySource[source]?.exact === null || bySource[source] === undefined ? null : shareText(bySource[source], total)]));

const sumBySource = (sources: readonly string[], rows: readonly { readonly bySource: Readonly<Record<string, FactSum>> }[]): Record<string, FactSum> =>
  Object.fromEntries(sources.map((source) => [source, combineFacts(rows.map((row) => ({ sum: row.bySource[source] ?? emptyFactSum() })))]));

const fundsBySourceOf = (state: LedgerState, period: Period): FundsBySourceResult => {
  const sources = sourcesInUse(state.sources);
  const ids = sources.map((source) => source.id);
  const recorded = state.balances.filter((balance) => balance.bySource !== undefined);
  const base = recorded.map((balance) => {
    const bySource = Object.fromEntries(
      ids.map((source) => {
        const amount = balance.bySource?.[source];
        return [source, amount === undefined ? emptyFactSum() : addFact(emptyFactSum(), new Decimal(amount), balance.knownTo, { id: balance.eventId, marked: balance.marked === true })];
      }),
    );
    const lines = Object.values(state.lines).filter((line): line is LedgerLine => line.line === "area" && balance.areaIds.includes(line.areaId));
    return {
      row: balance.areaIds.join("+"),
      name: balance.areaIds.map((id) => areaName(state, id, period)).join(", "),
      areaIds: balance.areaIds,
      total: balanceTotal(balance) ?? emptyFactSum(),
      bySource,
      earmarkedState: balanceEarmarked(balance) ?? emptyFactSum(),
      fromFlows: flowRemaining(lines),
    };
  });
  const total = combineFacts(base.map((row) => ({ sum: row.total })));
  const totalBySource = sumBySource(ids, base);
  return {
    period: period.name,
    sources,
    asOf: period.end,
    rows: base.map((row) => ({ ...row, sourceShares: sourceShares(ids, row.bySource, row.total), shareOfTotal: shareText(row.total, total) })),
    total: {
      row: "total",
      name: "all recorded balances",
      total,
      bySource: totalBySource,
      sourceShares: sourceShares(ids, totalBySource, total),
      shareOfTotal: shareText(total, total),
      earmarkedState: combineFacts(base.map((row) => ({ sum: row.earmarkedState }))),
    },
  };
};

/** Tabell 2a/2b: the funds at the period's end by financing source, in kr and as shares. */
export const fundsBySourceProjection = defineView<LedgerState, FundsBySourceResult>(ledgerFold, {
  name: "funds-by-source",
  description:
    "Funds at the period's end by financing source (Tabell 2a, 2b): the accounting system's recorded balances per area or group of areas, in kr and as shares, with earmarked state money, and what the flows would leave for the same areas.",
  result: (state, { period }) => fundsBySourceOf(state, period),
});

/**
 * One row of the financing table. `total` is every cost the area booked (its utfall, as the
 * budget table prints it); the financing table counts `financed`: those costs less the part the
 * organisation's other areas finance (`internal`), which their own costs already hold.
 * `shareOfTotal` is the row's share of the table's financed costs.
 */
export interface OutcomeRow extends SourceRow {
  /** Costs financed by the organisation's other areas: eliminated from the financing table. */
  readonly internal: FactSum;
  /** Costs financed from outside the organisation: by a named financier, or with no source given. */
  readonly financed: FactSum;
  /** Costs whose external financier the facts name; the rest of `financed` is `unattributed`. */
  readonly withSource: FactSum;
  readonly unattributed: FactSum;
}

export interface OutcomeBySourceResult {
  readonly period: string;
  /** The sources the log's facts name, in print order (built-in first, then as defined): the tables' source columns. */
  readonly sources: readonly FundingSource[];
  readonly rows: readonly OutcomeRow[];
  /** Every area with costs the organisation's other areas finance, a row of the table or not (the footnote names them all). */
  readonly internallyFinanced: readonly OutcomeRow[];
  readonly total: OutcomeRow;
  /** The external sources' costs (staten, övriga, defined ones marked external) ÷ the financed costs: the external financing share. */
  readonly externalShare: string | null;
}

const outcomeRowOf = (sources: readonly string[], row: string, name: string, lines: readonly LedgerLine[]): Omit<OutcomeRow, "shareOfTotal"> => {
  const bySource = Object.fromEntries(sources.map((source) => [source, sumOfLines(lines, (line) => line.outcomeBySource[source])]));
  const withSource = combineFacts(sources.map((source) => ({ sum: bySource[source] ?? emptyFactSum() })));
  const unattributed = sumOfLines(lines, (line) => line.outcomeBySource[UNKNOWN_SOURCE]);
  // The parts, not total − internal: a sum of facts keeps its evidence and stays blank when nothing is financed from outside.
  const financed = combineFacts([{ sum: withSource }, { sum: unattributed }]);
  return {
    row,
    name,
    total: sumOfLines(lines, (line) => line.outcome),
    internal: sumOfLines(lines, (line) => line.outcomeBySource.internal),
    financed,
    bySource,
    sourceShares: sourceShares(sources, bySource, financed),
    withSource,
    unattributed,
  };
};

const hasFacts = (sum: FactSum): boolean => sum.exact !== null || sum.unknown;

const outcomeBySourceOf = (state: LedgerState, period: Period): OutcomeBySourceResult => {
  // A line with no costs in the period (an earmarked fund, say) is no row of a cost table.
  const areaLines = Object.entries(state.lines).filter(([, line]) => line.line === "area" && hasFacts(line.outcome));
  const sources = sourcesInUse(state.sources);
  const ids = sources.map((source) => source.id);
  const total = outcomeRowOf(ids, "areas", "all areas", areaLines.map(([, line]) => line));
  const external = combineFacts(sources.filter((source) => source.external).map((source) => ({ sum: total.bySource[source.id] ?? emptyFactSum() })));
  const all = areaLines.map(([key, line]) => {
    const row = outcomeRowOf(ids, key, areaName(state, line.areaId, period), [line]);
    return { ...row, shareOfTotal: shareText(row.financed, total.financed) };
  });
  return {
    period: period.name,
    sources,
    // An area the others pay for wholly has nothing financed from outside: no row of the financing table, only its internal part.
    rows: all.filter((row) => hasFacts(row.financed)),
    internallyFinanced: all.filter((row) => factValue(row.internal)?.isZero() === false),
    total: { ...total, shareOfTotal: shareText(total.financed, total.financed) },
    externalShare: shareText(external, total.financed),
  };
};

/** Tabell 3a/3b: costs of the period per area split by financing source, in kr and as shares. */
export const outcomeBySourceProjection = defineView<LedgerState, OutcomeBySourceResult>(ledgerFold, {
  name: "outcome-by-source",
  description:
    "Costs (utfall) of the period per area as financed from outside the organisation, by financing source (Tabell 3a, 3b), in kr and as shares: the costs the organisation's other areas finance are eliminated (they are in the paying areas' costs already), the costs whose source the facts do not give are kept apart, and the external financing share.",
  result: (state, { period }) => outcomeBySourceOf(state, period),
});
