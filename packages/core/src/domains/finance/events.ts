import * as t from "io-ts";
import { DecimalString, Id, IsoDateC, NonEmptyString, NonNegativeDecimal, PositiveInteger, listOf, oneOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

export const FINANCING_SOURCES = ["kommunerna", "staten", "ovriga"] as const;
/** Who the money comes from, as the money tables split it: the municipalities, the state, others. */
export const FinancingSource = oneOf("FinancingSource", FINANCING_SOURCES);
export type FinancingSource = t.TypeOf<typeof FinancingSource>;

/**
 * How exactly an amount is known: "1000" when a document gives it in tkr, "100000" for one
 * decimal of millions. Absent means exact to the krona. The audit allows half of it either way.
 */
const knownTo = { knownTo: NonNegativeDecimal };

/** The accounting period a total covers; the event's effective date is its last day. */
const span = { from: IsoDateC, to: IsoDateC };

export const OpeningBalanceRecorded = defineEvent({
  type: "finance.opening-balance-recorded",
  description:
    "Funds carried into a year (ingående medel) for an area, as the balance on the given date. Without an area it is the organisation's surplus from earlier years (överskott från tidigare år).",
  data: strictObject("OpeningBalanceRecorded", { asOf: IsoDateC, amount: DecimalString }, { areaId: Id, line: oneOf("OpeningLine", ["area", "internal-charge"]), ...knownTo }),
});

export const FundsReceived = defineEvent({
  type: "finance.funds-received",
  description: "Money an area received during an accounting period (erhållna medel), from a financing source when the books say which, earmarked or not.",
  data: strictObject("FundsReceived", { areaId: Id, ...span, amount: DecimalString }, { source: FinancingSource, earmarked: t.boolean, ...knownTo, note: NonEmptyString }),
});

/**
 * Who finances a cost: one of the external financiers, or "internal", the organisation's other
 * areas (a management area's costs that the membership fee does not cover, say). Internally
 * financed costs are the area's costs all the same, but a table of financing by financier leaves
 * them out, or the money would be counted twice: once here and once in the paying areas' costs.
 */
export const COST_FINANCING = [...FINANCING_SOURCES, "internal"] as const;
export const CostFinancing = oneOf("CostFinancing", COST_FINANCING);
export type CostFinancing = t.TypeOf<typeof CostFinancing>;

const CostLine = oneOf("CostLine", ["area", "internal-charge"]);

const CostBookedV1 = strictObject("CostBooked", { areaId: Id, ...span, amount: DecimalString }, { source: FinancingSource, line: CostLine, ...knownTo, note: NonEmptyString });

export const CostBooked = defineEvent({
  type: "finance.cost-booked",
  description:
    "Costs an area booked during an accounting period (utfall), financed by one source when the books say which; without a source, the source is not given. Version 2 adds the source `internal`: costs the organisation's other areas finance, which a financing table leaves out. A cost on the internal-charge line is the management row's own adjustment.",
  data: strictObject("CostBooked", { areaId: Id, ...span, amount: DecimalString }, { source: CostFinancing, line: CostLine, ...knownTo, note: NonEmptyString }),
  // Every version 1 cost is a version 2 cost as it stands: a named source stays that source, and no source still means "not given".
  older: [{ version: 1, data: CostBookedV1, upcast: (data: t.TypeOf<typeof CostBookedV1>) => data }],
});

export const InternalChargeBooked = defineEvent({
  type: "finance.internal-charge-booked",
  description:
    "The part of an area's received money that other areas paid it (Härav ledning och stab finansierat från områdena ovan); it is taken out of the totals so the money is not counted twice.",
  data: strictObject("InternalChargeBooked", { areaId: Id, ...span, amount: NonNegativeDecimal }, { ...knownTo, note: NonEmptyString }),
});

export const BudgetAdopted = defineEvent({
  type: "finance.budget-adopted",
  description: "The spending budget (budget förbrukning) adopted for an area and a calendar year; on the internal-charge line, the budgeted charge to the other areas.",
  data: strictObject("BudgetAdopted", { areaId: Id, year: PositiveInteger, amount: DecimalString }, { line: oneOf("BudgetLine", ["area", "internal-charge"]), ...knownTo }),
});

export const ForecastMade = defineEvent({
  type: "finance.forecast-made",
  description: "A forecast of an area's remaining funds at a horizon date (prognos kvarvarande medel), made on the effective date.",
  data: strictObject("ForecastMade", { areaId: Id, horizon: IsoDateC, amount: DecimalString }, knownTo),
});

export const BalanceRecorded = defineEvent({
  type: "finance.balance-recorded",
  description:
    "The accounting system's balance of funds at a date for one area or a group of areas reported together, split by financing source and/or giving the earmarked state money in it (Tabell 2a).",
  data: strictObject(
    "BalanceRecorded",
    { areaIds: listOf(Id, 1), asOf: IsoDateC },
    { bySource: recordOf(DecimalString), earmarkedState: DecimalString, ...knownTo },
  ),
});

export const StateGrantRequisitioned = defineEvent({
  type: "finance.state-grant-requisitioned",
  description: "State money requisitioned (rekvirerade statliga medel) for an area and programme in a year.",
  data: strictObject("StateGrantRequisitioned", { areaId: Id, programme: NonEmptyString, year: PositiveInteger, amount: NonNegativeDecimal }, knownTo),
});

export const StateGrantAllocated = defineEvent({
  type: "finance.state-grant-allocated",
  description: "State money set aside for a programme (avsatta stimulansmedel) for one year of a programme period.",
  data: strictObject(
    "StateGrantAllocated",
    { programme: NonEmptyString, year: PositiveInteger, amount: NonNegativeDecimal },
    { programmeFrom: IsoDateC, programmeTo: IsoDateC, areaId: Id, ...knownTo },
  ),
});

export const financeEvents = [
  OpeningBalanceRecorded,
  FundsReceived,
  CostBooked,
  InternalChargeBooked,
  BudgetAdopted,
  ForecastMade,
  BalanceRecorded,
  StateGrantRequisitioned,
  StateGrantAllocated,
] as const;
