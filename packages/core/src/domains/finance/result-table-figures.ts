import { Decimal } from "../../numbers/decimal.js";
import { defineFigure } from "../../reconciliation/figure-source.js";
import { ROW } from "./budget-follow-up-figures.js";
import { combineFacts, factValue } from "./fact-sum.js";
import { figureOf } from "./fact-sum-figures.js";
import { financialResultProjection, stateGrantsProjection } from "./result-tables.js";

/** Figures of the financial result and the state grants. */
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
] as const;

/** The financial result, an area's result, and the state money requisitioned and allocated. */
export const [financeFinancialResult, financeAreaResult, financeStateGrantsRequisitioned, financeStateGrantAllocated] = resultFigures;
