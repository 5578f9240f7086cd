import type { Period } from "../../time/period.js";
import { membershipOf } from "../finance/fact-sum.js";
import type { Participants } from "./events.js";
import type { CourseRecord, CourseRegister, SummaryRecord } from "./register.js";

/** A count with the events behind it; null in a result means no facts (or facts straddling the period). */
export interface CountedFigure {
  readonly count: number;
  readonly evidence: readonly string[];
}

export interface ParticipantFigures {
  readonly total: number;
  readonly byMunicipality: Readonly<Record<string, number>>;
  readonly region: number | null;
  readonly external: number | null;
  /** Per commissioning party; null when a summary counted does not split its participants so. */
  readonly byCommissioner: Readonly<Record<string, number>> | null;
  readonly evidence: readonly string[];
  /** The dates the counted summaries and courses actually cover (januari–juni in an interim report to August), for the table's own period label. */
  readonly covers: { readonly from: string; readonly to: string };
}

export interface CoursePeriodCounts {
  readonly period: string;
  readonly held: CountedFigure | null;
  readonly heldByCommissioner: Readonly<Record<string, number>> | null;
  readonly participants: ParticipantFigures | null;
  readonly cancelled: CountedFigure | null;
  readonly cancelledByReason: Readonly<Record<string, number>> | null;
}

type Where = "inside" | "outside" | "partly";

const summariesFor = (register: CourseRegister, period: Period, has: (summary: SummaryRecord) => boolean): { inside: SummaryRecord[]; straddles: boolean } => {
  const relevant = register.summaries.filter(has);
  const where = relevant.map((summary) => membershipOf(summary.from, summary.to, period) as Where);
  return { inside: relevant.filter((_, index) => where[index] === "inside"), straddles: where.includes("partly") };
};

/** Individual courses count where no summary covering their dates already counts them. */
const uncovered = (courses: readonly [string, CourseRecord][], summaries: readonly SummaryRecord[], dateOf: (course: CourseRecord) => { from: string; to: string } | undefined): [string, CourseRecord][] =>
  courses.filter(([, course]) => {
    const span = dateOf(course);
    return span !== undefined && !summaries.some((summary) => summary.from <= span.from && span.to <= summary.to);
  });

const heldSpan = (course: CourseRecord) => (course.held === undefined ? undefined : { from: course.held.from, to: course.held.to });
const cancelSpan = (course: CourseRecord) => (course.cancelled === undefined ? undefined : { from: course.cancelled.date, to: course.cancelled.date });

const inPeriod = (register: CourseRegister, period: Period, spanOf: (course: CourseRecord) => { from: string; to: string } | undefined): { courses: [string, CourseRecord][]; straddles: boolean } => {
  const all = Object.entries(register.courses).filter(([, course]) => spanOf(course) !== undefined);
  const where = all.map(([, course]) => {
    const span = spanOf(course) as { from: string; to: string };
    return membershipOf(span.from, span.to, period);
  });
  return { courses: all.filter((_, index) => where[index] === "inside"), straddles: where.includes("partly") };
};

const addCounts = (into: Record<string, number>, from: Readonly<Record<string, number>> | undefined): void => {
  for (const [key, value] of Object.entries(from ?? {})) into[key] = (into[key] ?? 0) + value;
};

const heldOf = (register: CourseRegister, period: Period): Pick<CoursePeriodCounts, "held" | "heldByCommissioner"> => {
  const summaries = summariesFor(register, period, (summary) => summary.coursesHeld !== undefined || summary.coursesByCommissioner !== undefined);
  const courses = inPeriod(register, period, heldSpan);
  if (summaries.straddles || courses.straddles) return { held: null, heldByCommissioner: null };
  const extra = uncovered(courses.courses, summaries.inside, heldSpan);
  if (summaries.inside.length === 0 && extra.length === 0) return { held: null, heldByCommissioner: null };
  const byCommissioner: Record<string, number> = {};
  for (const summary of summaries.inside) addCounts(byCommissioner, summary.coursesByCommissioner);
  for (const [, course] of extra) addCounts(byCommissioner, { [course.commissionedBy ?? "unknown"]: 1 });
  const count = summaries.inside.reduce((total, summary) => total + (summary.coursesHeld ?? Object.values(summary.coursesByCommissioner ?? {}).reduce((a, b) => a + b, 0)), 0) + extra.length;
  return { held: { count, evidence: [...summaries.inside.map((summary) => summary.eventId), ...extra.map(([, course]) => course.held?.eventId ?? "")] }, heldByCommissioner: byCommissioner };
};

