import { isMarked } from "../../events/fact-basis.js";
import type { Provenance } from "../../events/envelope.js";
import { Decimal } from "../../numbers/decimal.js";
import type { Period } from "../../time/period.js";

/**
 * How many events a sum names as its evidence, in log order. A sum over a long log would
 * otherwise hold an id per event folded into it, and memory would grow with the log.
 */
export const EVIDENCE_KEPT = 50;

/**
 * A running sum of facts: the exact amount (null while no fact has been seen: blank is not
 * zero), how far it may be off because facts were given rounded (half their `knownTo` each),
 * the events behind it, and whether a fact only partly inside the period made the figure
 * unknowable. Plain strings, so projection state checkpoints as JSON.
 *
 * The evidence is bounded whatever the log's length: the first `EVIDENCE_KEPT` events in log
 * order, then only those whose facts are reconstructed or illustrative (`marked`, all of them,
 * so a figure's provenance mark never depends on the cap); `evidenceOmitted` says whether
 * recorded events were left out of the list.
 */
export interface FactSum {
  exact: string | null;
  uncertainty: string;
  evidence: string[];
  marked: string[];
  evidenceOmitted: boolean;
  unknown: boolean;
}

/** The event a fact came from, as a sum's evidence names it. */
export interface FactOrigin {
  readonly id: string;
  readonly marked: boolean;
}

/** An event as a fact origin: its id, and whether its source marks it reconstructed or illustrative. */
export const originOf = (event: { readonly id: string; readonly source?: Provenance }): FactOrigin => ({ id: event.id, marked: isMarked(event) });

export const emptyFactSum = (): FactSum => ({ exact: null, uncertainty: "0", evidence: [], marked: [], evidenceOmitted: false, unknown: false });

const halfOf = (knownTo: string | undefined): Decimal => (knownTo === undefined ? new Decimal(0) : new Decimal(knownTo).dividedBy(2));

/** Names one more event behind the tally, within the bound (mutating the tally it owns). */
const cite = (tally: FactSum, origin: FactOrigin): void => {
  if (origin.marked) tally.marked.push(origin.id);
  if (tally.evidence.length < EVIDENCE_KEPT || origin.marked) tally.evidence.push(origin.id);
  else tally.evidenceOmitted = true;
};

/** Whole kronor written plainly: JavaScript adds these exactly while every sum stays below 2^53. */
const PLAIN_INTEGER = /^(0|-?[1-9]\d{0,14})$/;

/**
 * a + b as decimal text, exactly: plain integers (most amounts) as numbers, all else with
 * decimal.js; both give the text decimal.js's toFixed gives, so a sum's text never depends on the path.
 */
const plus = (a: string | null, b: string): string => {
  if (a === null) return PLAIN_INTEGER.test(b) ? b : new Decimal(b).toFixed();
  if (PLAIN_INTEGER.test(a) && PLAIN_INTEGER.test(b)) {
    const sum = Number(a) + Number(b);
    if (Number.isSafeInteger(sum)) return String(sum);
  }
  return new Decimal(a).plus(b).toFixed();
};

const negated = (amount: string): string => (amount === "0" ? amount : amount.startsWith("-") ? amount.slice(1) : `-${amount}`);

/** Adds one fact's amount, given as decimal text or a Decimal (mutating the tally it owns). */
export const addFact = (tally: FactSum, amount: Decimal | string, knownTo: string | undefined, origin: FactOrigin): FactSum => {
  tally.exact = plus(tally.exact, typeof amount === "string" ? amount : amount.toFixed());
  if (knownTo !== undefined) tally.uncertainty = new Decimal(tally.uncertainty).plus(halfOf(knownTo)).toFixed();
  cite(tally, origin);
  return tally;
};

/** A fact that straddles the period's edge: the period's share of it is not known. */
export const markUnknown = (tally: FactSum, origin: FactOrigin): FactSum => {
  tally.unknown = true;
  cite(tally, origin);
  return tally;
};

/** The value a figure shows: undefined when blank or unknowable. */
export const factValue = (tally: FactSum): Decimal | undefined => (tally.unknown || tally.exact === null ? undefined : new Decimal(tally.exact));

/** Sum of tallies, each with a sign: blank only when every part is blank. Evidence stays bounded as in a fold. */
export const combineFacts = (parts: readonly { readonly sum: FactSum; readonly sign?: 1 | -1 }[]): FactSum => {
  const out = emptyFactSum();
  // Sets beside the lists keep first-seen order while making each look-up constant: a quadratic scan made a 1M-event replay take minutes.
  const seen = new Set<string>();
  const marked = new Set<string>();
  for (const { sum: tally, sign = 1 } of parts) {
    if (tally.exact !== null) out.exact = plus(out.exact, sign === 1 ? tally.exact : negated(tally.exact));
    if (tally.uncertainty !== "0") out.uncertainty = plus(out.uncertainty, tally.uncertainty);
    out.unknown = out.unknown || tally.unknown;
    out.evidenceOmitted = out.evidenceOmitted || tally.evidenceOmitted;
    for (const id of tally.marked) marked.add(id);
  }
  for (const { sum: tally } of parts) {
    // Once the list is full only marked ids are still cited, and a part's marked ids are all in its `marked`.
    const ids = out.evidence.length >= EVIDENCE_KEPT ? tally.marked : tally.evidence;
    if (ids !== tally.evidence && !out.evidenceOmitted) out.evidenceOmitted = tally.evidence.some((id) => !seen.has(id) && !marked.has(id));
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      cite(out, { id, marked: marked.has(id) });
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
export const addFlow = (tally: FactSum, fact: { readonly from: string; readonly to: string; readonly amount: string; readonly knownTo?: string }, origin: FactOrigin, period: Period, sign: 1 | -1 = 1): void => {
  const where = membershipOf(fact.from, fact.to, period);
  if (where === "inside") addFact(tally, sign === 1 ? fact.amount : negated(fact.amount), fact.knownTo, origin);
  else if (where === "partly") markUnknown(tally, origin);
};
