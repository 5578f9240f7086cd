import { Decimal } from "../../numbers/decimal.js";
import { defineFigure } from "../../reconciliation/figure-source.js";
import { disagree } from "./balances.js";
import { ROW } from "./budget-figures.js";
import { combineFacts, emptyFactSum, factValue, type FactSum } from "./fact-sum.js";
import { alternativeShare, figureOf, largestRemainderPercents, shareFigure, shareWithUnattributed } from "./figure-helpers.js";
import { financialResultProjection, stateGrantsProjection } from "./result-tables.js";
import { fundsBySourceProjection, outcomeBySourceProjection, type FundsBySourceResult, type OutcomeBySourceResult, type OutcomeRow } from "./source-tables.js";

/** Figures of Tabell 2a/2b, 3a/3b, the financial result and the state grants. */
const SOURCE = { source: "kommunerna, staten or ovriga" };

const balanceRow = (result: FundsBySourceResult, areas: string | undefined) =>
  areas === undefined || areas === "total" ? result.total : result.rows.find((row) => row.row === [...areas.split("+")].sort().join("+"));

const AREAS = { areas: 'the areas of one recorded balance joined by "+", or "total"' };

export const fundsFigures = [
  defineFigure(fundsBySourceProjection, {
    key: "finance.balance",
    description: "Funds at the period's end as the accounting system recorded them (Tabell 2a), in total or from one source.",
    params: { ...AREAS, ...SOURCE },
    unit: "kr",
    example: { areas: "fourum-svhs+forstarkt-samverkan", source: "kommunerna" },
    compute: (result, params) => {
      const row = balanceRow(result, params.areas);
      if (row === undefined) return undefined;
      const tally = params.source === undefined ? row.total : row.bySource[params.source] ?? emptyFactSum();
      const flows: FactSum | undefined = params.source === undefined ? result.rows.find((each) => each === row)?.fromFlows : undefined;
      const conflict =
        flows !== undefined && disagree(tally, flows)
          ? { conflicts: [{ exact: new Decimal(flows.exact ?? "0"), evidence: flows.evidence, cause: "ingående + erhållna − utfall of the same areas (Tabell 1) leave a different amount" }] }
          : {};
      return figureOf(tally, `recorded balance ${params.source ?? "total"}`, { ...conflict, ...(params.source === undefined ? { parts: Object.values(row.bySource).flatMap((part) => factValue(part) ?? []) } : {}) });
    },
  }),
  defineFigure(fundsBySourceProjection, {
    key: "finance.balance-earmarked",
    description: "Earmarked state money in the funds at the period's end (Tabell 2a, Därav fonderade statliga medel).",
    params: AREAS,
    unit: "kr",
    example: { areas: "fourum-svhs+forstarkt-samverkan" },
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
    compute: (result, params) => {
            const row = balanceRow(result, params.areas);
      if (row === undefined) return undefined;
      if (params.source === undefined) return shareFigure(row.total, result.total.total, "row balance ÷ total balance");
      const part = row.bySource[params.source] ?? emptyFactSum();
      const sources = Object.entries(row.bySource).filter(([, tally]) => factValue(tally) !== undefined);
      const forced = largestRemainderPercents(sources.map(([, tally]) => factValue(tally) ?? new Decimal(0)));
      const index = sources.findIndex(([source]) => source === params.source);
      const forcedShare = forced[index];
      const alternatives = forcedShare === undefined ? [] : [{ exact: forcedShare.dividedBy(100), cause: "the row's shares forced to sum to 100 % (largest remainder), not each rounded on its own" }];
      return shareFigure(part, row.total, `${params.source} ÷ row balance`, { alternatives });
    },
  }),
];

const outcomeRowFor = (result: OutcomeBySourceResult, row: string | undefined): OutcomeRow | undefined =>
  row === undefined || row === "areas" || row === "total" ? result.total : result.rows.find((each) => each.row === row);

const KNOWN_BASE = "share of the costs with a known financing source only";

