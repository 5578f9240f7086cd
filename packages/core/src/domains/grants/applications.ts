import type { DomainEvent } from "../../events/envelope.js";
import { Decimal, ratio, sum, toDecimalString } from "../../numbers/decimal.js";
import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import type { Period } from "../../time/period.js";
import { membershipOf } from "../finance/fact-sum.js";
import { ApplicationDecided, ApplicationSubmitted, type Decision } from "./events.js";

interface ApplicationRecord {
  title: string;
  funderId: string;
  amount: string;
  submittedFrom: string;
  submittedOn: string;
  evidence: string;
}

interface DecisionRecord {
  decision: Decision;
  amountGranted?: string;
  decidedOn: string;
  evidence: string;
}

/**
 * Submissions and decisions apart: a corrected submission reaches the fold after the decision
 * on it (the correction is recorded later), and must not lose that decision.
 */
export interface GrantsState {
  applications: Record<string, ApplicationRecord>;
  decisions: Record<string, DecisionRecord>;
}

export interface ApplicationRow {
  readonly applicationId: string;
  readonly title: string;
  readonly funderId: string;
  readonly amount: string;
  readonly submittedOn: string;
  /** The decision as known by the period's end; null while pending. */
  readonly decision: Decision | null;
  readonly amountGranted: string | null;
  readonly decidedOn: string | null;
  readonly evidence: readonly string[];
}

export interface CountAndAmount {
  readonly count: number;
  readonly amount: string;
}

export interface GrantApplicationsResult {
  readonly period: string;
  /** Applications submitted inside the period: they count, whenever they were decided. */
  readonly applications: readonly ApplicationRow[];
  /** Decided in the period but submitted before it (the Letterbox Club case): shown, not counted. */
  readonly submittedEarlier: readonly ApplicationRow[];
  /** Submitted in a span that straddles the period's edge: the period's counts cannot be known. */
  readonly undetermined: readonly string[];
  readonly submitted: CountAndAmount;
  readonly granted: CountAndAmount;
  readonly rejected: CountAndAmount;
  readonly pending: CountAndAmount;
  /** Exact shares (0..1) of the submitted ones; null when nothing was submitted. */
  readonly grantedShareByCount: string | null;
  readonly grantedShareByAmount: string | null;
  readonly funders: readonly string[];
}

const dateOf = (event: DomainEvent): string => effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;

const evolveGrants = (state: GrantsState, event: DomainEvent, period: Period): GrantsState => {
  if (ApplicationSubmitted.is(event)) {
    const { applicationId, title, funderId, amount, submittedFrom } = event.data;
    state.applications[applicationId] = { title, funderId, amount, submittedFrom: submittedFrom ?? dateOf(event), submittedOn: dateOf(event), evidence: event.id };
  } else if (ApplicationDecided.is(event) && dateOf(event) <= period.end) {
    const { applicationId, decision, amountGranted } = event.data;
    state.decisions[applicationId] = { decision, decidedOn: dateOf(event), evidence: event.id, ...(amountGranted === undefined ? {} : { amountGranted }) };
  }
  return state;
};

const rowOf = (applicationId: string, record: ApplicationRecord, decided: DecisionRecord | undefined): ApplicationRow => ({
  applicationId,
  title: record.title,
  funderId: record.funderId,
  amount: record.amount,
  submittedOn: record.submittedOn,
  decision: decided?.decision ?? null,
  amountGranted: decided?.amountGranted ?? null,
  decidedOn: decided?.decidedOn ?? null,
  evidence: decided === undefined ? [record.evidence] : [record.evidence, decided.evidence],
});

const tally = (rows: readonly ApplicationRow[], amountOf: (row: ApplicationRow) => string): CountAndAmount => ({
  count: rows.length,
  amount: toDecimalString(sum(rows.map((row) => new Decimal(amountOf(row))))),
});

const share = (part: Decimal, whole: Decimal): string | null => {
  const value = ratio(part, whole);
  return value === undefined ? null : toDecimalString(value);
};

export const grantApplicationsOf = (state: GrantsState, period: Period): GrantApplicationsResult => {
  // In the order they were submitted, not as recorded, so a corrected submission keeps its place; the same day keeps the log's order (a stable sort).
  const all = Object.entries(state.applications).sort(([, a], [, b]) => (a.submittedOn < b.submittedOn ? -1 : a.submittedOn > b.submittedOn ? 1 : 0));
  const row = ([id, record]: [string, ApplicationRecord]): ApplicationRow => rowOf(id, record, state.decisions[id]);
  const inside = all.filter(([, record]) => membershipOf(record.submittedFrom, record.submittedOn, period) === "inside").map(row);
  const granted = inside.filter((row) => row.decision === "granted");
  const submitted = tally(inside, (row) => row.amount);
  const grantedTally = tally(granted, (row) => row.amountGranted ?? "0");
  return {
    period: period.name,
    applications: inside,
    submittedEarlier: all
      .filter(([id, record]) => record.submittedOn < period.start && (state.decisions[id]?.decidedOn ?? "") >= period.start)
      .map(row),
    undetermined: all.filter(([, record]) => membershipOf(record.submittedFrom, record.submittedOn, period) === "partly").map(([id]) => id),
    submitted,
    granted: grantedTally,
    rejected: tally(inside.filter((row) => row.decision === "rejected"), (row) => row.amount),
    pending: tally(inside.filter((row) => row.decision === null), (row) => row.amount),
    grantedShareByCount: share(new Decimal(granted.length), new Decimal(inside.length)),
    grantedShareByAmount: share(new Decimal(grantedTally.amount), new Decimal(submitted.amount)),
    funders: [...new Set(inside.map((row) => row.funderId))].sort(),
  };
};

/** Grant applications of a period (T-D, T-E): counts, amounts and success shares, by submission period. */
export const grantApplicationsProjection = defineProjection<GrantsState, GrantApplicationsResult>({
  name: "grant-applications",
  description:
    "Funding applications submitted in the period (an application belongs to the period it was submitted in, whenever decided): counts and amounts submitted, granted, rejected and pending, success shares by count and by amount, funders; and earlier applications decided in the period.",
  // 2: decisions kept apart from submissions.
  revision: 2,
  init: () => ({ applications: {}, decisions: {} }),
  evolve: (state, event, { period }) => evolveGrants(state, event, period),
  result: (state, { period }) => grantApplicationsOf(state, period),
});
