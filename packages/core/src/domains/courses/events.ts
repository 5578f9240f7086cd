import * as t from "io-ts";
import { DecimalString, Id, IsoDateC, NonEmptyString, NonNegativeDecimal, NonNegativeInteger, PositiveInteger, oneOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

export const CANCELLATION_REASONS = ["pandemic", "course-leader-illness", "pandemic-or-illness", "too-few-participants", "other"] as const;
/** Why a course was cancelled; "pandemic-or-illness" where a register only gives the two together. */
export const CancellationReason = oneOf("CancellationReason", CANCELLATION_REASONS);
export type CancellationReason = t.TypeOf<typeof CancellationReason>;

/** Who took part: participants per municipality, from the region (the county's regional body; the course appendix names it from the funders of kind "region"), and from outside the county. */
export const Participants = strictObject("Participants", { byMunicipality: recordOf(NonNegativeInteger) }, { region: NonNegativeInteger, external: NonNegativeInteger });
export type Participants = t.TypeOf<typeof Participants>;

export const CourseScheduled = defineEvent({
  type: "courses.course-scheduled",
  description: "A course is planned through the course arranger (`courses.arranger-named`), commissioned by an area or an outside party (an area or funder id).",
  data: strictObject("CourseScheduled", { courseId: Id, title: NonEmptyString, commissionedBy: Id }, { startsOn: IsoDateC, occasions: PositiveInteger, feePerParticipant: NonNegativeDecimal }),
});

export const CourseHeld = defineEvent({
  type: "courses.course-held",
  description:
    "A course was held: occasions, participants (per municipality, region, external) when known, participants per occasion, the fee per participant and an outside organiser's price for the same course. Effective on its last day, or on the last day of the span it is known to fall in (`heldFrom` its first). A course with both `feePerParticipant` and `benchmarkPricePerParticipant` is a row of the cost-reduction table (Tabell 1); its `participantsPerOccasion` is optional: without it the row uses participants ÷ occasions when the event gives both (an average, marked as derived in the table and its evidence), and otherwise stays in the table with its per-course reduction blank, left out of the totals, and named in a footnote.",
  data: strictObject(
    "CourseHeld",
    { courseId: Id },
    {
      occasions: PositiveInteger,
      title: NonEmptyString,
      commissionedBy: Id,
      heldFrom: IsoDateC,
      participants: Participants,
      participantsPerOccasion: PositiveInteger,
      feePerParticipant: NonNegativeDecimal,
      benchmarkPricePerParticipant: NonNegativeDecimal,
    },
  ),
});

export const CourseCancelled = defineEvent({
  type: "courses.course-cancelled",
  description: "A scheduled course was cancelled, for a reason. A cancelled course takes no participants.",
  data: strictObject("CourseCancelled", { courseId: Id, reason: CancellationReason }, { note: NonEmptyString }),
});

const span = { from: IsoDateC, to: IsoDateC };

export const CourseRevenueRecorded = defineEvent({
  type: "courses.revenue-recorded",
  description: "Fees the course arranger took in during a period, optionally by payer: `byPayer` is keyed by a financing source, a built-in one (`kommunerna`, `staten`, `ovriga`) or one the log defined earlier with `finance.funding-source-defined`, and the revenue table names each by the source's name.",
  data: strictObject("CourseRevenueRecorded", { ...span, amount: DecimalString }, { byPayer: recordOf(DecimalString), knownTo: NonNegativeDecimal }),
});

export const CourseSummaryRecorded = defineEvent({
  type: "courses.period-summary-recorded",
  description:
    "The course register's totals for a period, for organisations that keep only those (Bilaga 2): courses held per commissioning party, participants per municipality / region / external, cancellations per reason. Each part is optional; individual courses inside the span are its detail and are not added to it.",
  data: strictObject(
    "CourseSummaryRecorded",
    span,
    {
      coursesHeld: NonNegativeInteger,
      coursesByCommissioner: recordOf(NonNegativeInteger),
      participantsTotal: NonNegativeInteger,
      participants: Participants,
      participantsByCommissioner: recordOf(NonNegativeInteger),
      cancelled: NonNegativeInteger,
      cancelledByReason: recordOf(NonNegativeInteger),
    },
  ),
});

/**
 * Who arranges the organisation's courses is a fact of the log, not of the code: an area of the
 * area tree (its name as in force at a report's end, renames followed) or, for a unit outside
 * the tree, its name. The course captions name it ("Deltagande på kurser som arrangerats av …");
 * without one in force they name no arranger.
 */
export const CourseArrangerNamed = defineEvent({
  type: "courses.arranger-named",
  description:
    "From the effective date, the courses of the course register are arranged by an area (`areaId`) or, outside the area tree, a unit named by `name` (exactly one of the two). The course appendix, the course revenue and the course slide name it; without one in force they name no arranger. A later one replaces it from its own date.",
  data: strictObject("CourseArrangerNamed", {}, { areaId: Id, name: NonEmptyString }),
});

export const coursesEvents = [CourseScheduled, CourseHeld, CourseCancelled, CourseRevenueRecorded, CourseSummaryRecorded, CourseArrangerNamed] as const;
