import * as t from "io-ts";
import { Id, NonEmptyString, PositiveInteger, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

/**
 * Bilaga 1, "Symbolförteckning för aktiviteter", in its order: pågår enligt plan, ej påbörjad,
 * försenad, pågår med problem, pågår med allvarligt problem, avbruten, klar (the report layer's codes).
 */
export const ACTIVITY_STATUS_CODES = ["on-track", "not-started", "delayed", "issues", "serious-issues", "cancelled", "done"] as const;
export const ActivityStatusCode = oneOf("ActivityStatusCode", ACTIVITY_STATUS_CODES);
export type ActivityStatusCode = t.TypeOf<typeof ActivityStatusCode>;

export const ActivityPlanned = defineEvent({
  type: "activities.activity-planned",
  description: "An activity is planned for a year under a goal (and optionally an area); it starts as \"ej påbörjad\" until a status is recorded.",
  data: strictObject("ActivityPlanned", { activityId: Id, title: NonEmptyString, goalId: Id, year: PositiveInteger }, { areaId: Id, description: NonEmptyString, order: PositiveInteger }),
});

export const ActivityStatusChanged = defineEvent({
  type: "activities.status-changed",
  description: "From the effective date an activity has one of the seven statuses of Bilaga 1, with the comment the report prints beside it.",
  data: strictObject("ActivityStatusChanged", { activityId: Id, status: ActivityStatusCode }, { comment: NonEmptyString }),
});

export const ActivityMovedToNextYear = defineEvent({
  type: "activities.moved-to-next-year",
  description: "An activity not finished in its year is carried over to a later year's plan.",
  data: strictObject("ActivityMovedToNextYear", { activityId: Id, toYear: PositiveInteger }, { comment: NonEmptyString }),
});

export const activitiesEvents = [ActivityPlanned, ActivityStatusChanged, ActivityMovedToNextYear] as const;
