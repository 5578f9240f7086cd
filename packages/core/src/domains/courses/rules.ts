import { defineRule } from "../../events/consistency.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { effectiveDateOf } from "../../time/effective.js";
import { FundingSourceDefined } from "../finance/events.js";
import { requireFundingSource } from "../finance/funding-sources.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { CANCELLATION_REASONS, CourseArrangerNamed, CourseCancelled, CourseHeld, CourseRevenueRecorded, CourseScheduled, CourseSummaryRecorded, type Participants } from "./events.js";

/** What a period summary counts: each part is summed over the summaries a period contains. */
type SummaryPart = "courses held" | "participants" | "cancellations";

interface KnownSummary {
  readonly from: string;
  readonly to: string;
  readonly parts: readonly SummaryPart[];
}

interface CourseKnowledge {
  readonly references: KnownReferences;
  /** courseId → the events scheduling, holding and cancelling it: a correction may restate its own target's course, never another's. */
  readonly courses: Map<string, { scheduledBy?: string; heldBy?: string; cancelledBy?: string }>;
  /** Summaries in force, by event id: a superseded or retracted one leaves. */
  readonly summaries: Map<string, KnownSummary>;
  /** Financing sources the log defined, by id: the payers revenue may name beside the built-in ones. */
  readonly sources: Map<string, true>;
}

const summaryParts = (data: { readonly [field: string]: unknown }): SummaryPart[] => [
  ...(data.coursesHeld !== undefined || data.coursesByCommissioner !== undefined ? (["courses held"] as const) : []),
  ...(data.participantsTotal !== undefined || data.participants !== undefined || data.participantsByCommissioner !== undefined ? (["participants"] as const) : []),
  ...(data.cancelled !== undefined || data.cancelledByReason !== undefined ? (["cancellations"] as const) : []),
];

/**
 * Two summaries whose spans overlap and that count the same thing would be added together for
 * any period holding both (two course summaries for one half-year): refused, unless the new one
 * replaces the other.
 */
const doubleCountIssues = (known: CourseKnowledge, event: DomainEvent, summary: KnownSummary): Issue[] =>
  [...known.summaries.entries()].flatMap(([id, other]) => {
    if (id === event.supersedes || other.to < summary.from || summary.to < other.from) return [];
    const shared = summary.parts.filter((part) => other.parts.includes(part));
    return shared.length === 0
      ? []
      : [
          issue("conflict", "data", `overlaps period summary "${id}" (${other.from}..${other.to}), which already counts ${shared.join(" and ")} on those days: the two would be added together`, {
            expected: `a span that does not overlap ${other.from}..${other.to}, other parts than ${shared.join(" and ")}, or supersedes "${id}"`,
          }),
        ];
  });

/** A commissioning party is an area of the organisation or an outside party recorded as a funder. */
const commissionerIssues = (known: CourseKnowledge, id: string | undefined, path: string): Issue[] =>
  id === undefined || known.references.areas.has(id) || known.references.funders.has(id)
    ? []
    : [issue("unknown-reference", path, `unknown commissioning party "${id}"`, { expected: "an area or funder established earlier in the log", actual: id })];

const participantIssues = (known: CourseKnowledge, participants: Participants | undefined, path: string): Issue[] =>
  Object.keys(participants?.byMunicipality ?? {}).flatMap((id) => known.references.requireMunicipality(id, `${path}.byMunicipality.${id}`));

const spanIssues = (event: DomainEvent, from: string | undefined, to: string): Issue[] => {
  const found: Issue[] = [];
  if (from !== undefined && from > to) found.push(issue("invalid-field", "data.from", "starts after the span ends", { expected: `a date on or before ${to}`, actual: from }));
  if (effectiveDateOf(event.effectiveAt) !== to) found.push(issue("invalid-field", "effectiveAt", "must be the span's last day", { expected: to, actual: event.effectiveAt }));
  return found;
};

const checkHeld = (known: CourseKnowledge, event: DomainEvent): Issue[] => {
  if (!CourseHeld.is(event)) return [];
  const course = known.courses.get(event.data.courseId);
  const found: Issue[] = [];
  if (course?.cancelledBy !== undefined) found.push(issue("conflict", "data.courseId", `course "${event.data.courseId}" was cancelled (event ${course.cancelledBy}); a cancelled course takes no participants`));
  if (course === undefined && event.data.title === undefined) found.push(issue("invalid-field", "data.title", "a course held without being scheduled needs a title", { expected: "a non-empty text" }));
  const { courseId } = event.data;
  found.push(
    ...heldKeyIssues(course?.heldBy, event, { noun: "course", held: "recorded as held", key: courseId, path: "data.courseId" }, () => [
      issue("conflict", "data.courseId", `course "${courseId}" is already recorded as held; supersede that event to change it`),
    ]),
  );
  const date = effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;
  if (event.data.heldFrom !== undefined && event.data.heldFrom > date) found.push(issue("invalid-field", "data.heldFrom", "is after the course's last day", { actual: event.data.heldFrom }));
  return [...found, ...commissionerIssues(known, event.data.commissionedBy, "data.commissionedBy"), ...participantIssues(known, event.data.participants, "data.participants")];
};

