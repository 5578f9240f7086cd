/**
 * The full-size stress test (the suite runs a smaller one): 8 writer processes × 1 000 events
 * against one log, once with batches of 1, of 10 and of 100. Prints the figures per run and
 * exits non-zero when an append failed, an event was lost or doubled, or the chain broke.
 *
 * Usage: npx tsx --conditions=@tertial/source scripts/soak-stress.ts [events per writer=1000]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeStress, runStress, type StressPlan } from "../packages/core/test/foundation/writers/stress-run.js";

const events = Number(process.argv[2] ?? 1000);
let failed = false;
for (const batchSize of [1, 10, 100]) {
  const dir = await mkdtemp(join(tmpdir(), "tertial-soak-stress-"));
  try {
    const plan: StressPlan = { writers: Array.from({ length: 8 }, () => ({ events, batchSize })) };
    const result = await runStress(dir, plan);
    console.log(describeStress(plan, result));
    for (const failure of result.failures) console.log(failure.trimEnd());
    failed ||= result.failedAppends > 0 || result.eventsLost > 0 || result.duplicates > 0 || result.chainIssues > 0;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
