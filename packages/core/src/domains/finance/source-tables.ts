import { Decimal, ratio, toDecimalString } from "../../numbers/decimal.js";
import { defineView } from "../../projection/projection.js";
import type { Period } from "../../time/period.js";
import { nameOn } from "../reference/directory.js";
import { balanceEarmarked, balanceTotal, flowRemaining } from "./balances.js";
import { FINANCING_SOURCES } from "./events.js";
import { ledgerFold, type LedgerLine, type LedgerState } from "./ledger.js";
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
  /** Exact shares (0..1) of the row total, null where the source has no amount. */
  readonly sourceShares: Readonly<Record<string, string | null>>;
  /** This row's share of the table's total. */
  readonly shareOfTotal: string | null;
}

export interface FundsBySourceResult {
  readonly period: string;
  readonly asOf: string;
  readonly rows: readonly (SourceRow & { readonly areaIds: readonly string[]; readonly earmarkedState: FactSum; readonly fromFlows: FactSum })[];
  readonly total: SourceRow & { readonly earmarkedState: FactSum };
}

const sourceShares = (bySource: Readonly<Record<string, FactSum>>, total: FactSum): Record<string, string | null> =>
  Object.fromEntries(FINANCING_SOURCES.map((source) => [source, bySource[source]?.exact === null || bySource[source] === undefined ? null : shareText(bySource[source], total)]));

const sumBySource = (rows: readonly { readonly bySource: Readonly<Record<string, FactSum>> }[]): Record<string, FactSum> =>
  Object.fromEntries(FINANCING_SOURCES.map((source) => [source, combineFacts(rows.map((row) => ({ sum: row.bySource[source] ?? emptyFactSum() })))]));

const fundsBySourceOf = (state: LedgerState, period: Period): FundsBySourceResult => {
  const recorded = state.balances.filter((balance) => balance.bySource !== undefined);
  const base = recorded.map((balance) => {
    const bySource = Object.fromEntries(
      FINANCING_SOURCES.map((source) => {
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
  const totalBySource = sumBySource(base);
  return {
    period: period.name,
    asOf: period.end,
    rows: base.map((row) => ({ ...row, sourceShares: sourceShares(row.bySource, row.total), shareOfTotal: shareText(row.total, total) })),
    total: {
      row: "total",
      name: "all recorded balances",
      total,
      bySource: totalBySource,
      sourceShares: sourceShares(totalBySource, total),
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

export interface OutcomeRow extends SourceRow {
  /** Costs whose financing source the facts name; the rest is `unattributed`. */
  readonly withSource: FactSum;
  readonly unattributed: FactSum;
}

export interface OutcomeBySourceResult {
  readonly period: string;
  readonly rows: readonly OutcomeRow[];
  readonly total: OutcomeRow;
  /** (staten + övriga) ÷ all costs: the external financing share. */
  readonly externalShare: string | null;
}

const outcomeRowOf = (row: string, name: string, lines: readonly LedgerLine[]): Omit<OutcomeRow, "shareOfTotal"> => {
  const total = combineFacts(lines.map((line) => ({ sum: line.outcome })));
  const bySource = Object.fromEntries(FINANCING_SOURCES.map((source) => [source, combineFacts(lines.map((line) => ({ sum: line.outcomeBySource[source] ?? emptyFactSum() })))]));
  const withSource = combineFacts(FINANCING_SOURCES.map((source) => ({ sum: bySource[source] ?? emptyFactSum() })));
  return { row, name, total, bySource, sourceShares: sourceShares(bySource, total), withSource, unattributed: combineFacts(lines.map((line) => ({ sum: line.outcomeBySource.unknown ?? emptyFactSum() }))) };
};

const outcomeBySourceOf = (state: LedgerState, period: Period): OutcomeBySourceResult => {
  // A line with no costs in the period (an earmarked fund, say) is no row of a cost table.
  const areaLines = Object.entries(state.lines).filter(([, line]) => line.line === "area" && (line.outcome.exact !== null || line.outcome.unknown));
  const total = outcomeRowOf("areas", "all areas", areaLines.map(([, line]) => line));
  const external = combineFacts([{ sum: total.bySource.staten ?? emptyFactSum() }, { sum: total.bySource.ovriga ?? emptyFactSum() }]);
  return {
    period: period.name,
    rows: areaLines.map(([key, line]) => {
      const row = outcomeRowOf(key, areaName(state, line.areaId, period), [line]);
      return { ...row, shareOfTotal: shareText(row.total, total.total) };
    }),
    total: { ...total, shareOfTotal: shareText(total.total, total.total) },
    externalShare: shareText(external, total.total),
  };
};

/** Tabell 3a/3b: costs of the period per area split by financing source, in kr and as shares. */
export const outcomeBySourceProjection = defineView<LedgerState, OutcomeBySourceResult>(ledgerFold, {
  name: "outcome-by-source",
  description:
    "Costs (utfall) of the period per area and financing source (Tabell 3a, 3b), in kr and as shares, with the part of each area's costs whose source the facts do not name, and the external financing share.",
  result: (state, { period }) => outcomeBySourceOf(state, period),
});
