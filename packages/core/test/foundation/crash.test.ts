import { describe, expect, it } from "vitest";
import { runCrashTrial, summarise, type CrashTrial } from "./writers/crash-trial.js";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
/** Kept small for the suite (about 15 s); scripts/soak-crash.ts runs hundreds of larger trials. */
const TRIALS = 6;

describe("appends killed with SIGKILL", () => {
  it("leave a log that repair brings back to whole batches: every batch that returned success, none in part", async () => {
    const dir = await tempDir();
    const trials: CrashTrial[] = [];
    for (let trial = 0; trial < TRIALS; trial += 1) trials.push(await runCrashTrial(dir, trial, { batchSize: 2000, batches: 2, random: Math.random }));
    console.log(summarise(trials));
    expect(trials.flatMap((trial) => trial.violations)).toEqual([]);
    // The kills must have hit appends, not only the gaps between them.
    expect(trials.some((trial) => trial.end === "incomplete" || trial.end === "committed")).toBe(true);
  });
});
