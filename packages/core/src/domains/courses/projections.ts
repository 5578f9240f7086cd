import { Decimal, ratio, sum, toDecimalString } from "../../numbers/decimal.js";
import { defineFold, defineView } from "../../projection/projection.js";
import { samePeriodLastYear, type Period } from "../../time/period.js";
import { membershipOf } from "../finance/fact-sum.js";
import { BUILT_IN_SOURCES, type FundingSource } from "../finance/funding-sources.js";
import { periodCountsOf, type CoursePeriodCounts } from "./period-counts.js";
import { emptyRegister, learnCourse, type ArrangerRecord, type CourseRegister, type HeldRecord } from "./register.js";

export interface CourseRevenue {
  readonly amount: string;
  readonly byPayer: Readonly<Record<string, string>>;
  /** The financing sources that paid, in print order: the built-in ones in their fixed order, then the defined ones as defined. */
  readonly payers: readonly FundingSource[];
  readonly evidence: readonly string[];
}

/** The arranger in force at the period's end, as the log names it (an area id, or a name). */
export interface CourseArranger {
  readonly areaId: string | null;
  readonly name: string | null;
  readonly evidence: readonly string[];
}

export interface CoursesResult {
  readonly period: string;
  /** Who arranges the courses, if the log says (`courses.arranger-named` in force at the period's end). */
  readonly arranger: CourseArranger | null;
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

/**
 * The payers named, as financing sources in print order. A payer neither built in nor defined
 * (only in a log written before the rule refused one) follows by id, named by its id: never dropped.
 */
const payersOf = (register: CourseRegister, named: readonly string[]): FundingSource[] => {
  const known = [...BUILT_IN_SOURCES, ...(register.sources ?? [])];
  const unknown = named.filter((id) => !known.some((source) => source.id === id)).sort();
  return [...known.filter((source) => named.includes(source.id)), ...unknown.map((id): FundingSource => ({ id, name: id, label: id, external: false }))];
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
    payers: payersOf(register, Object.keys(byPayer)),
    evidence: inside.map((entry) => entry.eventId),
  };
};

/** The latest arranger effective by the period's end; of two on one day, the later in the log. */
const arrangerOf = (register: CourseRegister, period: Period): CourseArranger | null => {
  let found: ArrangerRecord | undefined;
  for (const entry of register.arrangers ?? []) if (entry.from <= period.end && (found === undefined || entry.from >= found.from)) found = entry;
  return found === undefined ? null : { areaId: found.areaId ?? null, name: found.name ?? null, evidence: [found.eventId] };
};

export const coursesOf = (register: CourseRegister, period: Period): CoursesResult => {
  const current = periodCountsOf(register, period);
  const before = periodCountsOf(register, samePeriodLastYear(period));
  return {
    period: period.name,
    arranger: arrangerOf(register, period),
    current,
    samePeriodLastYear: before,
    participantShares: sharesOf(current),
    heldChange: change(current.held?.count, before.held?.count),
    participantsChange: change(current.participants?.total, before.participants?.total),
    revenue: revenueOf(register, period),
  };
};

/** The courses domain's one fold: the register every course view reads. */
// Revision 2: the register holds the financing sources the log defines, the payers revenue may name.
export const courseRegisterFold = defineFold<CourseRegister>({ name: "course-register", revision: 2, init: emptyRegister, evolve: (register, event) => learnCourse(register, event) });

/**
 * Courses through the course arranger (T-N, T-O, T-P): held per commissioning party, participants
 * per municipality with shares, cancellations per reason, revenue, and the change against the
 * same period last year. Every course fact is kept; the result selects by the period.
 */
export const coursesProjection = defineView<CourseRegister, CoursesResult>(courseRegisterFold, {
  name: "courses",
  description:
    "Courses held (per commissioning party), participants (per municipality, region, external, with shares), cancellations (per reason) and course revenue for the period, with the change against the same period last year.",
  result: (register, { period }) => coursesOf(register, period),
});

/** Where a row's participants per occasion come from: the event's own figure, or its participants ÷ its occasions. */
export type ParticipantsPerOccasionBasis = "recorded" | "derived";

export interface CostReductionRow {
  readonly courseId: string;
  readonly title: string;
  readonly feePerParticipant: string;
  /**
   * Participants per occasion as a decimal string: recorded, or derived from the course's
   * participants ÷ its occasions when the event gives both (an average, maybe a fraction);
   * null when neither is known: the row stays, its per-course reduction is unknown, and it is
   * left out of the totals.
   */
  readonly participantsPerOccasion: string | null;
  readonly participantsPerOccasionBasis: ParticipantsPerOccasionBasis | null;
  /** How many times the course was given, when the facts say. */
  readonly occasions: number | null;
  readonly benchmarkPricePerParticipant: string;
  readonly reductionPerParticipant: string;
  /** Per one occasion, as the table counts it ("per kurs"); null without participants per occasion. */
  readonly reductionPerCourse: string | null;
  readonly reductionShare: string | null;
  readonly evidence: readonly string[];
}

