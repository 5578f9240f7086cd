import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeData, defaultCatalog, planEvents, RevenueCategoryDefined, StaffClassDefined, type StoredEvent } from "@tertial/core";
import { PLAN, issuePaths } from "./support.js";

const EXAMPLE = resolve(import.meta.dirname, "../../../../examples/kommunal-utveckling-2022-plan/events.jsonl");
const stored = (): StoredEvent[] =>
  readFileSync(EXAMPLE, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as StoredEvent);

describe("plan event codecs", () => {
  it("decode every plan fact of the example and give back the same data (round trip through JSON)", () => {
    // The example's organisation uses only built-in revenue categories and staff classes: it defines none (test/plan/vocabularies.test.ts does).
    const definitions = new Set<string>([RevenueCategoryDefined.type, StaffClassDefined.type]);
    const planTypes = new Set<string>(planEvents.map((definition) => definition.type).filter((type) => !definitions.has(type)));
    const facts = stored().filter((event) => planTypes.has(event.type));
    expect(new Set(facts.map((event) => event.type))).toEqual(planTypes);
    for (const event of facts) {
      const decoded = decodeData(defaultCatalog, event);
      if (!decoded.ok) throw new Error(`${event.id}: ${JSON.stringify(decoded.issues)}`);
      expect(JSON.parse(JSON.stringify(decoded.event.data))).toEqual(event.data);
    }
  });

  it("refuse bad input with the field path and what was expected", async () => {
    const cost = { planId: PLAN, areaId: "social", year: 2022, amount: "45230000", basis: "net" };
    expect(await issuePaths([{ type: "plan.cost-planned", effectiveAt: "2021-12-31", data: { ...cost, amount: "45,2" } }])).toEqual(["data.amount"]);
    expect(await issuePaths([{ type: "plan.cost-planned", effectiveAt: "2021-12-31", data: { ...cost, basis: "brutto" } }])).toEqual(["data.basis"]);
    expect(await issuePaths([{ type: "plan.cost-planned", effectiveAt: "2021-12-31", data: { ...cost, extra: 1 } }])).toEqual(["data.extra"]);
    const staff = { planId: PLAN, lineId: "l", year: 2022, areaIds: [], fte: "1", staffClass: "fou" };
    expect(await issuePaths([{ type: "plan.staff-planned", effectiveAt: "2021-12-31", data: staff }])).toEqual(["data.areaIds"]);
    expect(await issuePaths([{ type: "plan.staff-planned", effectiveAt: "2021-12-31", data: { ...staff, areaIds: ["social"], fte: "-1" } }])).toEqual(["data.fte"]);
    const earmarked = { planId: PLAN, programmeId: "p", name: "P", year: 2022, allocations: [{ areaId: "social" }] };
    expect(await issuePaths([{ type: "plan.earmarked-funds-registered", effectiveAt: "2021-12-31", data: earmarked }])).toEqual(["data.allocations[0].amount"]);
    const timing = await issuePaths([{ type: "activities.activity-planned", effectiveAt: "2022-01-01", data: { activityId: "a", title: "A", goalId: "mal-1", year: 2022, timing: { kind: "season" } } }]);
    expect(timing.length).toBeGreaterThan(0);
    expect(timing.every((path) => path.startsWith("data.timing"))).toBe(true);
  });

  it("give every changed type a new version whose upcast lifts the old shape", () => {
    const decode = (type: string, data: unknown) => decodeData(defaultCatalog, { type, schemaVersion: 1, data } as unknown as StoredEvent);
    const lift = (type: string, data: unknown) => {
      const decoded = decode(type, data);
      return { data: decoded.ok ? decoded.event.data : undefined, issues: decoded.ok ? [] : decoded.issues };
    };
    expect(lift("strategy.focus-area-established", { focusAreaId: "f", number: 1, title: "F", year: 2020 }).data).toEqual({ focusAreaId: "f", number: 1, title: "F", year: 2020, toYear: 2020 });
    const metric = { metricId: "m", goalId: "g", name: "M", unit: "percent", dataSource: "d", frequency: "year", direction: "higher-is-better", target: { kind: "none" }, result: { from: "recorded" } };
    expect(lift("strategy.metric-defined", metric).data).toEqual(metric);
    expect(lift("strategy.metric-defined", { ...metric, targets: [] }).issues.map((found) => found.path)).toEqual(["data.targets"]);
    const activity = { activityId: "a", title: "A", goalId: "g", year: 2020 };
    expect(lift("activities.activity-planned", activity).data).toEqual(activity);
    expect(lift("activities.activity-planned", { ...activity, threeK: [] }).issues.map((found) => found.path)).toEqual(["data.threeK"]);
  });
});
