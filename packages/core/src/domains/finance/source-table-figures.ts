import { Decimal } from "../../numbers/decimal.js";
import { defineFigure } from "../../reconciliation/figure-source.js";
import { disagree } from "./balances.js";
import { combineFacts, emptyFactSum, factValue, type FactSum } from "./fact-sum.js";
import { alternativeShare, figureOf, largestRemainderPercents, shareFigure, shareWithUnattributed } from "./fact-sum-figures.js";
import { fundsBySourceProjection, outcomeBySourceProjection, type FundsBySourceResult, type OutcomeBySourceResult, type OutcomeRow } from "./source-tables.js";

/** Figures of Tabell 2a/2b (funds by source) and 3a/3b (costs by source). */
const SOURCE = { source: "a financing source's id: built in (kommunerna, staten, ovriga) or defined by finance.funding-source-defined" };

const balanceRow = (result: FundsBySourceResult, areas: string | undefined) =>
  areas === undefined || areas === "total" ? result.total : result.rows.find((row) => row.row === [...areas.split("+")].sort().join("+"));

const AREAS = { areas: 'the areas of one recorded balance joined by "+" (in any order), or "total"' };

/** A recorded balance's areas in one order, as its row is named. */
const sortedAreas = <P extends { readonly areas?: string }>(params: P): P => (params.areas === undefined ? params : { ...params, areas: params.areas.split("+").sort().join("+") });

export const fundsFigures = [
  defineFigure(fundsBySourceProjection, {
    key: "finance.balance",
    description: "Funds at the period's end as the accounting system recorded them (Tabell 2a), in total or from one source.",
    params: { ...AREAS, ...SOURCE },
    unit: "kr",
    example: { areas: "fourum-svhs+forstarkt-samverkan", source: "kommunerna" },
    canonical: sortedAreas,
    footing: [{ over: "areas", total: "total" }],
    compute: (result, params) => {
      const row = balanceRow(result, params.areas);
      return row === undefined ? undefined : figureOf(params.source === undefined ? row.total : row.bySource[params.source] ?? emptyFactSum(), `recorded balance ${params.source ?? "total"}`);
    },
    detail: (result, params) => {
      const row = balanceRow(result, params.areas);
      if (row === undefined || params.source !== undefined) return {};
      const flows = result.rows.find((each) => each === row)?.fromFlows;
      const conflict =
        flows !== undefined && disagree(row.total, flows)
          ? { conflicts: [{ exact: new Decimal(flows.exact ?? "0"), evidence: flows.evidence, cause: "ingående + erhållna − utfall of the same areas (Tabell 1) leave a different amount" }] }
          : {};
      return { ...conflict, parts: Object.values(row.bySource).flatMap((part) => factValue(part) ?? []) };
    },
  }),
  defineFigure(fundsBySourceProjection, {
    key: "finance.balance-earmarked",
    description: "Earmarked state money in the funds at the period's end (Tabell 2a, Därav fonderade statliga medel).",
    params: AREAS,
    unit: "kr",
    example: { areas: "fourum-svhs+forstarkt-samverkan" },
    canonical: sortedAreas,
    footing: [{ over: "areas", total: "total" }],
    compute: (result, params) => {
      const row = balanceRow(result, params.areas);
      return row === undefined ? undefined : figureOf(row.earmarkedState, "recorded earmarked state money");
    },
  }),
  defineFigure(fundsBySourceProjection, {
    key: "finance.balance-share",
    description: "Share of the funds at the period's end (Tabell 2b): of a row by source, or of a row in the total.",
    params: { ...AREAS, ...SOURCE },
    unit: "percent",
    example: { areas: "fourum-svhs+forstarkt-samverkan", source: "staten" },
    canonical: sortedAreas,
    footing: [{ over: "areas", total: "total", alone: true }],
    compute: (result, params) => {
      const row = balanceRow(result, params.areas);
      if (row === undefined) return undefined;
      if (params.source === undefined) return shareFigure(row.total, result.total.total, "row balance ÷ total balance");
      return shareFigure(row.bySource[params.source] ?? emptyFactSum(), row.total, `${params.source} ÷ row balance`);
    },
    detail: (result, params) => {
      const row = balanceRow(result, params.areas);
      if (row === undefined || params.source === undefined) return {};
      const sources = Object.entries(row.bySource).filter(([, tally]) => factValue(tally) !== undefined);
      const forced = largestRemainderPercents(sources.map(([, tally]) => factValue(tally) ?? new Decimal(0)));
      const forcedShare = forced[sources.findIndex(([source]) => source === params.source)];
      return { alternatives: forcedShare === undefined ? [] : [{ exact: forcedShare.dividedBy(100), cause: "the row's shares forced to sum to 100 % (largest remainder), not each rounded on its own" }] };
    },
  }),
] as const;

