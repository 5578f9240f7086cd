import * as t from "io-ts";
import { Id, NonEmptyString, PositiveInteger, describe, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";
import { ThreeK } from "../narrative/events.js";
import { ThemeId } from "../narrative/themes.js";

/**
 * Bilaga 1, "Symbolförteckning för aktiviteter", in its order: pågår enligt plan, ej påbörjad,
 * försenad, pågår med problem, pågår med allvarligt problem, avbruten, klar (the report layer's codes).
 */
export const ACTIVITY_STATUS_CODES = ["on-track", "not-started", "delayed", "issues", "serious-issues", "cancelled", "done"] as const;
export const ActivityStatusCode = oneOf("ActivityStatusCode", ACTIVITY_STATUS_CODES);
export type ActivityStatusCode = t.TypeOf<typeof ActivityStatusCode>;

const ActivityPlannedV1 = strictObject("ActivityPlannedV1", { activityId: Id, title: NonEmptyString, goalId: Id, year: PositiveInteger }, { areaId: Id, description: NonEmptyString, order: PositiveInteger });

/** When in its year an activity is planned: a tertial (1–3), a month (1–12), or the whole year. */
const InTertial = strictObject("InTertial", { kind: t.literal("tertial"), tertial: PositiveInteger });
const InMonth = strictObject("InMonth", { kind: t.literal("month"), month: PositiveInteger });
const WholeYear = strictObject("WholeYear", { kind: t.literal("year") });
export const ActivityTiming = describe(t.union([InTertial, InMonth, WholeYear]), 'a timing: {kind:"tertial",tertial:1–3} | {kind:"month",month:1–12} | {kind:"year"}', {
  anyOf: [InTertial.jsonSchema, InMonth.jsonSchema, WholeYear.jsonSchema],
});
export type ActivityTiming = t.TypeOf<typeof ActivityTiming>;

/** What a plan says of an activity (version 2 on), its tags aside. */
const planDetails = {
  areaId: Id,
  description: NonEmptyString,
  order: PositiveInteger,
  planId: Id,
  timing: ActivityTiming,
  kind: NonEmptyString,
  partners: listOf(NonEmptyString),
  responsible: NonEmptyString,
  conditions: NonEmptyString,
  metricIds: listOf(Id),
};
const activityRequired = { activityId: Id, title: NonEmptyString, goalId: Id, year: PositiveInteger };
const ActivityPlannedV2 = strictObject("ActivityPlannedV2", activityRequired, { ...planDetails, threeK: listOf(ThreeK), focusAreaIds: listOf(Id) });
const ActivityPlannedV3 = strictObject("ActivityPlanned", activityRequired, { ...planDetails, themes: listOf(ThemeId), focusAreaIds: listOf(Id) });

/**
 * Version 2's 3 K are version 3's built-in themes: `threeK` becomes `themes`, the other fields stay
 * as they are. A 3 K tag (letters only) is an id as it stands.
 */
const threeKAsThemes = ({ threeK, ...rest }: t.TypeOf<typeof ActivityPlannedV2>): t.TypeOf<typeof ActivityPlannedV3> => ({ ...rest, ...(threeK === undefined ? {} : { themes: threeK as readonly string[] as readonly Id[] }) });

/**
 * Version 2 adds what a plan says of an activity: its timing within the year, kind, partners,
 * who is responsible, conditions, the metrics it serves, its 3 K and focus areas, and the plan it
 * belongs to. Version 1 lines have none of these and are lifted unchanged. Version 3 names its
 * themes `themes`: the built-in ones (the first organisation's 3 K, version 2's `threeK`) or the
 * log's own (`narrative.theme-defined`).
 */
export const ActivityPlanned = defineEvent({
  type: "activities.activity-planned",
  description:
    "An activity is planned for a year under a goal (and optionally an area), with what the plan says of it: timing within the year, kind, partners, responsible, conditions, the metrics, themes and focus areas it serves, and its plan; it starts as \"ej påbörjad\" until a status is recorded. Version 3 names its themes `themes`: a built-in theme (`kostnadseffektivitet`, `kompetenshojning`, `kvalitetshojning`, the first organisation's 3 K, version 2's `threeK`) or one the log defines (`narrative.theme-defined`).",
  data: ActivityPlannedV3,
  older: [
    { version: 1, data: ActivityPlannedV1, upcast: unchanged },
    { version: 2, data: ActivityPlannedV2, upcast: threeKAsThemes },
  ],
});

export const ActivityStatusChanged = defineEvent({
  type: "activities.status-changed",
  description: "From the effective date an activity has one of the seven statuses of Bilaga 1, with the comment the report prints beside it; a figure in the comment written as `{{figure.key param=value …}}` is computed from the facts when the report is built.",
  data: strictObject("ActivityStatusChanged", { activityId: Id, status: ActivityStatusCode }, { comment: NonEmptyString }),
});

export const ActivityMovedToNextYear = defineEvent({
  type: "activities.moved-to-next-year",
  description: "An activity not finished in its year is carried over to a later year's plan.",
  data: strictObject("ActivityMovedToNextYear", { activityId: Id, toYear: PositiveInteger }, { comment: NonEmptyString }),
});

export const activitiesEvents = [ActivityPlanned, ActivityStatusChanged, ActivityMovedToNextYear] as const;