const participantsOf = (register: CourseRegister, period: Period): ParticipantFigures | null => {
  const summaries = summariesFor(register, period, (summary) => summary.participants !== undefined || summary.participantsTotal !== undefined);
  const courses = inPeriod(register, period, (course) => (course.held?.participants === undefined ? undefined : heldSpan(course)));
  if (summaries.straddles || courses.straddles) return null;
  const extra = uncovered(courses.courses, summaries.inside, heldSpan);
  const sources: { participants: Participants | undefined; total: number | undefined; byCommissioner: Record<string, number> | undefined; commissioner?: string; eventId: string; from: string; to: string }[] = [
    ...summaries.inside.map((summary) => ({ participants: summary.participants, total: summary.participantsTotal, byCommissioner: summary.participantsByCommissioner, eventId: summary.eventId, from: summary.from, to: summary.to })),
    ...extra.map(([, course]) => ({ participants: course.held?.participants, total: undefined, byCommissioner: undefined, commissioner: course.commissionedBy ?? "unknown", eventId: course.held?.eventId ?? "", from: course.held?.from ?? period.start, to: course.held?.to ?? period.end })),
  ];
  if (sources.length === 0) return null;
  const byMunicipality: Record<string, number> = {};
  let region: number | null = null;
  let external: number | null = null;
  let total = 0;
  let byCommissioner: Record<string, number> | null = {};
  for (const source of sources) {
    const parts = source.participants;
    addCounts(byMunicipality, parts?.byMunicipality);
    if (parts?.region !== undefined) region = (region ?? 0) + parts.region;
    if (parts?.external !== undefined) external = (external ?? 0) + parts.external;
    const count = source.total ?? Object.values(parts?.byMunicipality ?? {}).reduce((a, b) => a + b, 0) + (parts?.region ?? 0) + (parts?.external ?? 0);
    total += count;
    if (source.commissioner !== undefined) addCounts(byCommissioner ?? {}, { [source.commissioner]: count });
    else if (source.byCommissioner === undefined) byCommissioner = null;
    else if (byCommissioner !== null) addCounts(byCommissioner, source.byCommissioner);
  }
  const covers = { from: sources.map((source) => source.from).reduce((a, b) => (a < b ? a : b)), to: sources.map((source) => source.to).reduce((a, b) => (a > b ? a : b)) };
  return { total, byMunicipality, region, external, byCommissioner, evidence: sources.map((source) => source.eventId), covers };
};

const cancelledOf = (register: CourseRegister, period: Period): Pick<CoursePeriodCounts, "cancelled" | "cancelledByReason"> => {
  const summaries = summariesFor(register, period, (summary) => summary.cancelled !== undefined || summary.cancelledByReason !== undefined);
  const courses = inPeriod(register, period, cancelSpan);
  if (summaries.straddles || courses.straddles) return { cancelled: null, cancelledByReason: null };
  const extra = uncovered(courses.courses, summaries.inside, cancelSpan);
  if (summaries.inside.length === 0 && extra.length === 0) return { cancelled: null, cancelledByReason: null };
  const byReason: Record<string, number> = {};
  for (const summary of summaries.inside) addCounts(byReason, summary.cancelledByReason);
  for (const [, course] of extra) addCounts(byReason, { [course.cancelled?.reason ?? "other"]: 1 });
  const count = summaries.inside.reduce((total, summary) => total + (summary.cancelled ?? Object.values(summary.cancelledByReason ?? {}).reduce((a, b) => a + b, 0)), 0) + extra.length;
  return { cancelled: { count, evidence: [...summaries.inside.map((summary) => summary.eventId), ...extra.map(([, course]) => course.cancelled?.eventId ?? "")] }, cancelledByReason: byReason };
};

/** Courses held, participants and cancellations of a period from the register: summaries first, single courses where no summary covers them. */
export const periodCountsOf = (register: CourseRegister, period: Period): CoursePeriodCounts => ({
  period: period.name,
  ...heldOf(register, period),
  participants: participantsOf(register, period),
  ...cancelledOf(register, period),
});