export interface CostReductionResult {
  readonly period: string;
  readonly rows: readonly CostReductionRow[];
  /** Over the rows whose per-course reduction is known; null when none is. */
  readonly totalReduction: string | null;
  /** Weighted: total reduction ÷ what the same places would cost at the outside price. */
  readonly totalShare: string | null;
  /** Rows left out of the totals, their participants per occasion being unknown. */
  readonly leftOutOfTotals: readonly string[];
}

const participantTotal = (participants: HeldRecord["participants"]): number | undefined =>
  participants === undefined ? undefined : Object.values(participants.byMunicipality).reduce((total, count) => total + count, 0) + (participants.region ?? 0) + (participants.external ?? 0);

/** The event's own figure, else participants ÷ occasions when it gives both, else unknown. */
const participantsPerOccasionOf = (held: HeldRecord): { readonly value: Decimal; readonly basis: ParticipantsPerOccasionBasis } | null => {
  if (held.participantsPerOccasion !== undefined) return { value: new Decimal(held.participantsPerOccasion), basis: "recorded" };
  const participants = participantTotal(held.participants);
  const perOccasion = participants === undefined || held.occasions === undefined ? undefined : ratio(new Decimal(participants), new Decimal(held.occasions));
  return perOccasion === undefined ? null : { value: perOccasion, basis: "derived" };
};

const reductionRowOf = (courseId: string, title: string, held: HeldRecord & { feePerParticipant: string; benchmarkPricePerParticipant: string }): CostReductionRow => {
  const fee = new Decimal(held.feePerParticipant);
  const benchmark = new Decimal(held.benchmarkPricePerParticipant);
  const perParticipant = benchmark.minus(fee);
  const share = ratio(perParticipant, benchmark);
  const perOccasion = participantsPerOccasionOf(held);
  return {
    courseId,
    title,
    feePerParticipant: held.feePerParticipant,
    participantsPerOccasion: perOccasion === null ? null : toDecimalString(perOccasion.value),
    participantsPerOccasionBasis: perOccasion?.basis ?? null,
    occasions: held.occasions ?? null,
    benchmarkPricePerParticipant: held.benchmarkPricePerParticipant,
    reductionPerParticipant: toDecimalString(perParticipant),
    reductionPerCourse: perOccasion === null ? null : toDecimalString(perParticipant.times(perOccasion.value)),
    reductionShare: share === undefined ? null : toDecimalString(share),
    evidence: [held.eventId],
  };
};

/**
 * A course held in the period is an example of the table when both its fee and an outside
 * organiser's price are recorded (without them there is nothing to compare). A row whose
 * participants per occasion are neither recorded nor derivable stays in the table, with its
 * per-course reduction unknown, and is named in `leftOutOfTotals`: never dropped in silence.
 */
const costReductionOf = (register: CourseRegister, period: Period): CostReductionResult => {
  const rows: CostReductionRow[] = [];
  for (const [courseId, course] of Object.entries(register.courses)) {
    const held = course.held;
    if (held === undefined || membershipOf(held.from, held.to, period) !== "inside") continue;
    const { feePerParticipant, benchmarkPricePerParticipant } = held;
    if (feePerParticipant === undefined || benchmarkPricePerParticipant === undefined) continue;
    rows.push(reductionRowOf(courseId, course.title, { ...held, feePerParticipant, benchmarkPricePerParticipant }));
  }
  const counted = rows.filter((row) => row.reductionPerCourse !== null && row.participantsPerOccasion !== null);
  const leftOutOfTotals = rows.filter((row) => !counted.includes(row)).map((row) => row.courseId);
  if (counted.length === 0) return { period: period.name, rows, totalReduction: null, totalShare: null, leftOutOfTotals };
  const total = sum(counted.map((row) => new Decimal(row.reductionPerCourse ?? "0")));
  const outsideCost = sum(counted.map((row) => new Decimal(row.benchmarkPricePerParticipant).times(row.participantsPerOccasion ?? "0")));
  const share = ratio(total, outsideCost);
  return { period: period.name, rows, totalReduction: toDecimalString(total), totalShare: share === undefined ? null : toDecimalString(share), leftOutOfTotals };
};

/** Tabell 1 Exempel på kostnadsreducering: what each course saves per participant and per occasion against an outside organiser. */
export const courseCostReductionProjection = defineView<CourseRegister, CostReductionResult>(courseRegisterFold, {
  name: "course-cost-reduction",
  description:
    "Cost reduction per course held in the period against an outside organiser's price: per participant, per occasion (reduction per participant × participants per occasion, recorded or derived as participants ÷ occasions), as a share, and in total with the weighted total share over the rows whose participants per occasion are known (the others are named in leftOutOfTotals).",
  result: (register, { period }) => costReductionOf(register, period),
});
