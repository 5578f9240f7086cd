import type { CostReductionResult, CoursesResult } from "../../domains/courses/projections.js";
import type { FundingSource } from "../../domains/finance/funding-sources.js";
import { courseCostReductionProjection, coursesProjection } from "../../domains/courses/projections.js";
import type { ReportCell, ReportTable } from "../document/blocks.js";
import {
  coursesBenchmarkPrice,
  coursesCostReductionPerCourse,
  coursesCostReductionPerParticipant,
  coursesCostReductionShare,
  coursesCostReductionTotal,
  coursesCostReductionTotalShare,
  coursesFeePerParticipant,
  coursesParticipantsPerOccasion,
  coursesRevenue,
} from "../../domains/courses/figures.js";
import type { UnitId } from "../../numbers/units.js";
import { blankCell, definedCell, headerRow, row, table, textCell } from "./cells.js";
import { placed, resultOf, type BuiltSection, type ReportBuildContext, defineSection } from "./context.js";
import { publicationProjection } from "../../domains/publication/publication.js";
import { genitive } from "./organisation.js";
import { referenceProjection } from "../../domains/reference/projection.js";
import { courseArrangerName } from "./course-arranger.js";

/** Section 2.1: examples of cost-effective activities, where the course tables of the interim report stand. */
export const COST_EFFECTIVENESS_SECTION = "2.1";
/** The house heading where no outline gives one; an organisation's own wording ("… för länets kommuner") belongs in its outline. */
const titleFor = (organisation: string | undefined): string =>
  organisation === undefined ? "Exempel på aktiviteter som innebär en hög kostnadseffektivitet" : `Exempel på aktiviteter inom ${genitive(organisation)} verksamhet som innebär en hög kostnadseffektivitet`;

/** The organisation's name as its profile gives it, if the log holds one. */
const organisationOf = (context: ReportBuildContext): string | undefined => resultOf(context, publicationProjection)?.profile?.name;

const withMarks = (cell: ReportCell, marks: readonly string[]): ReportCell => (marks.length === 0 ? cell : { ...cell, marks: [...cell.marks, ...marks] });

const DERIVED = "¹";
const LEFT_OUT = "²";

/**
 * A row's participants per occasion may be derived (participants ÷ occasions: marked, and said
 * below the table) or unknown (its per-course cells blank, the row left out of the totals, and
 * the footnote names it): a course is never dropped from the table in silence.
 */
const reductionFootnotes = (result: CostReductionResult): ReportTable["footnotes"] => {
  const derived = result.rows.some((course) => course.participantsPerOccasionBasis === "derived");
  const leftOut = result.rows.filter((course) => result.leftOutOfTotals.includes(course.courseId)).map((course) => course.title);
  return [
    ...(derived ? [{ mark: DERIVED, markdown: "Beräknat som kursens deltagare delat med antalet kurstillfällen." }] : []),
    ...(leftOut.length === 0 ? [] : [{ mark: LEFT_OUT, markdown: `Uppgift om antal deltagare per kurstillfälle saknas för ${leftOut.join(", ")}, som därför inte ingår i totalen.` }]),
  ];
};

