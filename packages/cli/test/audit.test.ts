import { describe, expect, it } from "vitest";
import type { EventDraft } from "@tertial/core";
import { EXAMPLE_LOG, tempDir, tertial, writeLog } from "./report-helpers.js";

const reference: EventDraft[] = [
  { id: "a-kok", type: "reference.area-established", effectiveAt: "2017-01-01", recordedAt: "2020-09-01T08:00:00.000Z", data: { areaId: "kok", name: "Kurs och konferens", kind: "operation" } },
  { id: "c-kok", type: "finance.cost-booked", effectiveAt: "2020-08-31", recordedAt: "2020-09-03T08:00:00.000Z", data: { areaId: "kok", from: "2020-01-01", to: "2020-08-31", amount: "1195000", source: "kommunerna" } },
];
const stated = (printed: string): EventDraft => ({
  id: "s-kok",
  type: "reconciliation.figure-stated",
  effectiveAt: "2020-09-21",
  recordedAt: "2020-09-21T08:00:00.000Z",
  data: { document: "Delårsrapport", table: "Tabell 1", figureKey: "finance.outcome", params: { row: "kok" }, period: "2020-T1..T2", printed, unit: "tkr" },
});

describe("tertial audit", () => {
  it("lists the example's disagreements with their explanations and exits 5", async () => {
    const { code, stdout } = await tertial(["audit", EXAMPLE_LOG, "--period", "2020-T1..T2"]);
    expect(code).toBe(5);
    expect(stdout).toMatch(/^Audit of .*events\.jsonl, period 2020-T1\.\.T2, as known now: \d+ stated figures/);
    expect(stdout).toContain("DISAGREES  grants.granted-share-by-count  2020-T1..T2");
    expect(stdout).toContain("cause:      rounded by truncation (rounded towards zero) instead of half up");
    expect(stdout).toContain("FACTS DISAGREE  finance.balance {areas: fourum-svhs+forstarkt-samverkan}");
    expect(stdout).toContain("NOTE  finance.balance-share {areas: total}");
  });

  it("prints the same findings as JSON for machines", async () => {
    const { code, stdout } = await tertial(["audit", EXAMPLE_LOG, "--period", "2020-T1..T2", "--format", "json"]);
    expect(code).toBe(5);
    const report = JSON.parse(stdout) as { period: string; findings: { statedEventId: string; figureKey: string; printed: string; computed: string | null; evidence: string[] }[] };
    expect(report.period).toBe("2020-T1..T2");
    const blank = report.findings.find((found) => found.statedEventId === "stated-tg-ledning-och-stab-remaining");
    expect(blank).toEqual(expect.objectContaining({ figureKey: "finance.remaining", printed: "", computed: "\u2212937\u00a0tkr" }));
    expect(blank?.evidence).toContain("fin-cost-ledning-och-stab-financed-internally");
  });

  it("exits 0 when every stated figure agrees, and 5 with the figure's key when one does not", async () => {
    const dir = await tempDir();
    const clean = await tertial(["audit", await writeLog(dir, [...reference, stated("1 195")])]);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("1 stated figures: 1 agree, 0 do not (0 disagreements found)");
    const wrong = await tertial(["audit", await writeLog(await tempDir(), [...reference, stated("1 159")]), "--format", "json"]);
    expect(wrong.code).toBe(5);
    expect((JSON.parse(wrong.stdout) as { findings: { figureKey: string }[] }).findings.map((found) => found.figureKey)).toEqual(["finance.outcome"]);
  });

  it("audits only what was recorded by --known-at: before the report's figures were stated, nothing disagrees", async () => {
    const { code, stdout } = await tertial(["audit", EXAMPLE_LOG, "--period", "2020-T1..T2", "--known-at", "2020-09-20"]);
    expect(code).toBe(0);
    expect(stdout).toContain("as known 2020-09-20: 0 stated figures");
  });

  it("refuses a bad period with a usage error", async () => {
    const { code, stderr } = await tertial(["audit", EXAMPLE_LOG, "--period", "2020-T9"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--period");
  });
});
