import { activitiesProjection, type ActivitiesResult } from "../../domains/activities/activities.js";
import { ACTIVITY_STATUS_CODES } from "../../domains/activities/events.js";
import { planBaselineProjection, type PlanBaselineResult } from "../../domains/plan/baseline.js";
import { planActivities, planActivitiesMoved } from "../../domains/plan/follow-up-figures.js";
import { planFor } from "../../domains/plan/plan-select.js";
import type { ReportTable } from "../document/blocks.js";
import { ACTIVITY_STATUS_SYMBOLS } from "../document/symbols.js";
import { definedCell, headerRow, reportFigureKey, row, table, textCell } from "../builders/cells.js";
import { defineSection, nothing, placed, resultOf, type BuiltSection, type ReportBuildContext } from "../builders/context.js";

/** After the introduction's own sections: the plan's activities are an overview of the year, not one goal's. */
export const PLAN_ACTIVITIES_SECTION = "1.9";

type Evidence = Record<string, readonly string[]>;

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The year's planned activities counted by status (only the statuses some activity has), with the total. */
const byStatus = (context: ReportBuildContext, activities: ActivitiesResult, year: number, evidence: Evidence): ReportTable => {
  const place = (status?: string) => ({ key: reportFigureKey("plan-activities.count", context.period.name, status === undefined ? {} : { status }), unit: "count" as const, evidence });
  const present = ACTIVITY_STATUS_CODES.filter((status) => activities.activities.some((activity) => activity.status === status));
  return table({
    id: "plan-aktiviteter-status",
    caption: `Planerade aktiviteter ${year} efter status`,
    align: ["left", "right"],
    head: [headerRow(["Status", "Antal"])],
    body: present.map((status) => row([textCell(`${ACTIVITY_STATUS_SYMBOLS[status].symbol} ${capitalised(ACTIVITY_STATUS_SYMBOLS[status].label)}`), definedCell(context, planActivities, { status }, place(status))])),
    foot: [row([textCell("Summa"), definedCell(context, planActivities, {}, place())])],
  });
};

const areaName = (baseline: PlanBaselineResult, areaId: string | null): string => (areaId === null ? "" : (baseline.areaNames[areaId]?.name ?? areaId));

/** Each planned activity of the year with its area and its status at the period's end; each row names the plan and the activity's id there. */
const list = (activities: ActivitiesResult, baseline: PlanBaselineResult, year: number): ReportTable =>
  table({
    id: "plan-aktiviteter",
    caption: `Planerade aktiviteter ${year}`,
    align: ["left", "left", "left"],
    head: [headerRow(["Aktivitet", "Område", "Status"])],
    body: activities.activities.map((activity) => ({
      ...row([textCell(activity.title), textCell(areaName(baseline, activity.areaId)), textCell(capitalised(ACTIVITY_STATUS_SYMBOLS[activity.status].label))]),
      ...(activity.planId === null ? {} : { plannedActivity: { planId: activity.planId, activityId: activity.activityId } }),
    })),
  });

/** The activities planned for the year and moved on, with the year they were moved to and their count. */
const moved = (context: ReportBuildContext, activities: ActivitiesResult, year: number, evidence: Evidence): ReportTable =>
  table({
    id: "plan-aktiviteter-flyttade",
    caption: `Aktiviteter planerade ${year} och flyttade till kommande år`,
    align: ["left", "right"],
    head: [headerRow(["Aktivitet", "Flyttad till"])],
    body: activities.movedOut.map((activity) => row([textCell(activity.title), textCell(String(activity.toYear))])),
    foot: [row([textCell("Antal"), definedCell(context, planActivitiesMoved, {}, { key: reportFigureKey("plan-activities.moved", context.period.name), unit: "count", evidence })])],
  });

/**
 * A follow-up's planned activities (block `plan-activities`): the plan's activities of the year
 * counted by status, listed with their status, and those moved to a later year. Nothing when
 * the log has no plan for the year or the plan has no activities.
 */
const buildPlanActivities = (context: ReportBuildContext): BuiltSection => {
  const baseline = resultOf(context, planBaselineProjection);
  const activities = resultOf(context, activitiesProjection);
  if (baseline === undefined || activities === undefined || planFor(baseline, undefined) === undefined) return nothing;
  const evidence: Evidence = {};
  const blocks: ReportTable[] = [
    ...(activities.activities.length === 0 ? [] : [byStatus(context, activities, baseline.year, evidence), list(activities, baseline, baseline.year)]),
    ...(activities.movedOut.length === 0 ? [] : [moved(context, activities, baseline.year, evidence)]),
  ];
  return placed("plan-activities", PLAN_ACTIVITIES_SECTION, "Planerade aktiviteter", blocks, evidence);
};

export const planActivitiesSection = defineSection({
  name: "plan-activities",
  figures: [planActivities, planActivitiesMoved],
  reads: [planBaselineProjection, activitiesProjection],
  build: buildPlanActivities,
});
