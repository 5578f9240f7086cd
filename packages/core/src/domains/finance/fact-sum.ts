import { Decimal } from "../../numbers/decimal.js";
import type { Period } from "../../time/period.js";

/**
 * A running sum of facts: the exact amount (null while no fact has been seen: blank is not
 * zero), how far it may be off because facts were given rounded (half their `knownTo` each),
 * the ids of the events behind it, and whether a fact only partly inside the period made the
 * figure unknowable. Plain strings, so projection state checkpoints as JSON.
 */
export interface FactSum {
  exact: string | null;
  uncertainty: string;
  evidence: string[];
  unknown: boolean;
}

export const emptyFactSum = (): FactSum => ({ exact: null, uncertainty: "0", evidence: [], unknown: false });

const halfOf = (knownTo: string | undefined): Decimal => (knownTo === undefined ? new Decimal(0) : new Decimal(knownTo).dividedBy(2));

/** Adds one fact's amount (mutating the tally it owns). */
export const addFact = (tally: FactSum, amount: Decimal, knownTo: string | undefined, eventId: string): FactSum => {
  tally.exact = (tally.exact === null ? amount : new Decimal(tally.exact).plus(amount)).toFixed();
  tally.uncertainty = new Decimal(tally.uncertainty).plus(halfOf(knownTo)).toFixed();
  tally.evidence.push(eventId);
  return tally;
};

/** A fact that straddles the period's edge: the period's share of it is not known. */
export const markUnknown = (tally: FactSum, eventId: string): FactSum => {
  tally.unknown = true;
  tally.evidence.push(eventId);
  return tally;
};

/** The value a figure shows: undefined when blank or unknowable. */
export const factValue = (tally: FactSum): Decimal | undefined => (tally.unknown || tally.exact === null ? undefined : new Decimal(tally.exact));

/** Sum of tallies, each with a sign: blank only when every part is blank. */
export const combineFacts = (parts: readonly { readonly sum: FactSum; readonly sign?: 1 | -1 }[]): FactSum => {
  const out = emptyFactSum();
  // A set beside the list keeps first-seen order while making each look-up constant: a quadratic scan made a 1M-event replay take minutes.
  const seen = new Set<string>();
  for (const { sum: tally, sign = 1 } of parts) {
    if (tally.exact !== null) out.exact = (out.exact === null ? new Decimal(0) : new Decimal(out.exact)).plus(new Decimal(tally.exact).times(sign)).toFixed();
    out.uncertainty = new Decimal(out.uncertainty).plus(tally.uncertainty).toFixed();
    out.unknown = out.unknown || tally.unknown;
    for (const id of tally.evidence) {
      if (seen.has(id)) continue;
      seen.add(id);
      out.evidence.push(id);
    }
  }
  return out;
};

export type Membership = "inside" | "outside" | "partly";

/** Where a fact covering [from, to] stands to a period: a flow counts only when wholly inside. */
export const membershipOf = (from: string, to: string, period: Period): Membership => {
  if (to < period.start || from > period.end) return "outside";
  return from >= period.start && to <= period.end ? "inside" : "partly";
};

/** Adds a flow fact to a tally if it falls in the period; marks the tally unknown if it straddles. */
export const addFlow = (tally: FactSum, fact: { readonly from: string; readonly to: string; readonly amount: string; readonly knownTo?: string }, eventId: string, period: Period, sign: 1 | -1 = 1): void => {
  const where = membershipOf(fact.from, fact.to, period);
  if (where === "inside") addFact(tally, new Decimal(fact.amount).times(sign), fact.knownTo, eventId);
  else if (where === "partly") markUnknown(tally, eventId);
};
