import { describe, expect, it } from "vitest";
import { describeStress, runStress, type StressPlan } from "./writers/stress-run.js";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();

/** Sized for the suite (about 15 s); scripts/soak-stress.ts runs 8 × 1 000 events per batch size. */
const PLAN: StressPlan = {
  writers: [
    ...Array.from({ length: 3 }, () => ({ events: 30, batchSize: 1 })),
    ...Array.from({ length: 3 }, () => ({ events: 150, batchSize: 10 })),
    ...Array.from({ length: 2 }, () => ({ events: 400, batchSize: 100 })),
  ],
};

describe("eight writer processes appending to one log at once", () => {
  it("all succeed, in turn: nothing lost, nothing doubled, the chain valid", async () => {
    const result = await runStress(await tempDir(), PLAN);
    console.log(describeStress(PLAN, result));
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ failedAppends: 0, eventsLost: 0, duplicates: 0, chainIssues: 0, eventsInLog: result.eventsExpected });
  });
});