const costReductionTable = (context: ReportBuildContext, result: CostReductionResult): ReportTable | null => {
  if (result.rows.length === 0) return null;
  const key = (what: string, courseId?: string): string => `course-cost-reduction.${what}@${result.period}${courseId === undefined ? "" : `/course=${courseId}`}`;
  const per = (figure: typeof coursesFeePerParticipant, what: string, course: string, unit: UnitId) => definedCell(context, figure, { course }, { key: key(what, course), unit });
  return table({
    id: "kostnadsreducering",
    caption: "Tabell 1 Exempel på kostnadsreducering som olika kurser genererar för länets kommuner",
    align: ["left", "right", "right", "right", "right", "right", "right"],
    head: [
      headerRow([
        "Kurs",
        `Kostnad per deltagare via ${organisationOf(context) ?? "organisationen"}`,
        "Antal deltagare per kurstillfälle",
        "Kostnad per deltagare via extern kurssamordnare",
        "Kostnadsreducering per deltagare",
        "Kostnadsreducering per kurs",
        "Kostnadsreducering i %",
      ]),
    ],
    body: result.rows.map((course) =>
      row([
        textCell(course.title, result.leftOutOfTotals.includes(course.courseId) ? [LEFT_OUT] : []),
        per(coursesFeePerParticipant, "fee", course.courseId, "kr"),
        withMarks(per(coursesParticipantsPerOccasion, "participants-per-occasion", course.courseId, "count"), course.participantsPerOccasionBasis === "derived" ? [DERIVED] : []),
        per(coursesBenchmarkPrice, "benchmark", course.courseId, "kr"),
        per(coursesCostReductionPerParticipant, "per-participant", course.courseId, "kr"),
        per(coursesCostReductionPerCourse, "per-course", course.courseId, "kr"),
        per(coursesCostReductionShare, "share", course.courseId, "percent"),
      ]),
    ),
    foot: [
      row([
        textCell("Total kostnadsreducering för samtliga av de ovan angivna kurserna", result.leftOutOfTotals.length === 0 ? [] : [LEFT_OUT]),
        blankCell(),
        blankCell(),
        blankCell(),
        blankCell(),
        definedCell(context, coursesCostReductionTotal, {}, { key: key("total"), unit: "kr" }),
        definedCell(context, coursesCostReductionTotalShare, {}, { key: key("total-share"), unit: "percent" }),
      ]),
    ],
    footnotes: reductionFootnotes(result),
  });
};

/** How the first organisation's tables word two built-in payers; any other payer is named by its financing source's name ("från regionen"). */
const BUILT_IN_PAYER_WORDING: Readonly<Record<string, string>> = { kommunerna: "deltagaravgifter från länets kommuner", ovriga: "från övriga" };

const revenueTable = (context: ReportBuildContext, courses: CoursesResult): ReportTable | null => {
  const arranger = courseArrangerName(courses, resultOf(context, referenceProjection));
  const revenue = courses.revenue;
  if (revenue === null) return null;
  const key = (what: string): string => `courses.revenue@${courses.period}${what}`;
  const payerLabel = (payer: FundingSource): string => `varav ${BUILT_IN_PAYER_WORDING[payer.id] ?? `från ${payer.name}`}`;
  return table({
    id: "kursintakter",
    caption: arranger === null ? "Kursintäkter under perioden" : `${arranger}: intäkter under perioden`,
    align: ["left", "right"],
    head: [headerRow(["", "Kronor"])],
    body: [
      row([textCell("Intäkter totalt"), definedCell(context, coursesRevenue, {}, { key: key(""), unit: "kronor" })]),
      ...revenue.payers.map((payer) => row([textCell(payerLabel(payer)), definedCell(context, coursesRevenue, { payer: payer.id }, { key: key(`/payer=${payer.id}`), unit: "kronor" })])),
    ],
  });
};

/** Tabell 1 (cost reduction per course, weighted total share) and the course arranger's revenue, in 2.1. */
const buildCostEffectivenessSection = (context: ReportBuildContext): BuiltSection => {
  const reduction = resultOf(context, courseCostReductionProjection);
  const courses = resultOf(context, coursesProjection);
  const blocks = [reduction === undefined ? null : costReductionTable(context, reduction), courses === undefined ? null : revenueTable(context, courses)].filter((block): block is ReportTable => block !== null);
  const evidence: Record<string, readonly string[]> = {};
  if (reduction !== undefined) evidence["course-cost-reduction."] = reduction.rows.flatMap((course) => course.evidence);
  if (courses?.revenue !== undefined && courses.revenue !== null) evidence["courses.revenue"] = courses.revenue.evidence;
  return placed("cost-effectiveness", COST_EFFECTIVENESS_SECTION, titleFor(organisationOf(context)), blocks, evidence);
};

export const costEffectivenessSection = defineSection({
  name: "cost-effectiveness",
  reads: [publicationProjection, referenceProjection],
  figures: [coursesFeePerParticipant, coursesParticipantsPerOccasion, coursesBenchmarkPrice, coursesCostReductionPerParticipant, coursesCostReductionPerCourse, coursesCostReductionShare, coursesCostReductionTotal, coursesCostReductionTotalShare, coursesRevenue],
  build: buildCostEffectivenessSection,
});
