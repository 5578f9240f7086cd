import { planBaselineProjection } from "../../domains/plan/baseline.js";
import type { PlanMetric } from "../../domains/plan/strategy-part.js";
import { targetWords } from "./target-words.js";
import type { ReportBlock } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { defineSection, nothing, type BuiltSection, type Placement, type ReportBuildContext } from "../builders/context.js";
import { documentedPlan } from "./plan-cells.js";
import { planGoalTitle, planGoalWordingProjection } from "./goal-wording.js";

const placement = (slot: string, number: string, title: string, blocks: readonly ReportBlock[]): Placement[] => (blocks.length === 0 ? [] : [{ slot, number, title, blocks }]);

/**
 * A chapter's heading in the default layout (no outline adopted): a placement without blocks
 * names the chapter its sections fall under; an outline gives its own headings and ignores it.
 */
export const chapterHeading = (number: string, title: string, hasSections: boolean): Placement[] => (hasSections ? [{ slot: "plan-chapter", number, title, blocks: [] }] : []);

/** The plan's strategy in its introduction (vision, strategic goals, Agenda 2030, focus areas) and one goal–metric–activity table per strategic goal. */
const buildStrategy = (context: ReportBuildContext): BuiltSection => {
  const documented = documentedPlan(context);
  if (documented === undefined) return nothing;
  const { plan } = documented;
  const titleOf = planGoalTitle(context);
  const goals = plan.strategy.goals.map((goal) => ({ ...goal, title: titleOf(goal) }));
  const { focusAreas, metrics, activities } = plan.strategy;
  const strategic = goals.filter((goal) => goal.kind === "strategic");
  const vision = plan.vision === null ? [] : [{ kind: "paragraph" as const, markdown: [plan.vision.text, ...((plan.vision.points ?? []).length === 0 ? [] : [(plan.vision.points ?? []).map((point) => `- ${point}`).join("\n")])].join("\n\n") }];
  const goalList: ReportBlock[] = strategic.length === 0 ? [] : [{ kind: "paragraph", markdown: strategic.map((goal) => `${goal.number}. ${goal.title}`).join("\n") }];
  const linked = strategic.filter((goal) => goal.globalGoals.length > 0);
  const agenda: ReportBlock[] =
    linked.length === 0
      ? []
      : [table({ id: "plan-agenda-2030", caption: "Strategiska mål och de globala målen", align: ["left", "left"], head: [headerRow(["Strategiskt mål", "Globala mål"])], body: linked.map((goal) => row([textCell(goal.title), textCell(goal.globalGoals.join(", "))])) })];
  const focus: ReportBlock[] =
    focusAreas.length === 0
      ? []
      : [
          table({
            id: "plan-fokusomraden",
            caption: "Fokusområden",
            align: ["right", "left", "left", "left"],
            head: [headerRow(["Nr", "Fokusområde", "År", "Beslutat"])],
            body: focusAreas.map((area) => row([textCell(String(area.number)), textCell(area.title), textCell(area.fromYear === area.toYear ? `${area.fromYear}` : `${area.fromYear}–${area.toYear}`), textCell([area.decidedBy, area.decidedOn].filter((part) => part !== null).join(" "))])),
          }),
        ];
  const goalTables = strategic.flatMap((goal, index): Placement[] => {
    const areaGoals = goals.filter((each) => each.parentGoalId === goal.goalId);
    const rows = [goal, ...areaGoals].flatMap((each) => {
      const ownMetrics = metrics.filter((metric) => metric.goalId === each.goalId);
      const ownActivities = activities.filter((activity) => activity.goalId === each.goalId && activity.year === plan.detailedYear);
      if (each.kind === "strategic" && ownMetrics.length === 0 && ownActivities.length === 0) return [];
      const metricText = ownMetrics.map((metric) => `${metric.name}${targetOf(metric, plan.detailedYear)}`).join("; ");
      return [row([textCell(each.kind === "strategic" ? "" : each.title), textCell(metricText), textCell(ownActivities.map((activity) => activity.title).join("; "))])];
    });
    const blocks: ReportBlock[] = rows.length === 0 ? [] : [table({ id: `plan-mal-${goal.goalId}`, caption: `Mål, mätetal och aktiviteter ${plan.detailedYear}: ${goal.title.replace(/\.$/, "")}`, align: ["left", "left", "left"], head: [headerRow(["Mål (område)", "Mätetal", "Aktiviteter"])], body: rows })];
    return placement(`plan-goal-table:${goal.goalId}`, `3.${index + 1}`, goal.title.replace(/\.$/, ""), blocks);
  });
  return {
    placements: [
      ...placement("plan-vision", "1.2", "Vision", vision),
      ...placement("plan-strategic-goals", "1.3", "Strategiska mål", goalList),
      ...placement("plan-agenda-2030", "1.4", "Agenda 2030 och de 17 globala målen", agenda),
      ...placement("plan-focus-areas", "2.1", "Fokusområden", focus),
      ...goalTables,
      ...chapterHeading("2", "Nuläge och förutsättningar", focus.length > 0),
      ...chapterHeading("3", "Planering utifrån strategiska mål", goalTables.length > 0),
    ],
    appendices: [],
    evidence: {},
  };
};

const targetOf = (metric: PlanMetric, year: number): string => {
  const found = metric.targets.find((entry) => entry.year === year);
  const text = found === undefined ? "" : targetWords(found.target, metric);
  return text === "" ? "" : ` (mål ${year}: ${text})`;
};

export const planStrategySections = defineSection({ name: "plan-strategy", reads: [planBaselineProjection, planGoalWordingProjection], build: buildStrategy });
