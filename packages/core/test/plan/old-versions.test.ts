import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { activitiesProjection, defaultCatalog, jsonlStore, memoryStore, period, planBaselineProjection, replay, verifyLog, type ActivitiesResult, type StoredEvent } from "@tertial/core";

const ROOT = resolve(import.meta.dirname, "../../../..");
const EXAMPLE_2020 = join(ROOT, "examples/kommunal-utveckling-2020/events.jsonl");

describe("logs written before plans keep replaying", () => {
  it("the 2020 example stores focus areas, metrics (but those it gives a short name, version 3) and activities at version 1, and they replay lifted to version 2", async () => {
    const lines = readFileSync(EXAMPLE_2020, "utf8").trim().split("\n").map((line) => JSON.parse(line) as StoredEvent);
    const shortNamed = (event: StoredEvent): boolean => typeof event.data === "object" && event.data !== null && "shortName" in event.data;
    const changed = lines.filter((event) => ["strategy.focus-area-established", "strategy.metric-defined", "activities.activity-planned"].includes(event.type) && !shortNamed(event));
    expect(changed.length).toBeGreaterThan(0);
    expect(new Set(changed.map((event) => event.schemaVersion))).toEqual(new Set([1]));
    const store = jsonlStore({ path: EXAMPLE_2020, catalog: defaultCatalog });
    expect((await verifyLog(EXAMPLE_2020, defaultCatalog)).issues).toEqual([]);
    const baseline = await replay(store, defaultCatalog, planBaselineProjection, { period: period("2020") });
    expect(baseline.plans).toEqual([]);
    const activities = (await replay(store, defaultCatalog, activitiesProjection, { period: period("2020-T1..T2") })) as ActivitiesResult;
    expect(activities.activities.length).toBeGreaterThan(0);
  });

  it("old-shape lines appended at version 1 replay with a one-year span and no targets per year", async () => {
    let tick = Date.UTC(2020, 0, 1);
    const store = memoryStore({ catalog: defaultCatalog, clock: () => (tick += 1000) });
    const outcome = await store.append([
      { type: "strategy.goal-established", effectiveAt: "2020-01-01", data: { goalId: "mal-1", kind: "strategic", number: "1", title: "Ett" } },
      { type: "strategy.focus-area-established", schemaVersion: 1, effectiveAt: "2020-01-01", data: { focusAreaId: "f", number: 1, title: "F", year: 2020 } },
      { type: "activities.activity-planned", schemaVersion: 1, effectiveAt: "2020-01-01", data: { activityId: "a", title: "A", goalId: "mal-1", year: 2020 } },
      { type: "plan.adopted", effectiveAt: "2019-12-31", data: { planId: "vp", kind: "verksamhetsplan", title: "VP 2020", fromYear: 2020, toYear: 2020, detailedYear: 2020 } },
    ]);
    expect(outcome.ok).toBe(true);
    const plan = (await replay(store, defaultCatalog, planBaselineProjection, { period: period("2020") })).plans[0];
    expect(plan?.strategy.focusAreas.map((area) => [area.focusAreaId, area.fromYear, area.toYear])).toEqual([["f", 2020, 2020]]);
    expect(plan?.strategy.activities.map((activity) => [activity.activityId, activity.timing, activity.themes])).toEqual([["a", null, []]]);
  });
});

describe("the example logs are up to date with their facts", () => {
  it("building each example's facts gives its committed events.jsonl byte for byte", () => {
    const out = mkdtempSync(join(tmpdir(), "tertial-examples-"));
    try {
      for (const name of ["kommunal-utveckling-2020", "kommunal-utveckling-2022-plan"]) {
        const target = join(out, `${name}.jsonl`);
        execFileSync(join(ROOT, "node_modules/.bin/tsx"), ["--conditions=@tertial/source", "scripts/build-example.ts", `examples/${name}`, target], { cwd: ROOT, stdio: "pipe" });
        expect(readFileSync(target, "utf8") === readFileSync(join(ROOT, "examples", name, "events.jsonl"), "utf8"), `${name}: run \`pnpm example:build\``).toBe(true);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
