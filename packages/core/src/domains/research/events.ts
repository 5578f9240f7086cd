import { Id, NonEmptyString, PositiveInteger, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";

/** How exactly the effective date is known: to the day, or only its month ("i januari 2020"), so a report never prints a day nobody recorded. */
export const DatePrecision = oneOf("DatePrecision", ["day", "month"]);

export const StudyStarted = defineEvent({
  type: "research.study-started",
  description: "A research study (forskningsstudie) starts on the effective date: title, funders, who leads it and with whom, and until when it runs if known.",
  data: strictObject(
    "StudyStarted",
    { studyId: Id, title: NonEmptyString },
    { funderIds: listOf(Id), lead: NonEmptyString, partners: listOf(NonEmptyString), areaId: Id, runsUntilYear: PositiveInteger, description: NonEmptyString },
  ),
});

const StudyProgressedV1 = strictObject("StudyProgressed", { studyId: Id, milestone: NonEmptyString });

export const StudyProgressed = defineEvent({
  type: "research.study-progressed",
  description: "A milestone of a study on the effective date (interviews done, pilot finished, report ready), in Markdown; version 2 says when only the month is known (`datePrecision`).",
  data: strictObject("StudyProgressed", { studyId: Id, milestone: NonEmptyString }, { datePrecision: DatePrecision }),
  older: [{ version: 1, data: StudyProgressedV1, upcast: unchanged }],
});

export const StudyCompleted = defineEvent({
  type: "research.study-completed",
  description: "A study ends on the effective date, with its outcome (e.g. a report presented).",
  data: strictObject("StudyCompleted", { studyId: Id, outcome: NonEmptyString }),
});

const ScholarshipAwardedV1 = strictObject("ScholarshipAwarded", { scholarshipId: Id, institution: NonEmptyString, category: NonEmptyString, thesisTitle: NonEmptyString, authors: listOf(NonEmptyString, 1) });

export const ScholarshipAwarded = defineEvent({
  type: "research.scholarship-awarded",
  description: "A scholarship for the best thesis is awarded on the effective date by the municipalities to students of an institution; version 2 says when only the month is known (`datePrecision`).",
  data: strictObject("ScholarshipAwarded", { scholarshipId: Id, institution: NonEmptyString, category: NonEmptyString, thesisTitle: NonEmptyString, authors: listOf(NonEmptyString, 1) }, { datePrecision: DatePrecision }),
  older: [{ version: 1, data: ScholarshipAwardedV1, upcast: unchanged }],
});

export const DoctoralLevel = oneOf("DoctoralLevel", ["doktorand", "licentiatstudent"]);

export const DoctoralStudentProgressed = defineEvent({
  type: "research.doctoral-student-progressed",
  description: "Where a doctoral or licentiate student stands on the effective date: university, topic, funders, expected completion, KU co-supervisor.",
  data: strictObject(
    "DoctoralStudentProgressed",
    { studentId: Id, name: NonEmptyString, level: DoctoralLevel, university: NonEmptyString, topic: NonEmptyString },
    { subject: NonEmptyString, funders: listOf(NonEmptyString), expectedCompletionYear: PositiveInteger, coSupervisor: NonEmptyString, note: NonEmptyString },
  ),
});

export const DisseminationHeld = defineEvent({
  type: "research.dissemination-held",
  description: "Research results were spread (spridning) during the period ending on the effective date: an event, seminar series or implementation effort.",
  data: strictObject("DisseminationHeld", { disseminationId: Id, title: NonEmptyString, description: NonEmptyString }, { areaId: Id, funderIds: listOf(Id) }),
});

export const researchEvents = [StudyStarted, StudyProgressed, StudyCompleted, ScholarshipAwarded, DoctoralStudentProgressed, DisseminationHeld] as const;
