import { Decimal } from "../../numbers/decimal.js";
import type { UnitId } from "../../numbers/units.js";
import { defineFigure, type ComputedFigure, type FigureParams, type FigureSource, type FootingDimension } from "../../reconciliation/figure-source.js";
import { courseCostReductionProjection, coursesProjection, type CostReductionResult, type CostReductionRow, type CoursesResult } from "./projections.js";

const coursesFigure = <const P extends string>(
  key: string,
  description: string,
  unit: UnitId,
  params: { readonly [K in P]: string },
  example: FigureParams<P>,
  compute: (result: CoursesResult, params: FigureParams<P>) => ComputedFigure | undefined,
  footing: readonly FootingDimension<P>[] = [],
) => defineFigure(coursesProjection, { key, description, params, unit, example, compute, footing });

const count = (value: number | undefined, evidence: readonly string[], derivation: string): ComputedFigure | undefined =>
  value === undefined ? undefined : { exact: new Decimal(value), evidence, derivation };

const participantsFrom = (result: CoursesResult, origin: string | undefined): number | undefined => {
  const participants = result.current.participants;
  if (participants === null) return undefined;
  if (origin === undefined) return participants.total;
  if (origin.startsWith("commissioner:")) return participants.byCommissioner?.[origin.slice("commissioner:".length)];
  if (origin === "region") return participants.region ?? undefined;
  if (origin === "external") return participants.external ?? undefined;
  return participants.byMunicipality[origin];
};

/** (last year − this year) ÷ last year: the decrease the report states as "en minskning med 56 %". */
const decrease = (change: string | null, evidence: readonly string[], what: string): ComputedFigure | undefined =>
  change === null ? undefined : { exact: new Decimal(change).negated(), evidence, derivation: `decrease in ${what} against the same period last year` };

const ORIGIN = { origin: 'a municipality id, "region" (the region, e.g. Region Jönköpings län), "external", or "commissioner:<area or party id>"; absent for all' };

const registerFigures = [
  coursesFigure("courses.held", "Courses held in the period, in all or for one commissioning party.", "courses", { commissioner: "an area or party id" }, {}, (result, params) => {
    const held = result.current.held;
    if (held === null) return undefined;
    return params.commissioner === undefined ? count(held.count, held.evidence, "courses held") : count(result.current.heldByCommissioner?.[params.commissioner], held.evidence, `courses commissioned by ${params.commissioner}`);
  }, [{ over: "commissioner" }]),
  coursesFigure("courses.participants", "Participants in the period's courses, in all or from one origin.", "participants", ORIGIN, {}, (result, params) =>
    count(participantsFrom(result, params.origin), result.current.participants?.evidence ?? [], `participants ${params.origin ?? "in all"}`),
    [{ over: "origin" }],
  ),
  coursesFigure("courses.participant-share", "One origin's share of all participants (Bilaga 2).", "percent", ORIGIN, { origin: "aneby" }, (result, params) => {
    const share = params.origin === undefined ? undefined : result.participantShares?.[params.origin];
    return share === undefined ? undefined : { exact: new Decimal(share), evidence: result.current.participants?.evidence ?? [], derivation: `participants from ${params.origin ?? "?"} ÷ all participants` };
  }),
  coursesFigure("courses.cancelled", "Courses cancelled in the period, in all or for one reason.", "courses", { reason: "a cancellation reason" }, {}, (result, params) => {
    const cancelled = result.current.cancelled;
    if (cancelled === null) return undefined;
    return params.reason === undefined ? count(cancelled.count, cancelled.evidence, "courses cancelled") : count(result.current.cancelledByReason?.[params.reason], cancelled.evidence, `courses cancelled for ${params.reason}`);
  }, [{ over: "reason" }]),
  coursesFigure("courses.held-decrease", "Decrease in courses held against the same period last year, as a share of last year's.", "percent", {}, {}, (result) =>
    decrease(result.heldChange, [...(result.current.held?.evidence ?? []), ...(result.samePeriodLastYear.held?.evidence ?? [])], "courses held"),
  ),
  coursesFigure("courses.participants-decrease", "Decrease in participants against the same period last year, as a share of last year's.", "percent", {}, {}, (result) =>
    decrease(result.participantsChange, [...(result.current.participants?.evidence ?? []), ...(result.samePeriodLastYear.participants?.evidence ?? [])], "participants"),
  ),
  coursesFigure("courses.revenue", "The course arranger's revenue in the period, in all or from one payer.", "kronor", { payer: "a financing source that paid: built in (kommunerna, staten, ovriga) or defined by finance.funding-source-defined" }, {}, (result, params) => {
    const revenue = result.revenue;
    if (revenue === null) return undefined;
    const amount = params.payer === undefined ? revenue.amount : revenue.byPayer[params.payer];
    return amount === undefined ? undefined : { exact: new Decimal(amount), evidence: revenue.evidence, derivation: `course revenue ${params.payer ?? "in all"}` };
  }),
] as const;

/** Bilaga 2: held, participants, their shares, cancellations, the change against last year, revenue. */
export const [coursesHeld, coursesParticipants, coursesParticipantShare, coursesCancelled, coursesHeldDecrease, coursesParticipantsDecrease, coursesRevenue] = registerFigures;

const reductionRow = (result: CostReductionResult, courseId: string | undefined): CostReductionRow | undefined => result.rows.find((row) => row.courseId === courseId);

