import * as t from "io-ts";
import { DecimalString, Id, IsoDateC, NonEmptyString, NonNegativeDecimal, PositiveInteger, ShortName, describe, listOf, oneOf, recordOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";

export const GoalKind = oneOf("GoalKind", ["strategic", "area"]);

const goalRequired = { goalId: Id, kind: GoalKind, number: NonEmptyString, title: NonEmptyString };
const goalOptional = { parentGoalId: Id, areaId: Id };
const GoalEstablishedV1 = strictObject("GoalEstablishedV1", goalRequired, goalOptional);

/** Version 2 adds `shortTitle`; version 1 lines have none and are lifted unchanged. */
export const GoalEstablished = defineEvent({
  type: "strategy.goal-established",
  description:
    "A strategic goal (numbered 1, 2, 3 … as far as the organisation's goals go) or an area goal under one (numbered by its report section: \"2.2\" is the second area goal of the chapter of strategic goal 1, the goal's number plus one), from the effective date. To reword a goal from a date, record `strategy.goal-renamed`; a `supersedes` correction rewrites every report as known now. Version 2 adds an optional `shortTitle` (not blank, at most 80 characters): how a tight heading, such as a slide's, words the goal when the organisation shortens it there (\"Vi har en ändamålsenlig …\" for \"Vår verksamhet ska leda till en ändamålsenlig …\"); without it the heading is `title`.",
  data: strictObject("GoalEstablished", goalRequired, { ...goalOptional, shortTitle: ShortName }),
  older: [{ version: 1, data: GoalEstablishedV1, upcast: unchanged }],
});

export const GoalRenamed = defineEvent({
  type: "strategy.goal-renamed",
  description:
    "A goal established earlier takes a new wording (`title`, and `shortTitle` for a tight heading such as a slide's; without it the new title is the heading) from the effective date: reports, slides and plans whose wording date (a follow-up's period end; a plan's first year's end) falls on or after it print the new wording, those for earlier periods keep the old. The goal's number, kind and parent stay. A rename takes effect on or after the date the goal is established from (an earlier one would reword nothing, and is refused).",
  data: strictObject("GoalRenamed", { goalId: Id, title: NonEmptyString }, { shortTitle: ShortName }),
});

const FocusAreaEstablishedV1 = strictObject("FocusAreaEstablishedV1", { focusAreaId: Id, number: PositiveInteger, title: NonEmptyString, year: PositiveInteger }, { decidedOn: IsoDateC });

/**
 * Version 2 gives a focus area a span of years (`year` is its first, `toYear` its last; kept as
 * `year` so readers of version 1 still find the first year) and may scope it to one area.
 * Version 1 lines are lifted to a span of their one year.
 */
export const FocusAreaEstablished = defineEvent({
  type: "strategy.focus-area-established",
  description:
    "A focus area (fokusområde) for the years `year`..`toYear`, decided by a body (PKS and kommundirektörer) on a date, for the whole organisation or for one area; narratives and planned activities are tagged with it.",
  data: strictObject(
    "FocusAreaEstablished",
    { focusAreaId: Id, number: PositiveInteger, title: NonEmptyString, year: PositiveInteger, toYear: PositiveInteger },
    { decidedOn: IsoDateC, decidedBy: NonEmptyString, areaId: Id },
  ),
  older: [{ version: 1, data: FocusAreaEstablishedV1, upcast: (data: t.TypeOf<typeof FocusAreaEstablishedV1>) => ({ ...data, toYear: data.year }) }],
});

export const GoalLinkedToAgenda2030 = defineEvent({
  type: "strategy.goal-linked-to-agenda-2030",
  description: "The global goals of Agenda 2030 (1–17) a strategic goal is linked to, as the plan shows them; a later link event replaces the list.",
  data: strictObject("GoalLinkedToAgenda2030", { goalId: Id, globalGoals: listOf(PositiveInteger) }),
});

export const METRIC_UNITS = ["percent", "kronor", "kr", "tkr", "st", "courses", "participants", "count"] as const;
export const MetricUnit = oneOf("MetricUnit", METRIC_UNITS);
export type MetricUnit = t.TypeOf<typeof MetricUnit>;

export const Direction = oneOf("Direction", ["higher-is-better", "lower-is-better"]);
export type Direction = t.TypeOf<typeof Direction>;

export const COMPARISONS = ["same-period-last-year", "previous-year", "previous-tertial"] as const;
export const ComparisonC = oneOf("Comparison", COMPARISONS);

/** A figure another module computes, by key and parameters (see FigureSource). */
export const FigureRef = strictObject("FigureRef", { key: NonEmptyString }, { params: recordOf(t.string) });
export type FigureRef = t.TypeOf<typeof FigureRef>;

const FixedTarget = strictObject("FixedTarget", { kind: t.literal("fixed"), value: DecimalString });
/** "At least 50 % of the 8 applications": the report prints the base (8 st.) in the target column. */
const ShareOfBaseTarget = strictObject("ShareOfBaseTarget", { kind: t.literal("share-of-base"), share: NonNegativeDecimal }, { base: FigureRef });
/** The same period's result last year (78 kurser in H1 2019 for H1 2020). */
const LastYearTarget = strictObject("LastYearTarget", { kind: t.literal("same-period-last-year") });
const NoTarget = strictObject("NoTarget", { kind: t.literal("none") });

export const Target = describe(t.union([FixedTarget, ShareOfBaseTarget, LastYearTarget, NoTarget]), 'a target: {kind:"fixed",value} | {kind:"share-of-base",share,base?} | {kind:"same-period-last-year"} | {kind:"none"}', {
  anyOf: [FixedTarget.jsonSchema, ShareOfBaseTarget.jsonSchema, LastYearTarget.jsonSchema, NoTarget.jsonSchema],
});
export type Target = t.TypeOf<typeof Target>;

const FromFigure = strictObject("FromFigure", { from: t.literal("figure"), key: NonEmptyString }, { params: recordOf(t.string) });
const FromRecorded = strictObject("FromRecorded", { from: t.literal("recorded") });
/** Where a metric's result comes from: a projection's figure, or `metric result recorded` events (measured outside). */
export const ResultSource = describe(t.union([FromFigure, FromRecorded]), 'a result source: {from:"figure",key,params?} | {from:"recorded"}', {
  anyOf: [FromFigure.jsonSchema, FromRecorded.jsonSchema],
});
export type ResultSource = t.TypeOf<typeof ResultSource>;

export const MeasuredOver = oneOf("MeasuredOver", ["report-period", "first-half-year"]);

const metricRequired = { metricId: Id, goalId: Id, name: NonEmptyString, unit: MetricUnit, dataSource: NonEmptyString, frequency: oneOf("Frequency", ["per-meeting", "tertial", "half-year", "year"]), direction: Direction, target: Target, result: ResultSource };
const metricOptional = { partialThreshold: NonNegativeDecimal, comparisons: listOf(ComparisonC), trendAgainst: ComparisonC, measuredOver: MeasuredOver, areaId: Id, order: PositiveInteger };
const MetricDefinedV1 = strictObject("MetricDefinedV1", metricRequired, metricOptional);

/** One year's target of a metric, as a plan sets it. */
export const YearTarget = strictObject("YearTarget", { year: PositiveInteger, target: Target });
export type YearTarget = t.TypeOf<typeof YearTarget>;

const MetricDefinedV2 = strictObject("MetricDefinedV2", metricRequired, { ...metricOptional, targets: listOf(YearTarget) });
const MetricDefinedV3 = strictObject("MetricDefinedV3", metricRequired, { ...metricOptional, targets: listOf(YearTarget), shortName: ShortName });

/**
 * How a result measured over part of a year (a tertial, January–August) is held against the
 * year's target: against the whole year's target (the default), against the target scaled by the
 * part of the year the result covers, or not at all before the measured period reaches the year's end.
 */
export const PART_YEAR_JUDGEMENTS = ["year-target", "pro-rata", "year-end-only"] as const;
export const PartYearJudgement = oneOf("PartYearJudgement", PART_YEAR_JUDGEMENTS);
export type PartYearJudgement = t.TypeOf<typeof PartYearJudgement>;

/**
 * Version 2 adds `targets`, one per year as a plan sets them; `target` stays the target of any
 * year without its own (so follow-ups of version 1 logs read the same). Version 3 adds
 * `shortName`, version 4 `partYearJudgement`. Lines of versions 1 to 3 lack the fields they did
 * not have and are lifted unchanged (a metric without `partYearJudgement` is judged against the
 * year's target, as before).
 */
export const MetricDefined = defineEvent({
  type: "strategy.metric-defined",
  description:
    "A metric (mätetal) of a goal: unit, data source, frequency, direction, target and its kind, the targets per year a plan sets (`targets`, each year at most once; `target` is for the other years), where the result comes from, which comparisons are shown and which one the trend is against. `partialThreshold` (default 0.5) is the share of the target a result must reach to be \"delvis uppfyllt\". A value of a `percent` metric is written as a fraction: 0.75 for 75 % (a value above 1 is more than 100 %, as growth may be, so 75 means 7 500 %). Version 3 adds an optional `shortName` (not blank, at most 80 characters): how a slide's row names the metric (\"PKS\" for \"Närvaro vid PKS sammanträden.\"); without it the row is `name` without its closing full stop. Version 4 adds an optional `partYearJudgement`: how a result measured over part of the year (a tertial report, the interim report January–August) is held against the year's target to derive its status. `\"year-target\"` (the default) holds it against the whole year's target (3 of 14 courses after T1 is \"inte uppfyllt\"); `\"pro-rata\"` against the year's target scaled by the days the measured period covers of the year's days (14 × 121/366 for January–April 2020), printing the year's target with a footnote that gives the scaled one, on which, as on every target, the status is judged as the unit prints it (13 × 121/366 ≈ 4,3 prints as 4 kurser, so 4 courses meet it; the audit's derivation says so); `\"year-end-only\"` derives no status (no symbol) until the measured period ends on 31 December, and is judged as usual then, with a footnote where no authored status stands in its place (it is refused for a metric `measuredOver` the first half-year, which never reaches the year's end). Only a flow is pro-rated: a fixed target of a metric counted or summed over the period. A `percent` metric is a level, not a sum, and is never pro-rated (`\"pro-rata\"` on one is refused); a share-of-base target or one of the same period last year is already the measured period's own, and is held as it is. An authored `strategy.metric-status-assessed` overrides the derived status in every mode.",
  data: strictObject("MetricDefined", metricRequired, { ...metricOptional, targets: listOf(YearTarget), shortName: ShortName, partYearJudgement: PartYearJudgement }),
  older: [
    { version: 1, data: MetricDefinedV1, upcast: unchanged },
    { version: 2, data: MetricDefinedV2, upcast: unchanged },
    { version: 3, data: MetricDefinedV3, upcast: unchanged },
  ],
});

export const MetricResultRecorded = defineEvent({
  type: "strategy.metric-result-recorded",
  description: "A metric's result for a period (from..to) measured outside Tertial, or a base printed with it; the effective date lies inside the period.",
  data: strictObject("MetricResultRecorded", { metricId: Id, from: IsoDateC, to: IsoDateC, value: DecimalString }, { base: DecimalString, note: NonEmptyString }),
});

/** Bilaga 1: met = uppfyllt, partly-met = delvis uppfyllt, not-met = inte uppfyllt, no-result = inget resultat (the report layer's codes). */
export const METRIC_STATUS_CODES = ["met", "partly-met", "not-met", "no-result"] as const;
export const MetricStatusCode = oneOf("MetricStatusCode", METRIC_STATUS_CODES);
export type MetricStatusCode = t.TypeOf<typeof MetricStatusCode>;

export const MetricStatusAssessed = defineEvent({
  type: "strategy.metric-status-assessed",
  description: "An authored status for a metric and period that overrides the derived one; reports show both when they differ.",
  data: strictObject("MetricStatusAssessed", { metricId: Id, from: IsoDateC, to: IsoDateC, status: MetricStatusCode }, { comment: NonEmptyString }),
});

export const MetricResultDescribed = defineEvent({
  type: "strategy.metric-result-described",
  description: "What a metric's result for a period (from..to) means, in the organisation's words (Beskrivning av resultat): printed in the metric table's description column beside the result measured over exactly that span (a January–August text in the interim report, not beside the whole year's result in the annual report); a figure written as `{{figure.key param=value …}}` is computed from the facts when the report is built.",
  data: strictObject("MetricResultDescribed", { metricId: Id, from: IsoDateC, to: IsoDateC, markdown: NonEmptyString }),
});

export const strategyEvents = [GoalEstablished, GoalRenamed, FocusAreaEstablished, GoalLinkedToAgenda2030, MetricDefined, MetricResultRecorded, MetricStatusAssessed, MetricResultDescribed] as const;
