import { Decimal } from "../../numbers/decimal.js";
import { defineView } from "../../projection/projection.js";
import type { Period } from "../../time/period.js";
import { nameOn } from "../reference/directory.js";
import { ledgerFold, yearOf, type LedgerLine, type LedgerState, type StateGrantEntry } from "./ledger.js";
import { addFact, combineFacts, emptyFactSum, type FactSum } from "./fact-sum.js";

/**
 * Areas whose money does not carry over between years: their received − costs is the
 * organisation's result. Partnerships and earmarked funds keep their remaining funds.
 */
export const RESULT_AREA_KINDS: readonly string[] = ["operation", "management"];

export interface AreaResultRow {
  readonly row: string;
  readonly name: string;
  readonly received: FactSum;
  readonly outcome: FactSum;
  /** received − outcome for the period. */
  readonly result: FactSum;
  /** Whether this line counts in the organisation's financial result. */
  readonly inFinancialResult: boolean;
}

export interface FinancialResultResult {
  readonly period: string;
  readonly rows: readonly AreaResultRow[];
  readonly financialResult: FactSum;
}

const resultRowOf = (state: LedgerState, key: string, line: LedgerLine, period: Period): AreaResultRow => {
  const area = state.directory.areas[line.areaId];
  const name = area === undefined ? line.areaId : nameOn(area, period.end);
  return {
    row: key,
    name: line.line === "area" ? name : `${name} (internal charge)`,
    received: line.received,
    outcome: line.outcome,
    result: combineFacts([{ sum: line.received }, { sum: line.outcome, sign: -1 }]),
    inFinancialResult: RESULT_AREA_KINDS.includes(area?.kind ?? ""),
  };
};

/** The organisation's financial result and each line's result (received − costs) for a period. */
export const financialResultProjection = defineView<LedgerState, FinancialResultResult>(ledgerFold, {
  name: "financial-result",
  description:
    "The organisation's financial result for the period: received − costs summed over the lines whose money does not carry over between years (areas of kind operation or management, with their internal-charge lines); and each line's own result.",
  result: (state, { period }) => {
    const rows = Object.entries(state.lines).map(([key, line]) => resultRowOf(state, key, line, period));
    const counted = rows.filter((row) => row.inFinancialResult);
    return { period: period.name, rows, financialResult: counted.length === 0 ? emptyFactSum() : combineFacts(counted.map((row) => ({ sum: row.result }))) };
  },
});

export interface StateGrantsResult {
  readonly year: number;
  readonly requisitioned: readonly { readonly areaId: string | null; readonly programme: string; readonly amount: FactSum }[];
  readonly requisitionedTotal: FactSum;
  readonly allocated: readonly { readonly programme: string; readonly amount: FactSum }[];
}

const entryTally = (entry: StateGrantEntry): FactSum => addFact(emptyFactSum(), new Decimal(entry.amount), entry.knownTo, { id: entry.eventId, marked: entry.marked === true });

/** State grants requisitioned and allocated in the year the period ends in. */
export const stateGrantsProjection = defineView<LedgerState, StateGrantsResult>(ledgerFold, {
  name: "state-grants",
  description: "State money requisitioned (per area and programme, and in total) and allocated per programme, in the calendar year the period ends in.",
  result: (state, { period }) => {
    const requisitioned = state.requisitioned.map((entry) => ({ areaId: entry.areaId ?? null, programme: entry.programme, amount: entryTally(entry) }));
    return {
      year: yearOf(period),
      requisitioned,
      requisitionedTotal: requisitioned.length === 0 ? emptyFactSum() : combineFacts(requisitioned.map((entry) => ({ sum: entry.amount }))),
      allocated: state.allocated.map((entry) => ({ programme: entry.programme, amount: entryTally(entry) })),
    };
  },
});