/** Tabell 2a and 2b. */
export const [financeBalance, financeBalanceEarmarked, financeBalanceShare] = fundsFigures;

const outcomeRowFor = (result: OutcomeBySourceResult, row: string | undefined, rows: readonly OutcomeRow[] = result.rows): OutcomeRow | undefined =>
  row === undefined || row === "areas" || row === "total" ? result.total : rows.find((each) => each.row === row);

const KNOWN_BASE = "share of the costs with a known financing source only";
const FINANCED_BASE = "share of the costs financed from outside, those without a known financing source included";
const ALL_COSTS_BASE = "share of all booked costs, those the other areas finance included";

/** A tally's value when it is there and not zero: a part worth naming. */
const nonZero = (sum: FactSum): Decimal | undefined => {
  const value = factValue(sum);
  return value === undefined || value.isZero() ? undefined : value;
};

const figureAlternative = (sum: FactSum, cause: string): { exact: Decimal; cause: string }[] => {
  const value = factValue(sum);
  return value === undefined ? [] : [{ exact: value, cause }];
};

/** The other readings of a financed-cost figure, each only when it gives another amount. */
const financedAlternatives = (row: OutcomeRow): { exact: Decimal; cause: string }[] => {
  const internal = nonZero(row.internal);
  const unattributed = nonZero(row.unattributed);
  return [
    ...(internal === undefined ? [] : figureAlternative(row.total, `all the costs booked (utfall), the ${internal.toFixed()} kr the other areas finance counted as well`)),
    ...(unattributed === undefined ? [] : figureAlternative(row.withSource, `only the costs with a known financing source; ${unattributed.toFixed()} kr have no source in the facts`)),
  ];
};

/** The share on the base of all booked costs, as an alternative only where the other areas finance part of `within`'s costs. */
const allCostsShare = (part: FactSum, within: OutcomeRow, whole: FactSum): { exact: Decimal; cause: string }[] =>
  nonZero(within.internal) === undefined ? [] : alternativeShare(part, whole, ALL_COSTS_BASE);

const externalSources = (result: OutcomeBySourceResult) => result.sources.filter((source) => source.external);

/** The costs the external sources finance, all rows together. */
const externalCosts = (result: OutcomeBySourceResult): FactSum => combineFacts(externalSources(result).map((source) => ({ sum: result.total.bySource[source.id] ?? emptyFactSum() })));

/*
 * The financing table's first column ("Utfall per verksamhetsområde") is its own figure, not
 * `finance.outcome` with a parameter: it is a view of another projection, its rows are other
 * rows (no internal-charge line, no area without costs financed from outside) and it is another
 * quantity (costs less what the other areas finance). A parameter would let one key mean two
 * sums that foot over different rows, and a stated figure keyed `finance.outcome` would still be
 * compared with Tabell 1's utfall whichever table it came from.
 */