export const outcomeFigures = [
  defineFigure(outcomeBySourceProjection, {
    key: "finance.outcome-by-source",
    description: "Costs of the period financed by one source (Tabell 3a), per area or in total.",
    params: { row: 'an area id or "areas"', ...SOURCE },
    unit: "kr",
    example: { row: "fourum-svhs", source: "kommunerna" },
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      return row === undefined || params.source === undefined ? undefined : figureOf(row.bySource[params.source] ?? emptyFactSum(), `costs financed by ${params.source}`);
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.outcome-share",
    description: "An area's share of all costs of the period (Tabell 3b, first column).",
    params: { row: 'an area id or "areas"' },
    unit: "percent",
    example: { row: "fourum-svhs" },
    compute: (result, params) => {
            const row = outcomeRowFor(result, params.row);
      if (row === undefined) return undefined;
      return shareFigure(row.total, result.total.total, "area costs ÷ all costs", { alternatives: alternativeShare(row.withSource, result.total.withSource, KNOWN_BASE) });
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.source-share",
    description: "The share of an area's costs (or of all costs) financed by one source (Tabell 3b).",
    params: { row: 'an area id or "areas"', ...SOURCE },
    unit: "percent",
    example: { row: "fourum-svhs", source: "kommunerna" },
    compute: (result, params) => {
      const row = outcomeRowFor(result, params.row);
      if (row === undefined || params.source === undefined) return undefined;
      const part = row.bySource[params.source] ?? emptyFactSum();
      return shareWithUnattributed(part, row.unattributed, row.total, `${params.source} ÷ costs`, { alternatives: alternativeShare(part, row.withSource, KNOWN_BASE) });
    },
  }),
  defineFigure(outcomeBySourceProjection, {
    key: "finance.external-share",
    description: "Andelen extern finansiering: costs financed by the state and others ÷ all costs of the period.",
    params: {},
    unit: "percent",
    example: {},
    compute: (result) => {
      const total = result.total;
      const external = combineFacts([{ sum: total.bySource.staten ?? emptyFactSum() }, { sum: total.bySource.ovriga ?? emptyFactSum() }]);
      return shareWithUnattributed(external, total.unattributed, total.total, "(staten + övriga) ÷ all costs", { alternatives: alternativeShare(external, total.withSource, KNOWN_BASE) });
    },
  }),
];

export const resultFigures = [
  defineFigure(financialResultProjection, {
    key: "finance.financial-result",
    description: "The organisation's financial result for the period (received − costs of the lines whose money does not carry over).",
    params: {},
    unit: "kr",
    example: {},
    compute: (result) => {
            const counted = result.rows.filter((row) => row.inFinancialResult);
      const derivation = `received − costs of ${counted.map((row) => row.name).join(", ")}`;
      return figureOf(result.financialResult, derivation, { parts: counted.map((row) => factValue(row.result)).flatMap((value) => (value === undefined ? [] : [value])) });
    },
  }),
  defineFigure(financialResultProjection, {
    key: "finance.area-result",
    description: "One line's result for the period: received − costs.",
    params: ROW,
    unit: "kr",
    example: { row: "kurs-och-konferens" },
    compute: (result, params) => {
      const row = result.rows.find((each) => each.row === params.row);
      return row === undefined ? undefined : figureOf(row.result, `received − costs of ${row.name}`);
    },
  }),
  defineFigure(stateGrantsProjection, {
    key: "finance.state-grants-requisitioned",
    description: "State money requisitioned in the year the period ends in, in total or for one programme.",
    params: { programme: "one programme (as recorded), or absent for the total" },
    unit: "kr",
    example: { programme: "God och nära vård" },
    compute: (result, params) => {
            const entries = result.requisitioned.filter((entry) => params.programme === undefined || entry.programme === params.programme);
      if (entries.length === 0) return undefined;
      const tally = params.programme === undefined ? result.requisitionedTotal : combineFacts(entries.map((entry) => ({ sum: entry.amount })));
      return figureOf(tally, `requisitioned in ${result.year}: ${entries.map((entry) => entry.programme).join(", ")}`, { parts: entries.map((entry) => factValue(entry.amount) ?? new Decimal(0)) });
    },
  }),
  defineFigure(stateGrantsProjection, {
    key: "finance.state-grant-allocated",
    description: "State money allocated to a programme for the year the period ends in.",
    params: { programme: "the programme" },
    unit: "kr",
    example: { programme: "God och nära vård" },
    compute: (result, params) => {
      const entries = result.allocated.filter((entry) => entry.programme === params.programme);
      return entries.length === 0 ? undefined : figureOf(combineFacts(entries.map((entry) => ({ sum: entry.amount }))), `allocated to ${params.programme ?? "?"}`);
    },
  }),
];