const reductionFigure = (key: string, description: string, unit: UnitId, pick: (row: CostReductionRow) => string | null, derivationOf: (row: CostReductionRow) => string = () => description) =>
  defineFigure(courseCostReductionProjection, {
  key,
  description,
  params: { course: "the course id" },
  unit,
  example: { course: "entreprenadjuridik-2020" },
  compute: (result, params) => {
    const row = reductionRow(result, params.course);
    const value = row === undefined ? null : pick(row);
    return row === undefined || value === null ? undefined : { exact: new Decimal(value), evidence: row.evidence, derivation: derivationOf(row) };
  },
});

/** A total names the rows it leaves out (participants per occasion unknown), so the evidence says why it is smaller. */
const leftOutNote = (derivation: string, result: CostReductionResult): string =>
  result.leftOutOfTotals.length === 0 ? derivation : `${derivation}, leaving out ${result.leftOutOfTotals.join(", ")} (participants per occasion unknown)`;

const reductionFigures = [
  reductionFigure("courses.cost-reduction-per-participant", "Outside price − our fee, per participant.", "kr", (row) => row.reductionPerParticipant),
  reductionFigure("courses.cost-reduction-per-course", "Reduction per participant × participants per occasion; blank when participants per occasion are unknown.", "kr", (row) => row.reductionPerCourse, (row) =>
    row.participantsPerOccasionBasis === "derived" ? "reduction per participant × participants per occasion (derived: participants ÷ occasions)" : "reduction per participant × participants per occasion",
  ),
  reductionFigure("courses.cost-reduction-share", "Reduction per participant ÷ outside price.", "percent", (row) => row.reductionShare),
  reductionFigure("courses.fee-per-participant", "Our fee per participant.", "kr", (row) => row.feePerParticipant),
  reductionFigure("courses.benchmark-price", "An outside organiser's price per participant.", "kr", (row) => row.benchmarkPricePerParticipant),
  reductionFigure(
    "courses.participants-per-occasion",
    "Participants per occasion: as recorded, else the course's participants ÷ its occasions (an average), else blank.",
    "count",
    (row) => row.participantsPerOccasion,
    (row) => (row.participantsPerOccasionBasis === "derived" ? "derived: the course's participants ÷ its occasions (the event records no participants per occasion)" : "participants per occasion, as recorded"),
  ),
  reductionFigure("courses.occasions", "How many times a course of the table was given (\"vid 4 tillfällen\"); blank when the facts do not say.", "count", (row) => (row.occasions === null ? null : String(row.occasions))),
  defineFigure(courseCostReductionProjection, {
    key: "courses.cost-reduction-total",
    description: "Total reduction per occasion over the courses of the table whose participants per occasion are known.",
    params: {},
    unit: "kr",
    example: {},
    compute: (result) => {
      const counted = result.rows.filter((row) => row.reductionPerCourse !== null);
      return result.totalReduction === null ? undefined : { exact: new Decimal(result.totalReduction), evidence: counted.flatMap((row) => row.evidence), derivation: leftOutNote("sum of the reductions per course", result), parts: counted.map((row) => new Decimal(row.reductionPerCourse ?? "0")) };
    },
  }),
  defineFigure(courseCostReductionProjection, {
    key: "courses.cost-reduction-total-share",
    description: "Weighted total share: total reduction ÷ the same places at the outside price.",
    params: {},
    unit: "percent",
    example: {},
    compute: (result) => {
      if (result.totalShare === null) return undefined;
      const counted = result.rows.filter((row) => row.reductionPerCourse !== null);
      const shares = counted.flatMap((row) => (row.reductionShare === null ? [] : [new Decimal(row.reductionShare)]));
      const mean = shares.reduce((total, share) => total.plus(share), new Decimal(0)).dividedBy(shares.length);
      return {
        exact: new Decimal(result.totalShare),
        evidence: counted.flatMap((row) => row.evidence),
        derivation: leftOutNote("total reduction ÷ Σ (outside price × participants per occasion)", result),
        alternatives: [{ exact: mean, cause: "the plain mean of the rows' shares, not weighted by what each course costs" }],
      };
    },
  }),
] as const;

/** (this year − last year) ÷ last year, signed: the change the slides print as "78 (−14 %)". */
const change = (value: string | null, evidence: readonly string[], what: string): ComputedFigure | undefined =>
  value === null ? undefined : { exact: new Decimal(value), evidence, derivation: `change in ${what} against the same period last year` };

/** The year-on-year changes the tertial slides print beside each year's courses and participants. */
export const changeFigures = [
  coursesFigure("courses.held-change", "Change in courses held against the same period last year, as a signed share of last year's.", "percent", {}, {}, (result) =>
    change(result.heldChange, [...(result.current.held?.evidence ?? []), ...(result.samePeriodLastYear.held?.evidence ?? [])], "courses held"),
  ),
  coursesFigure("courses.participants-change", "Change in participants against the same period last year, as a signed share of last year's.", "percent", {}, {}, (result) =>
    change(result.participantsChange, [...(result.current.participants?.evidence ?? []), ...(result.samePeriodLastYear.participants?.evidence ?? [])], "participants"),
  ),
] as const;

export const [coursesHeldChange, coursesParticipantsChange] = changeFigures;

/** Tabell 1 Exempel på kostnadsreducering. */
export const [coursesCostReductionPerParticipant, coursesCostReductionPerCourse, coursesCostReductionShare, coursesFeePerParticipant, coursesBenchmarkPrice, coursesParticipantsPerOccasion, coursesOccasions, coursesCostReductionTotal, coursesCostReductionTotalShare] = reductionFigures;

export const coursesFigures: readonly FigureSource[] = [...registerFigures, ...reductionFigures, ...changeFigures];