export const outcomeFigures = [
  defineFigure(outcomeBySourceProjection, {
    key: "finance.outcome-by-source",
    description: "Costs of the period financed by one source (Tabell 3a), per area or in total.",
    params: { row: 'an area id or "areas"', ...SOURCE },
    unit: "kr",
    example: { row: "fourum-svhs", source: "kommunerna" },
    footing: [{ over: "row", total: "areas" }],
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      return row === undefined || params.source === undefined ? undefined : figureOf(row.bySource[params.source] ?? emptyFactSum(), `costs financed by ${params.source}`);
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.outcome-financed",
    description:
      "Costs of the period as the financing table counts them (Tabell 3a, Utfall per verksamhetsområde), per area or in total: the costs booked less those the organisation's other areas finance, which are in the paying areas' costs already; costs with no source given are included.",
    params: { row: 'an area id or "areas"' },
    unit: "kr",
    example: { row: "ledning-och-stab" },
    footing: [{ over: "row", total: "areas" }],
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      if (row === undefined) return undefined;
      const internal = nonZero(row.internal);
      const derivation = internal === undefined ? "costs booked, all financed from outside" : `costs booked less the ${internal.toFixed()} kr the other areas finance`;
      return figureOf(row.financed, derivation);
    },
    detail: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      return row === undefined ? {} : { alternatives: financedAlternatives(row) };
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.outcome-internal",
    description: "Costs of the period the organisation's other areas finance (internal financing), per area or in total: left out of the financing table (Tabell 3a) so they are not counted twice.",
    params: { row: 'an area id or "areas"' },
    unit: "kr",
    example: { row: "ledning-och-stab" },
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row, result.internallyFinanced);
      return row === undefined ? undefined : figureOf(row.internal, "costs financed by the organisation's other areas");
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.outcome-share",
    description: "An area's share of the costs the financing table counts (Tabell 3b, first column): of the costs financed from outside, those the other areas finance left out.",
    params: { row: 'an area id or "areas"' },
    unit: "percent",
    example: { row: "fourum-svhs" },
    footing: [{ over: "row", total: "areas" }],
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      if (row === undefined) return undefined;
      return shareFigure(row.financed, result.total.financed, "area's financed costs ÷ all financed costs");
    },
    detail: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      return row === undefined ? {} : { alternatives: [...alternativeShare(row.withSource, result.total.withSource, KNOWN_BASE), ...allCostsShare(row.total, result.total, result.total.total)] };
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.source-share",
    description:
      "The share of an area's costs (or of all costs) financed by one source, of the costs whose financing source is known (Tabell 3b, as the organisation prints it); the costs with no known source are left out of the base and shown beside the table, the costs the other areas finance are no part of it. The share of all costs financed from outside is the audit's alternative.",
    params: { row: 'an area id or "areas"', ...SOURCE },
    unit: "percent",
    example: { row: "fourum-svhs", source: "kommunerna" },
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      if (row === undefined || params.source === undefined) return undefined;
      return shareFigure(row.bySource[params.source] ?? emptyFactSum(), row.withSource, `${params.source} ÷ costs with a known financing source`);
    },
    detail: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      if (row === undefined || params.source === undefined) return {};
      const part = row.bySource[params.source] ?? emptyFactSum();
      return { alternatives: [...alternativeShare(part, row.financed, FINANCED_BASE), ...allCostsShare(part, row, row.total)] };
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.external-share",
    description:
      "Andelen extern finansiering: costs financed by the external sources (the built-in staten and ovriga, and the defined sources marked external) ÷ the costs financed from outside (those the organisation's other areas finance left out, as in the financing table). Where some costs have no source given, the share lies in a range and the figure is its middle.",
    params: {},
    unit: "percent",
    example: {},
    compute: (result) => {
      const total = result.total;
      const sources = externalSources(result);
      // Costs with no source given could be any financier's, so they still need the range; internally financed costs are simply not in the base.
      return shareWithUnattributed(externalCosts(result), total.unattributed, total.financed, `(${sources.map((source) => source.name).join(" + ")}) ÷ costs financed from outside`);
    },
    detail: (result) => {
      const { total } = result;
      const external = externalCosts(result);
      return { alternatives: [...alternativeShare(external, total.withSource, KNOWN_BASE), ...allCostsShare(external, total, total.total)] };
    },
  }),
] as const;

/**
 * Tabell 3b's first column on the basis the organisation printed it (and reprinted it on its
 * tertial 2 slides): shares of the costs whose financing source is known. The source columns on
 * that basis are `finance.source-share` itself.
 */
export const knownBasisOutcomeFigures = [
  defineFigure(outcomeBySourceProjection, {
    key: "finance.outcome-share-known",
    description: "An area's share of the costs with a known financing source, the column forced to sum to 100 % by largest remainder (Tabell 3b as printed, first column).",
    params: { row: 'an area id or "areas"' },
    unit: "percent",
    example: { row: "fourum-svhs" },
    footing: [{ over: "row", total: "areas" }],
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      if (row === undefined) return undefined;
      const plain = shareFigure(row.withSource, result.total.withSource, `area costs ÷ all costs, ${KNOWN_BASE}`);
      if (plain === undefined || row === result.total) return plain;
      // Printed whole percents that add up to the 100 % of the Summa row, as the slides print them.
      const forced = largestRemainderPercents(result.rows.map((each) => factValue(each.withSource) ?? new Decimal(0)))[result.rows.indexOf(row)];
      if (forced === undefined) return plain;
      return { ...plain, exact: forced.dividedBy(100), derivation: `${plain.derivation}, the column's whole percents forced to sum to 100 (largest remainder)`, alternatives: [{ exact: plain.exact, cause: "each area's share rounded on its own, not forced to sum to 100 %" }] };
    },
  }),
] as const;

export const [financeOutcomeShareKnown] = knownBasisOutcomeFigures;

/** Tabell 3a and 3b (the costs the other areas finance apart), and the external financing share. */
export const [financeOutcomeBySource, financeOutcomeFinanced, financeOutcomeInternal, financeOutcomeShare, financeSourceShare, financeExternalShare] = outcomeFigures;
