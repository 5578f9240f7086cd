import type { DataOf } from "../../events/definition.js";
import { defineProjection } from "../../projection/projection.js";
import { effectiveDateOf } from "../../time/effective.js";
import { FocusAreaEstablished, GoalEstablished, GoalRenamed } from "../../domains/strategy/events.js";
import { wordingDateOf } from "../../domains/strategy/wording.js";
import { AreaEstablished, AreaRenamed } from "../../domains/reference/events.js";

export interface ReportGoal {
  readonly goalId: string;
  readonly kind: "strategic" | "area";
  readonly number: string;
  readonly title: string;
  readonly parentGoalId: string | null;
}

export interface ReportFocusArea {
  readonly focusAreaId: string;
  readonly number: number;
  readonly title: string;
  /** The first and last year of the focus area's span. */
  readonly year: number;
  readonly toYear: number;
  readonly decidedOn: string | null;
  /** The area the focus area belongs to, or null for the whole organisation's. */
  readonly areaId: string | null;
}

export interface ReportGoalsResult {
  readonly goals: readonly ReportGoal[];
  /** Focus areas (fokusområden) whose span of years includes the year the period ends in, by number. */
  readonly focusAreas: readonly ReportFocusArea[];
  /** Area names as of the period's end, for captions of one area's focus areas. */
  readonly areaNames: Readonly<Record<string, string>>;
}

interface GoalsState {
  goals: Record<string, ReportGoal & { from: string }>;
  focusAreas: Record<string, ReportFocusArea>;
  areaNames: Record<string, string>;
}

/** The projection name the report runner adds for goal titles (chapter and section headings). */
export const REPORT_GOALS = "report-goals";

const byNumber = (a: ReportGoal, b: ReportGoal): number => compareSectionNumbers(a.number, b.number);

/** "2.10" after "2.9"; "Bilaga" numbers are not compared here. */
export const compareSectionNumbers = (a: string, b: string): number => {
  const left = a.split(".").map(Number);
  const right = b.split(".").map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
};

/** A focus area shows in every year of its span; a later establishment that moves the span off the report's year takes it away. */
const evolveFocusArea = (state: GoalsState, data: DataOf<typeof FocusAreaEstablished>, reportYear: number): void => {
  const { focusAreaId, number, title, year, toYear, decidedOn, areaId } = data;
  if (year <= reportYear && reportYear <= toYear) state.focusAreas[focusAreaId] = { focusAreaId, number, title, year, toYear, decidedOn: decidedOn ?? null, areaId: areaId ?? null };
  else delete state.focusAreas[focusAreaId];
};

/**
 * Strategic and area goals, read from the strategy domain's goal events: the report's chapter
 * and section headings, worded as in force on the report's wording date (`wordingDateOf`: the
 * period's end; a plan's first year's end). Goals established after it still title its sections
 * (a metric measured for 2019 under a goal set in 2020 keeps the goal's name); a later
 * establishment of the same goal wins only if it is effective by that date or nothing earlier is
 * known. A rename (`strategy.goal-renamed`) effective by that date rewords the goal, the latest
 * effective winning (ties by log order); reports for earlier periods keep the earlier wording.
 * Local to the report (read only).
 */
export const reportGoalsProjection = defineProjection<GoalsState, ReportGoalsResult>({
  name: REPORT_GOALS,
  description: "Strategic and area goals, worded as in force at the period's end (a plan's: its first year's end), for report headings.",
  // Revision 2: a goal's title may be a rename's, and its date the rename's.
  revision: 2,
  init: () => ({ goals: {}, focusAreas: {}, areaNames: {} }),
  evolve: (state, event, { period }) => {
    const date = effectiveDateOf(event.effectiveAt);
    if (date === undefined) return state;
    if (FocusAreaEstablished.is(event) && date <= period.end) evolveFocusArea(state, event.data, Number(period.end.slice(0, 4)));
    if ((AreaEstablished.is(event) || AreaRenamed.is(event)) && date <= period.end) state.areaNames[event.data.areaId] = event.data.name;
    const wordingDate = wordingDateOf(period);
    if (GoalRenamed.is(event)) {
      const known = state.goals[event.data.goalId];
      if (known !== undefined && date <= wordingDate && date >= known.from) state.goals[event.data.goalId] = { ...known, title: event.data.title, from: date };
      return state;
    }
    if (!GoalEstablished.is(event)) return state;
    const { goalId, kind, number, title, parentGoalId } = event.data;
    const known = state.goals[goalId];
    if (known !== undefined && date > wordingDate && known.from <= wordingDate) return state;
    state.goals[goalId] = { goalId, kind: kind === "area" ? "area" : "strategic", number, title, parentGoalId: parentGoalId ?? null, from: date };
    return state;
  },
  result: (state) => ({
    goals: Object.values(state.goals)
      .map(({ from: _from, ...goal }) => goal)
      .sort(byNumber),
    focusAreas: Object.values(state.focusAreas).sort((a, b) => a.number - b.number || (a.focusAreaId < b.focusAreaId ? -1 : 1)),
    areaNames: state.areaNames,
  }),
});

/** The chapter a strategic goal gets: chapter 1 is Inledning, so goal n is chapter n + 1. */
export const chapterOf = (goal: ReportGoal): string => (goal.kind === "strategic" ? String(Number(goal.number) + 1) : goal.number.split(".")[0] ?? goal.number);
