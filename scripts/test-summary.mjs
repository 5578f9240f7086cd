// Prints vitest's totals as one plain line, "tests: N passed, N failed, N skipped", which any CI can read.
import { readFileSync } from "node:fs";

const path = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(path, "utf8"));
} catch (error) {
  console.log(`tests: 0 passed, 1 failed (no vitest report at ${path}: ${error.message})`);
  process.exit(1);
}
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
// A suite that fails to load has no failed test in it; count it, or a broken file would pass.
const failedTests = report.numFailedTests ?? 0;
const failed = failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
console.log(`tests: ${report.numPassedTests ?? 0} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`);
if (report.numTotalTests === 0) {
  console.log("no test ran");
  process.exit(1);
}
process.exit(failed > 0 ? 1 : 0);
