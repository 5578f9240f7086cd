import { describe, expect, it } from "vitest";
import type { EventDraft } from "@tertial/core";
import { PLAN, issuePaths } from "./support.js";

const at = "2021-12-31";
const cost = (data: Record<string, unknown> = {}): EventDraft => ({ type: "plan.cost-planned", effectiveAt: at, data: { planId: PLAN, areaId: "social", year: 2022, amount: "1000", basis: "net", ...data } });
const metric = (data: Record<string, unknown> = {}): EventDraft => ({
  type: "strategy.metric-defined",
  effectiveAt: "2022-01-01",
  data: { metricId: "m1", goalId: "mal-1", name: "M", unit: "percent", dataSource: "enkät", frequency: "year", direction: "higher-is-better", target: { kind: "none" }, result: { from: "recorded" }, ...data },
});
const focus: EventDraft = { type: "strategy.focus-area-established", effectiveAt: "2021-01-01", data: { focusAreaId: "f1", number: 1, title: "F", year: 2021, toYear: 2023 } };
const activity = (data: Record<string, unknown> = {}): EventDraft => ({ type: "activities.activity-planned", effectiveAt: "2022-01-01", data: { activityId: "a1", title: "A", goalId: "mal-1", year: 2022, planId: PLAN, ...data } });

describe("plan integrity", () => {
  it("accepts plan facts of a known plan, area and year", async () => {
    expect(await issuePaths([cost(), cost({ year: 2021 }), cost({ year: 2024, areaId: "stab", basis: "gross" })])).toEqual([]);
  });

  it("refuses an unknown plan, area, year outside the plan, funder, goal, programme or project", async () => {
    expect(await issuePaths([cost({ planId: "nej" })])).toEqual(["data.planId"]);
    // An unknown plan does not hide the fact's other unknown references: one run names them all.
    expect(await issuePaths([cost({ planId: "nej", areaId: "nej" })])).toEqual(["data.planId", "data.areaId"]);
    expect(await issuePaths([cost({ areaId: "nej" })])).toEqual(["data.areaId"]);
    expect(await issuePaths([cost({ year: 2025 })])).toEqual(["data.year"]);
    expect(await issuePaths([cost({ year: 2020 })])).toEqual(["data.year"]);
    expect(await issuePaths([{ type: "plan.staff-planned", effectiveAt: at, data: { planId: PLAN, lineId: "l", year: 2022, areaIds: ["social", "nej"], fte: "1", staffClass: "fou", projectId: "p" } }])).toEqual([
      "data.areaIds[1]",
      "data.projectId",
    ]);
    expect(await issuePaths([{ type: "plan.project-registered", effectiveAt: at, data: { planId: PLAN, projectId: "p", name: "P", kind: "assignment", goalId: "nej", funderId: "nej" } }])).toEqual(["data.funderId", "data.goalId"]);
    expect(await issuePaths([{ type: "plan.pass-through-planned", effectiveAt: at, data: { planId: PLAN, year: 2022, recipients: "Kommunerna", purpose: "X", programmeId: "nej" } }])).toEqual(["data.programmeId"]);
  });

  it("refuses a second adoption of the same plan unless it supersedes, and a plan whose years do not fit", async () => {
    const adopted = { planId: PLAN, kind: "verksamhetsplan", title: "VP", fromYear: 2022, toYear: 2024, detailedYear: 2022 };
    expect(await issuePaths([{ type: "plan.adopted", effectiveAt: at, data: adopted }])).toEqual(["data.planId"]);
    expect(await issuePaths([{ type: "plan.adopted", effectiveAt: at, data: { ...adopted, planId: "vp2", toYear: 2021, detailedYear: 2025, comparisonYear: 2022 } }])).toEqual([
      "data.toYear",
      "data.detailedYear",
      "data.comparisonYear",
    ]);
  });
});

describe("strategy and activities facts a plan adds", () => {
  it("metrics take one target per year, each year once", async () => {
    expect(await issuePaths([metric({ targets: [{ year: 2022, target: { kind: "fixed", value: "80" } }, { year: 2023, target: { kind: "none" } }] })])).toEqual([]);
    expect(await issuePaths([metric({ targets: [{ year: 2022, target: { kind: "none" } }, { year: 2022, target: { kind: "none" } }] })])).toEqual(["data.targets[1].year"]);
  });

  it("focus areas span years forwards and name a known area", async () => {
    expect(await issuePaths([focus])).toEqual([]);
    expect(await issuePaths([{ ...focus, data: { ...(focus.data as object), toYear: 2020, areaId: "nej" } }])).toEqual(["data.toYear", "data.areaId"]);
  });

  it("Agenda 2030 links name a strategic goal and global goals 1–17, each once", async () => {
    const link = (data: Record<string, unknown>): EventDraft => ({ type: "strategy.goal-linked-to-agenda-2030", effectiveAt: "2022-01-01", data });
    expect(await issuePaths([link({ goalId: "mal-1", globalGoals: [3, 10, 17] })])).toEqual([]);
    expect(await issuePaths([link({ goalId: "nej", globalGoals: [18, 3, 3] })])).toEqual(["data.goalId", "data.globalGoals[0]", "data.globalGoals[2]"]);
  });

  it("planned activities refuse an unknown goal, plan, metric or focus area and a timing the year does not have", async () => {
    expect(await issuePaths([metric(), focus, activity({ metricIds: ["m1"], focusAreaIds: ["f1"], themes: ["kvalitetshojning"], timing: { kind: "tertial", tertial: 3 } })])).toEqual([]);
    expect(await issuePaths([activity({ goalId: "nej", planId: "nej", metricIds: ["nej"], focusAreaIds: ["nej"], timing: { kind: "month", month: 13 } })])).toEqual([
      "data.goalId",
      "data.planId",
      "data.metricIds[0]",
      "data.focusAreaIds[0]",
      "data.timing.month",
    ]);
    expect(await issuePaths([activity({ timing: { kind: "tertial", tertial: 4 } })])).toEqual(["data.timing.tertial"]);
  });
});
