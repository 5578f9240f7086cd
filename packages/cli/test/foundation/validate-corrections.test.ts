/**
 * `validate` on a log with corrections says what append said when each line came: a fact that
 * named a goal or a position still finds it after that fact was corrected (restated), and only a
 * correction that took the named thing away (a retraction, another id) leaves it pointing at
 * nothing.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonl, runCli, useTempDir } from "./cli.js";

const tempDir = useTempDir();

const goal = (id: string, goalId: string, title: string, supersedes?: string) => ({
  id,
  type: "strategy.goal-established",
  effectiveAt: "2025-01-01",
  data: { goalId, kind: "strategic", number: "1", title },
  ...(supersedes === undefined ? {} : { supersedes }),
});

const metric = {
  id: "metric-kurser",
  type: "strategy.metric-defined",
  effectiveAt: "2025-01-01",
  data: {
    metricId: "kurser",
    goalId: "mal-1",
    name: "Antal kurser.",
    unit: "count",
    dataSource: "Kursregistret",
    frequency: "tertial",
    direction: "higher-is-better",
    target: { kind: "fixed", value: "4" },
    result: { from: "figure", key: "courses.held", params: {} },
  },
};

const area = { id: "area-fou", type: "reference.area-established", effectiveAt: "2017-01-01", data: { areaId: "fou", name: "FoU" } };
const position = (id: string, fte: string, supersedes?: string) => ({
  id,
  type: "staff.position-opened",
  effectiveAt: "2025-01-01",
  data: { positionId: "p1", areaId: "fou", employmentForm: "visstid", fte, financing: "grund" },
  ...(supersedes === undefined ? {} : { supersedes }),
});
const changed = { id: "p1-more", type: "staff.position-changed", effectiveAt: "2025-03-01", data: { positionId: "p1", fte: "0.75" } };

/** A log built by appending each batch in turn (each must be accepted), then validated. */
const validateAfter = async (...batches: readonly (readonly unknown[])[]) => {
  const dir = await tempDir();
  const log = join(dir, "events.jsonl");
  await runCli(["init", log]);
  for (const [index, batch] of batches.entries()) {
    const file = join(dir, `batch-${index}.jsonl`);
    await writeFile(file, jsonl(batch));
    const appended = await runCli(["append", log, "--events", file]);
    expect(appended.code, appended.stderr).toBe(0);
  }
  return runCli(["validate", log]);
};

describe("tertial validate on corrected facts", () => {
  it("finds a goal that a later event restated, for the facts that named it before the restatement", async () => {
    const result = await validateAfter([goal("goal-1", "mal-1", "Biblioteken samverkar")], [metric], [goal("goal-1-new", "mal-1", "Biblioteken arbetar som ett", "goal-1")]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("valid, 3 events");
  });

  it("finds a position restated twice, with a change in between (a rule that unlearns exactly)", async () => {
    const result = await validateAfter([area, position("p1-open", "0.50")], [changed], [position("p1-open-2", "1.00", "p1-open")], [position("p1-open-3", "0.80", "p1-open-2")]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
  });

  it("checks a relabelling at its own line against the facts before it, not against itself (a rule that starts over)", async () => {
    const side = (id: string, label: string, supersedes?: string) => ({ id, type: "meetings.seat-side-defined", effectiveAt: "2025-01-01", data: { sideId: "skolor", name: label.toLowerCase(), label }, ...(supersedes === undefined ? {} : { supersedes }) });
    const network = { id: "net-1", type: "reference.network-established", effectiveAt: "2025-01-01", data: { networkId: "rektorer", name: "Rektorsnätverket", kind: "network", seats: [{ seatId: "s1", side: "skolor" }] } };
    const result = await validateAfter([side("side-1", "Skolor")], [network], [side("side-2", "Skolorna", "side-1")]);
    expect([result.code, result.stderr]).toEqual([0, ""]);
  });

  it("still names a fact whose goal was taken back, or restated under another id: it points at nothing now", async () => {
    const retracted = await validateAfter([goal("goal-1", "mal-1", "Biblioteken samverkar")], [metric], [{ id: "goal-1-gone", type: "log.event-retracted", effectiveAt: "2025-06-01", retracts: "goal-1", data: { reason: "fel mål" } }]);
    expect(retracted.code).toBe(3);
    expect(retracted.stderr).toContain('data.goalId: unknown goal "mal-1"');
    const moved = await validateAfter([goal("goal-1", "mal-1", "Biblioteken samverkar")], [metric], [goal("goal-1-new", "mal-2", "Biblioteken samverkar", "goal-1")]);
    expect(moved.code).toBe(3);
    expect(moved.stderr).toContain('data.goalId: unknown goal "mal-1"');
  });
});
