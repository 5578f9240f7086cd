import * as t from "io-ts";
import { DecimalString, Id, IsoDateC, NonEmptyString, NonNegativeDecimal, PositiveInteger, listOf, oneOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";

/** The financing sources every log knows without defining them, in the order the money tables print them. */
export const FINANCING_SOURCES = ["kommunerna", "staten", "ovriga"] as const;
/** One of the built-in sources only: the municipalities, the state, others (the plan's closed vocabulary). */
export const FinancingSource = oneOf("FinancingSource", FINANCING_SOURCES);
export type FinancingSource = t.TypeOf<typeof FinancingSource>;

/**
 * Who the money comes from, as a fact names it: a built-in source, or one the log defines with
 * `finance.funding-source-defined`. The codec takes any id; the finance rule refuses an id that
 * is neither, since only the log so far knows which ids are defined.
 */
export const FundingSourceId = Id;

export const FundingSourceDefined = defineEvent({
  type: "finance.funding-source-defined",
  description:
    "A financing source of the organisation's own (a region, fees, a foundation), beside the built-in `kommunerna`, `staten` and `ovriga`; from then on funds, costs and balances may name `sourceId`. `name` is the source as a sentence names it, in lower case (\"regionen\"): footnotes list it and the charts print it capitalised; `label` heads its column in the money tables (\"Tillförda medel regionen\"). `external: true` counts its money in the external financing share (`finance.external-share`), as the built-in `staten` and `ovriga` are counted and `kommunerna`, the members' own money, is not; absent, it is not counted. The tables print the built-in sources first, then the defined ones in the order they were defined. A source is defined once; supersede the definition to rename it.",
  data: strictObject("FundingSourceDefined", { sourceId: FundingSourceId, name: NonEmptyString, label: NonEmptyString }, { external: t.boolean }),
});

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
    "Funds carried into a year (ingående medel) for an area, as the balance on the given date. Without an area it is the organisation's surplus from earlier years (överskott från tidigare år), which is never carried from one year to the next. For an area it may be left out: a year starting on 1 January with none recorded opens with what the year before's books leave the area (its kvarvarande at 31 December); one recorded always wins, and the audit reports it when it differs from those books.",
  data: strictObject("OpeningBalanceRecorded", { asOf: IsoDateC, amount: DecimalString }, { areaId: Id, line: oneOf("OpeningLine", ["area", "internal-charge"]), ...knownTo }),
});

const FundsReceivedV1 = strictObject("FundsReceived", { areaId: Id, ...span, amount: DecimalString }, { source: FinancingSource, earmarked: t.boolean, ...knownTo, note: NonEmptyString });

export const FundsReceived = defineEvent({
  type: "finance.funds-received",
  description:
    "Money an area received during an accounting period (erhållna medel), from a financing source when the books say which, earmarked or not. Version 2 takes a source the log defines (`finance.funding-source-defined`) as well as the built-in ones.",
  data: strictObject("FundsReceived", { areaId: Id, ...span, amount: DecimalString }, { source: FundingSourceId, earmarked: t.boolean, ...knownTo, note: NonEmptyString }),
  // A version 1 source is a built-in one, which version 2 still knows by the same id.
  older: [{ version: 1, data: FundsReceivedV1, upcast: unchanged }],
});

/**
 * Who finances a cost (version 2 of a cost): one of the built-in financiers, or "internal", the organisation's other
 * areas (a management area's costs that the membership fee does not cover, say). Internally
 * financed costs are the area's costs all the same, but a table of financing by financier leaves
 * them out, or the money would be counted twice: once here and once in the paying areas' costs.
 */
export const COST_FINANCING = [...FINANCING_SOURCES, "internal"] as const;
export const CostFinancing = oneOf("CostFinancing", COST_FINANCING);
export type CostFinancing = t.TypeOf<typeof CostFinancing>;

const CostLine = oneOf("CostLine", ["area", "internal-charge"]);

/** Who finances a cost from version 3 on: a financing source (built in or defined), or "internal". */
export const INTERNAL_FINANCING = "internal";

const CostBookedV1 = strictObject("CostBooked", { areaId: Id, ...span, amount: DecimalString }, { source: FinancingSource, line: CostLine, ...knownTo, note: NonEmptyString });
const CostBookedV2 = strictObject("CostBooked", { areaId: Id, ...span, amount: DecimalString }, { source: CostFinancing, line: CostLine, ...knownTo, note: NonEmptyString });

export const CostBooked = defineEvent({
  type: "finance.cost-booked",
  description:
    "Costs an area booked during an accounting period (utfall), financed by one source when the books say which; without a source, the source is not given. Version 2 adds the source `internal`: costs the organisation's other areas finance, which a financing table leaves out. Version 3 takes a source the log defines (`finance.funding-source-defined`) as well. A cost on the internal-charge line is the management row's own adjustment.",
  data: strictObject("CostBooked", { areaId: Id, ...span, amount: DecimalString }, { source: FundingSourceId, line: CostLine, ...knownTo, note: NonEmptyString }),
  // Every older cost is a newer cost as it stands: a named source stays that source, and no source still means "not given".
  older: [
    { version: 1, data: CostBookedV1, upcast: unchanged },
    { version: 2, data: CostBookedV2, upcast: unchanged },
  ],
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
    "The accounting system's balance of funds at a date for one area or a group of areas reported together, split by financing source (`bySource` keyed by a built-in or defined source's id) and/or giving the earmarked state money in it (Tabell 2a).",
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
  FundingSourceDefined,
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
