import { Id, IsoDateC, NonEmptyString, PositiveInteger, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";

export const DocumentKind = oneOf("DocumentKind", ["tertialrapport", "delarsrapport", "verksamhetsberattelse", "verksamhetsplan"]);

/**
 * The blocks an outline can place: each names one part the report builders know how to fill.
 * `narrative` takes the section key the narratives were written for; `metric-table` and
 * `activity-table` take a goal.
 */
export const OUTLINE_BLOCKS = [
  "narrative",
  "focus-areas",
  "staff",
  "cost-effectiveness",
  "grants",
  "attendance",
  "metric-table",
  "activity-table",
  "economy-tables",
  "research-studies",
  "research-dissemination",
  "research-scholarships",
  "research-doctoral-students",
  "symbol-legend",
  "course-participation",
  "survey-results",
  // A plan's blocks (verksamhetsplan): `plan-goal-table` takes a strategic goal, `plan-area` an area id as its section.
  "plan-vision",
  "plan-strategic-goals",
  "plan-agenda-2030",
  "plan-staff",
  "plan-focus-areas",
  "plan-goal-table",
  "plan-budget",
  "plan-budget-years",
  "plan-available-funds",
  "plan-area",
  "plan-multi-year",
  "plan-budget-appendix",
  // A follow-up's plan columns: budget as adopted against outcome and forecast, avvikelse in kr and %.
  "plan-budget-outcome",
  // A goal's metrics (takes the goal) with the target the plan set for the report's year beside their own target and result.
  "plan-metric-targets",
  // The plan's activities of the year by status, listed, and those moved to a later year.
  "plan-activities",
] as const;

export const OutlineBlockKind = oneOf("OutlineBlockKind", OUTLINE_BLOCKS);

/** `area` narrows a block to one area's own (the focus areas of one area); without it the block shows the whole organisation's. */
const blockRefOptional = { goalId: Id, section: NonEmptyString, area: Id };
const OutlineBlockRefV1 = strictObject("OutlineBlockRef", { block: OutlineBlockKind }, blockRefOptional);

/** Columns a block can add where the outline asks: `plan-target` puts the plan's target for the report's year into a `metric-table`. */
export const OUTLINE_COLUMNS = ["plan-target"] as const;
export const OutlineColumn = oneOf("OutlineColumn", OUTLINE_COLUMNS);

/** Version 2 adds `columns`: extra columns the block shows (the plan's target in a metric table). */
export const OutlineBlockRef = strictObject("OutlineBlockRef", { block: OutlineBlockKind }, { ...blockRefOptional, columns: listOf(OutlineColumn, 1) });

/** A numbered section: its heading (or the bound goal's title), the blocks it shows, and a printed number only when pinned on purpose. */
const OutlineSectionV1 = strictObject("OutlineSection", { blocks: listOf(OutlineBlockRefV1, 1) }, { heading: NonEmptyString, goalId: Id, pinnedNumber: NonEmptyString });

/** A subsection (third heading level, "4.1.1"): the shape a section had in version 1. */
export const OutlineSubsection = strictObject("OutlineSubsection", { blocks: listOf(OutlineBlockRef, 1) }, { heading: NonEmptyString, goalId: Id, pinnedNumber: NonEmptyString });

/**
 * Version 2: a section may nest subsections ("4.1" with "4.1.1" … under it), and then needs no
 * blocks of its own; the rule `outline-integrity` asks for blocks or subsections.
 */
export const OutlineSection = strictObject("OutlineSection", {}, { heading: NonEmptyString, goalId: Id, pinnedNumber: NonEmptyString, blocks: listOf(OutlineBlockRef), subsections: listOf(OutlineSubsection, 1) });

/** A chapter: bound to a strategic goal or given a heading; blocks before its first section (the chapter's introduction), then sections. */
const chapterOptional = { heading: NonEmptyString, goalId: Id, pinnedNumber: NonEmptyString };
const OutlineChapterV1 = strictObject("OutlineChapter", { sections: listOf(OutlineSectionV1) }, { ...chapterOptional, blocks: listOf(OutlineBlockRefV1) });
export const OutlineChapter = strictObject("OutlineChapter", { sections: listOf(OutlineSection) }, { ...chapterOptional, blocks: listOf(OutlineBlockRef) });

const OutlineAppendixV1 = strictObject("OutlineAppendix", { blocks: listOf(OutlineBlockRefV1, 1) }, { heading: NonEmptyString });
export const OutlineAppendix = strictObject("OutlineAppendix", { blocks: listOf(OutlineBlockRef, 1) }, { heading: NonEmptyString });

export const EmptySections = oneOf("EmptySections", ["omit", "say-nothing-reported"]);

/** "computed" numbers the tables in print order (the default); "as-built" pins the numbers the table blocks carry. */
export const TableNumbers = oneOf("TableNumbers", ["computed", "as-built"]);

export const OrganisationProfiled = defineEvent({
  type: "publication.organisation-profiled",
  description: "Who publishes the reports: the organisation's name, its unit, county, the responsible body and address, as printed on the cover, from the effective date: a report prints the profile in force at its period's end (a plan: at its first year's end), the latest effective by then (ties: the later recorded); a profile from 2026 leaves the 2025 reports' covers as they were. Before the first profile takes effect, the earliest is printed.",
  data: strictObject("OrganisationProfiled", { name: NonEmptyString }, { unit: NonEmptyString, county: NonEmptyString, responsibleBody: NonEmptyString, address: NonEmptyString }),
});

const outlineOptional = { emptySections: EmptySections, tableNumbers: TableNumbers };
const OutlineAdoptedV1 = strictObject("OutlineAdopted", { outlineId: Id, documentKind: DocumentKind, fromYear: PositiveInteger, chapters: listOf(OutlineChapterV1, 1) }, { appendices: listOf(OutlineAppendixV1), ...outlineOptional });

/**
 * Version 2 lets a section nest subsections (three heading levels: chapter, section, subsection)
 * and a block ask for extra columns (`columns`). A version 1 outline is a version 2 outline with
 * neither, so it is lifted unchanged.
 */
export const OutlineAdopted = defineEvent({
  type: "publication.outline-adopted",
  description:
    "The outline (disposition) of one document kind from a given year on: chapters bound to strategic goals or headed, sections bound to blocks (introduction, examples, metric and activity tables, analysis, economy, staff, research, appendices) with the organisation's own headings, and subsections under a section (a third heading level, 4.1.1); a metric table can ask for the plan's target as a column (`columns: [\"plan-target\"]`). Numbers are computed unless pinned; empty sections are left out or say that nothing is reported.",
  data: strictObject("OutlineAdopted", { outlineId: Id, documentKind: DocumentKind, fromYear: PositiveInteger, chapters: listOf(OutlineChapter, 1) }, { appendices: listOf(OutlineAppendix), ...outlineOptional }),
  older: [{ version: 1, data: OutlineAdoptedV1, upcast: unchanged }],
});

export const DocumentRegistered = defineEvent({
  type: "publication.document-registered",
  description: "A report as a document of record: its kind, the period it covers (e.g. 2020-T1..T2, 2020), registration number (Dnr), decision date and deciding body, for the cover.",
  data: strictObject("DocumentRegistered", { documentId: Id, documentKind: DocumentKind, periodEnd: IsoDateC }, { registrationNumber: NonEmptyString, decidedOn: IsoDateC, decidedBy: NonEmptyString, title: NonEmptyString }),
});

export const publicationEvents = [OrganisationProfiled, OutlineAdopted, DocumentRegistered] as const;
