import type { DomainEvent } from "../../events/envelope.js";
import { effectiveDateOf } from "../../time/effective.js";
import { FundingSourceDefined } from "../finance/events.js";
import type { FundingSource } from "../finance/funding-sources.js";
import { CourseArrangerNamed, CourseCancelled, CourseHeld, CourseRevenueRecorded, CourseScheduled, CourseSummaryRecorded, type Participants } from "./events.js";

export interface HeldRecord {
  from: string;
  to: string;
  occasions?: number;
  participants?: Participants;
  participantsPerOccasion?: number;
  feePerParticipant?: string;
  benchmarkPricePerParticipant?: string;
  eventId: string;
}

export interface CourseRecord {
  title: string;
  commissionedBy?: string;
  held?: HeldRecord;
  cancelled?: { date: string; reason: string; eventId: string };
  evidence: string[];
}

export interface SummaryRecord {
  from: string;
  to: string;
  eventId: string;
  coursesHeld?: number;
  coursesByCommissioner?: Record<string, number>;
  participantsTotal?: number;
  participants?: Participants;
  participantsByCommissioner?: Record<string, number>;
  cancelled?: number;
  cancelledByReason?: Record<string, number>;
}

export interface RevenueRecord {
  from: string;
  to: string;
  amount: string;
  byPayer?: Record<string, string>;
  knownTo?: string;
  eventId: string;
}

/** Who arranges the courses from a date: an area, or a unit named outside the area tree. */
export interface ArrangerRecord {
  from: string;
  areaId?: string;
  name?: string;
  eventId: string;
}

/** The course register as known: every course, every period summary, every revenue total, every arranger named. */
export interface CourseRegister {
  courses: Record<string, CourseRecord>;
  summaries: SummaryRecord[];
  revenue: RevenueRecord[];
  /** Optional so that a register saved before arrangers were facts still loads. */
  arrangers?: ArrangerRecord[];
  /** The financing sources the log defined (finance.funding-source-defined), in order: the payers revenue may name beside the built-in ones. */
  sources?: FundingSource[];
}

export const emptyRegister = (): CourseRegister => ({ courses: {}, summaries: [], revenue: [], arrangers: [], sources: [] });

const dateOf = (event: DomainEvent): string => effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;

const courseOf = (register: CourseRegister, courseId: string, title: string | undefined): CourseRecord => {
  register.courses[courseId] ??= { title: title ?? courseId, evidence: [] };
  return register.courses[courseId];
};

/** A defined financing source, or a superseding definition renaming it in place (it keeps its place in the order). */
const learnSource = (sources: FundingSource[], data: { readonly sourceId: string; readonly name: string; readonly label: string; readonly external?: boolean }): void => {
  const source: FundingSource = { id: data.sourceId, name: data.name, label: data.label, external: data.external === true };
  const at = sources.findIndex((each) => each.id === data.sourceId);
  if (at === -1) sources.push(source);
  else sources[at] = source;
};

/** Learns one course event (or a financing source's definition, a payer revenue may name) into the register (mutating it); other events are ignored. */
export const learnCourse = (register: CourseRegister, event: DomainEvent): CourseRegister => {
  if (CourseScheduled.is(event)) {
    const course = courseOf(register, event.data.courseId, event.data.title);
    course.title = event.data.title;
    course.commissionedBy = event.data.commissionedBy;
    course.evidence.push(event.id);
  } else if (CourseHeld.is(event)) {
    const { courseId, title, commissionedBy, heldFrom, occasions, participants, participantsPerOccasion, feePerParticipant, benchmarkPricePerParticipant } = event.data;
    const course = courseOf(register, courseId, title);
    if (title !== undefined) course.title = title;
    if (commissionedBy !== undefined) course.commissionedBy = commissionedBy;
    course.held = defined({ from: heldFrom ?? dateOf(event), to: dateOf(event), occasions, participants, participantsPerOccasion, feePerParticipant, benchmarkPricePerParticipant, eventId: event.id }) as HeldRecord;
    course.evidence.push(event.id);
  } else if (CourseCancelled.is(event)) {
    const course = courseOf(register, event.data.courseId, undefined);
    course.cancelled = { date: dateOf(event), reason: event.data.reason, eventId: event.id };
    course.evidence.push(event.id);
  } else if (CourseRevenueRecorded.is(event)) {
    const { from, to, amount, byPayer, knownTo } = event.data;
    register.revenue.push(defined({ from, to, amount, byPayer, knownTo, eventId: event.id }) as RevenueRecord);
  } else if (CourseArrangerNamed.is(event)) {
    (register.arrangers ??= []).push(defined({ from: dateOf(event), areaId: event.data.areaId, name: event.data.name, eventId: event.id }) as ArrangerRecord);
  } else if (CourseSummaryRecorded.is(event)) {
    register.summaries.push(defined({ ...event.data, eventId: event.id }) as SummaryRecord);
  } else if (FundingSourceDefined.is(event)) {
    learnSource((register.sources ??= []), event.data);
  }
  return register;
};