/** An arranger is one known area or one name, never both nor neither. */
const checkArranger = (known: CourseKnowledge, data: { readonly areaId?: string; readonly name?: string }): Issue[] => {
  if ((data.areaId === undefined) === (data.name === undefined)) return [issue("invalid-field", "data", "names the arranger by exactly one of areaId and name", { expected: "an areaId (an area of the area tree) or a name (a unit outside it), not both" })];
  return data.areaId === undefined ? [] : known.references.requireArea(data.areaId, "data.areaId");
};

const checkCourses = (known: CourseKnowledge, event: DomainEvent): Issue[] => {
  if (CourseArrangerNamed.is(event)) return checkArranger(known, event.data);
  if (CourseScheduled.is(event)) {
    const found = commissionerIssues(known, event.data.commissionedBy, "data.commissionedBy");
    const { courseId } = event.data;
    found.push(...heldKeyIssues(known.courses.get(courseId)?.scheduledBy, event, { noun: "course", held: "scheduled", key: courseId, path: "data.courseId" }, () => [issue("conflict", "data.courseId", `course "${courseId}" is already scheduled`)]));
    return found;
  }
  if (CourseCancelled.is(event)) {
    const course = known.courses.get(event.data.courseId);
    if (course === undefined) return [issue("unknown-reference", "data.courseId", `unknown course "${event.data.courseId}"`, { expected: "a course scheduled earlier in the log" })];
    const { courseId } = event.data;
    if (course.heldBy !== undefined) return [issue("conflict", "data.courseId", `course "${courseId}" was already held`)];
    return heldKeyIssues(course.cancelledBy, event, { noun: "course", held: "cancelled", key: courseId, path: "data.courseId" }, () => [issue("conflict", "data.courseId", `course "${courseId}" is already cancelled`)]);
  }
  if (CourseRevenueRecorded.is(event)) {
    const payers = Object.keys(event.data.byPayer ?? {}).flatMap((payer) => requireFundingSource(known.sources, payer, `data.byPayer.${payer}`));
    return [...spanIssues(event, event.data.from, event.data.to), ...payers];
  }
  if (CourseSummaryRecorded.is(event)) {
    const found = [
      ...spanIssues(event, event.data.from, event.data.to),
      ...participantIssues(known, event.data.participants, "data.participants"),
      ...doubleCountIssues(known, event, { from: event.data.from, to: event.data.to, parts: summaryParts(event.data) }),
    ];
    for (const key of Object.keys(event.data.coursesByCommissioner ?? {})) found.push(...commissionerIssues(known, key, `data.coursesByCommissioner.${key}`));
    for (const key of Object.keys(event.data.cancelledByReason ?? {})) {
      if (!(CANCELLATION_REASONS as readonly string[]).includes(key)) found.push(issue("invalid-field", `data.cancelledByReason.${key}`, "is not a cancellation reason", { expected: CANCELLATION_REASONS.join(", "), actual: key }));
    }
    return found;
  }
  return checkHeld(known, event);
};

/** Courses are commissioned by known parties and arranged by a known area or a named unit; a cancelled course is never held; participants come from known municipalities; revenue's payers are known financing sources; no two summaries count the same days twice. */
export const coursesIntegrity = defineRule<CourseKnowledge>({
  name: "courses-integrity",
  learnsFrom: [...REFERENCE_FACTS, ...[CourseSummaryRecorded, CourseScheduled, CourseHeld, CourseCancelled, FundingSourceDefined].map((definition) => definition.type)],
  // Revision 2: the state holds the financing sources the log defined; 3: the events scheduling and holding each course.
  revision: 3,
  init: () => ({ references: new KnownReferences(), courses: new Map(), summaries: new Map(), sources: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (FundingSourceDefined.is(event)) known.sources.set(event.data.sourceId, true);
    const replaced = event.supersedes ?? event.retracts;
    if (replaced !== undefined) known.summaries.delete(replaced);
    if (CourseSummaryRecorded.is(event)) known.summaries.set(event.id, { from: event.data.from, to: event.data.to, parts: summaryParts(event.data) });
    const courseId = CourseScheduled.is(event) || CourseHeld.is(event) || CourseCancelled.is(event) ? event.data.courseId : undefined;
    if (courseId === undefined) return;
    const course = known.courses.get(courseId) ?? {};
    if (CourseScheduled.is(event)) course.scheduledBy = event.id;
    if (CourseHeld.is(event)) course.heldBy = event.id;
    if (CourseCancelled.is(event)) course.cancelledBy = event.id;
    known.courses.set(courseId, course);
  },
  check: checkCourses,
});
