import type { DomainEvent } from "../../events/envelope.js";
import type { EventOf } from "../../events/definition.js";
import { defineProjection } from "../../projection/projection.js";
import type { IsoDate } from "../../time/calendar.js";
import { effectiveDateOf } from "../../time/effective.js";
import { contains, type Period } from "../../time/period.js";
import { DisseminationHeld, DoctoralStudentProgressed, ScholarshipAwarded, StudyCompleted, StudyProgressed, StudyStarted } from "./events.js";

type Dated<T> = T & { readonly date: string; readonly eventId: string };

interface StudyRecord {
  started: Dated<EventOf<typeof StudyStarted>["data"]>;
  milestones: Dated<{ milestone: string; datePrecision?: "day" | "month" }>[];
  completed?: Dated<{ outcome: string }>;
}

export interface ResearchState {
  studies: Record<string, StudyRecord>;
  scholarships: Dated<EventOf<typeof ScholarshipAwarded>["data"]>[];
  students: Record<string, Dated<EventOf<typeof DoctoralStudentProgressed>["data"]>>;
  dissemination: Dated<EventOf<typeof DisseminationHeld>["data"]>[];
}

export interface StudyView {
  readonly studyId: string;
  readonly title: string;
  readonly status: "ongoing" | "completed";
  readonly started: StudyRecord["started"];
  /** Milestones inside the period. */
  readonly milestones: readonly StudyRecord["milestones"][number][];
  readonly completed: StudyRecord["completed"] | null;
}

export interface ResearchResult {
  readonly period: string;
  /** Studies running at some time in the period (started by its end, not completed before its start). */
  readonly studies: readonly StudyView[];
  readonly scholarships: ResearchState["scholarships"];
  /** Each student as last reported by the period's end. */
  readonly doctoralStudents: readonly ResearchState["students"][string][];
  readonly dissemination: ResearchState["dissemination"];
}

const evolveResearch = (state: ResearchState, event: DomainEvent, period: Period): ResearchState => {
  const date = effectiveDateOf(event.effectiveAt);
  if (date === undefined || date > period.end) return state;
  const stamp = { date, eventId: event.id };
  if (StudyStarted.is(event)) state.studies[event.data.studyId] = { started: { ...event.data, ...stamp }, milestones: [] };
  else if (StudyProgressed.is(event)) state.studies[event.data.studyId]?.milestones.push({ milestone: event.data.milestone, ...(event.data.datePrecision === undefined ? {} : { datePrecision: event.data.datePrecision }), ...stamp });
  else if (StudyCompleted.is(event)) {
    const study = state.studies[event.data.studyId];
    if (study !== undefined) study.completed = { outcome: event.data.outcome, ...stamp };
  } else if (ScholarshipAwarded.is(event)) {
    if (contains(period, date)) state.scholarships.push({ ...event.data, ...stamp });
  } else if (DoctoralStudentProgressed.is(event)) state.students[event.data.studentId] = { ...event.data, ...stamp };
  else if (DisseminationHeld.is(event) && contains(period, date)) state.dissemination.push({ ...event.data, ...stamp });
  return state;
};

const byDateThenId = <T extends { date: string; eventId: string }>(a: T, b: T): number => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.eventId < b.eventId ? -1 : 1);

const studyView = (studyId: string, study: StudyRecord, period: Period): StudyView => ({
  studyId,
  title: study.started.title,
  status: study.completed === undefined ? "ongoing" : "completed",
  started: study.started,
  milestones: study.milestones.filter((milestone) => contains(period, milestone.date as IsoDate)).sort(byDateThenId),
  completed: study.completed ?? null,
});

/** Research of the period: running and completed studies with their milestones, scholarships, doctoral students, dissemination. */
export const researchProjection = defineProjection<ResearchState, ResearchResult>({
  name: "research",
  description: "Research studies running in the period (with milestones and completions), scholarships awarded, doctoral students, dissemination.",
  init: () => ({ studies: {}, scholarships: [], students: {}, dissemination: [] }),
  evolve: (state, event, { period }) => evolveResearch(state, event, period),
  result: (state, { period }) => ({
    period: period.name,
    studies: Object.entries(state.studies)
      .filter(([, study]) => study.completed === undefined || study.completed.date >= period.start)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([studyId, study]) => studyView(studyId, study, period)),
    scholarships: [...state.scholarships].sort(byDateThenId),
    doctoralStudents: Object.values(state.students).sort((a, b) => (a.studentId < b.studentId ? -1 : 1)),
    dissemination: [...state.dissemination].sort(byDateThenId),
  }),
});
