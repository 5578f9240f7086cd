/**
 * The long version of the crash test (packages/core/test/foundation/crash.test.ts): many
 * writers killed with SIGKILL in the middle of large appends, each followed by repair and
 * verify. Prints the outcomes and exits non-zero on any violation.
 *
 * Usage: npx tsx --conditions=@tertial/source scripts/soak-crash.ts [trials=100] [batchSize=20000]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCrashTrial, summarise, type CrashTrial } from "../packages/core/test/foundation/writers/crash-trial.js";

const trials = Number(process.argv[2] ?? 100);
const batchSize = Number(process.argv[3] ?? 20_000);
const dir = await mkdtemp(join(tmpdir(), "tertial-soak-crash-"));
const done: CrashTrial[] = [];
try {
  for (let trial = 0; trial < trials; trial += 1) {
    const result = await runCrashTrial(dir, trial, { batchSize, batches: 3, random: Math.random });
    done.push(result);
    for (const violation of result.violations) console.log(`trial ${trial}: ${violation}`);
    if ((trial + 1) % 10 === 0) console.log(summarise(done));
    await rm(join(dir, `trial-${trial}.jsonl`), { force: true });
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(`batches of ${batchSize} events: ${summarise(done)}`);
process.exitCode = done.some((trial) => trial.violations.length > 0) ? 1 : 0;
