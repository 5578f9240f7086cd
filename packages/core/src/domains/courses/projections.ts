import { Decimal, ratio, sum, toDecimalString } from "../../numbers/decimal.js";
import { defineFold, defineView } from "../../projection/projection.js";
import { samePeriodLastYear, type Period } from "../../time/period.js";
import { membershipOf } from "../finance/fact-sum.js";
import { periodCountsOf, type CoursePeriodCounts } from "./period-counts.js";
import { emptyRegister, learnCourse, type CourseRegister } from "./register.js";

export interface CourseRevenue {
  readonly amount: string;
  readonly byPayer: Readonly<Record<string, string>>;
  readonly evidence: readonly string[];
}

export interface CoursesResult {
  readonly period: string;
  readonly current: CoursePeriodCounts;
  readonly samePeriodLastYear: CoursePeriodCounts;
  /** Each origin's share (0..1) of all participants: municipality ids, "region", "external". */
  readonly participantShares: Readonly<Record<string, string>> | null;
  /** (this period − same period last year) ÷ same period last year; null without both. */
  readonly heldChange: string | null;
  readonly participantsChange: string | null;
  readonly revenue: CourseRevenue | null;
}

const change = (now: number | undefined, before: number | undefined): string | null => {
  if (now === undefined || before === undefined) return null;
  const value = ratio(new Decimal(now - before), new Decimal(before));
  return value === undefined ? null : toDecimalString(value);
};

const sharesOf = (figures: CoursePeriodCounts): Record<string, string> | null => {
  const participants = figures.participants;
  if (participants === null || participants.total === 0) return null;
  const origins: [string, number | null][] = [...Object.entries(participants.byMunicipality), ["region", participants.region], ["external", participants.external]];
  return Object.fromEntries(origins.filter((entry): entry is [string, number] => entry[1] !== null).map(([origin, count]) => [origin, toDecimalString(new Decimal(count).dividedBy(participants.total))]));
};

const revenueOf = (register: CourseRegister, period: Period): CourseRevenue | null => {
  const where = register.revenue.map((entry) => membershipOf(entry.from, entry.to, period));
  if (where.includes("partly")) return null;
  const inside = register.revenue.filter((_, index) => where[index] === "inside");
  if (inside.length === 0) return null;
  const byPayer: Record<string, Decimal> = {};
  for (const entry of inside) for (const [payer, amount] of Object.entries(entry.byPayer ?? {})) byPayer[payer] = (byPayer[payer] ?? new Decimal(0)).plus(amount);
  return {
    amount: toDecimalString(sum(inside.map((entry) => new Decimal(entry.amount)))),
    byPayer: Object.fromEntries(Object.entries(byPayer).map(([payer, amount]) => [payer, toDecimalString(amount)])),
    evidence: inside.map((entry) => entry.eventId),
  };
};

export const coursesOf = (register: CourseRegister, period: Period): CoursesResult => {
  const current = periodCountsOf(register, period);
  const before = periodCountsOf(register, samePeriodLastYear(period));
  return {
    period: period.name,
    current,
    samePeriodLastYear: before,
    participantShares: sharesOf(current),
    heldChange: change(current.held?.count, before.held?.count),
    participantsChange: change(current.participants?.total, before.participants?.total),
    revenue: revenueOf(register, period),
  };
};

/** The courses domain's one fold: the register every course view reads. */
export const courseRegisterFold = defineFold<CourseRegister>({ name: "course-register", init: emptyRegister, evolve: (register, event) => learnCourse(register, event) });

/**
 * Courses through Kurs och konferens (T-N, T-O, T-P): held per commissioning party, participants
 * per municipality with shares, cancellations per reason, revenue, and the change against the
 * same period last year. Every course fact is kept; the result selects by the period.
 */
export const coursesProjection = defineView<CourseRegister, CoursesResult>(courseRegisterFold, {
  name: "courses",
  description:
    "Courses held (per commissioning party), participants (per municipality, region, external, with shares), cancellations (per reason) and course revenue for the period, with the change against the same period last year.",
  result: (register, { period }) => coursesOf(register, period),
});

export interface CostReductionRow {
  readonly courseId: string;
  readonly title: string;
  readonly feePerParticipant: string;
  readonly participantsPerOccasion: number;
  /** How many times the course was given, when the facts say. */
  readonly occasions: number | null;
  readonly benchmarkPricePerParticipant: string;
  readonly reductionPerParticipant: string;
  /** Per one occasion, as the table counts it ("per kurs"). */
  readonly reductionPerCourse: string;
  readonly reductionShare: string | null;
  readonly evidence: readonly string[];
}

export interface CostReductionResult {
  readonly period: string;
  readonly rows: readonly CostReductionRow[];
  readonly totalReduction: string | null;
  /** Weighted: total reduction ÷ what the same places would cost at the outside price. */
  readonly totalShare: string | null;
}

const costReductionOf = (register: CourseRegister, period: Period): CostReductionResult => {
  const rows: CostReductionRow[] = [];
  for (const [courseId, course] of Object.entries(register.courses)) {
    const held = course.held;
    if (held === undefined || membershipOf(held.from, held.to, period) !== "inside") continue;
    if (held.feePerParticipant === undefined || held.benchmarkPricePerParticipant === undefined || held.participantsPerOccasion === undefined) continue;
    const fee = new Decimal(held.feePerParticipant);
    const benchmark = new Decimal(held.benchmarkPricePerParticipant);
    const perParticipant = benchmark.minus(fee);
    const share = ratio(perParticipant, benchmark);
    rows.push({
      courseId,
      title: course.title,
      feePerParticipant: held.feePerParticipant,
      participantsPerOccasion: held.participantsPerOccasion,
      occasions: held.occasions ?? null,
      benchmarkPricePerParticipant: held.benchmarkPricePerParticipant,
      reductionPerParticipant: toDecimalString(perParticipant),
      reductionPerCourse: toDecimalString(perParticipant.times(held.participantsPerOccasion)),
      reductionShare: share === undefined ? null : toDecimalString(share),
      evidence: [held.eventId],
    });
  }
  if (rows.length === 0) return { period: period.name, rows, totalReduction: null, totalShare: null };
  const total = sum(rows.map((row) => new Decimal(row.reductionPerCourse)));
  const outsideCost = sum(rows.map((row) => new Decimal(row.benchmarkPricePerParticipant).times(row.participantsPerOccasion)));
  const share = ratio(total, outsideCost);
  return { period: period.name, rows, totalReduction: toDecimalString(total), totalShare: share === undefined ? null : toDecimalString(share) };
};

/** Tabell 1 Exempel på kostnadsreducering: what each course saves per participant and per occasion against an outside organiser. */
export const courseCostReductionProjection = defineView<CourseRegister, CostReductionResult>(courseRegisterFold, {
  name: "course-cost-reduction",
  description:
    "Cost reduction per course held in the period against an outside organiser's price: per participant, per occasion (fee × participants per occasion), as a share, and in total with the weighted total share.",
  result: (register, { period }) => costReductionOf(register, period),
});
