// Preloaded into a measured process (node --import): writes its CPU seconds and peak RSS to the file named by TERTIAL_BENCH_USAGE at exit.
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  const usage = process.resourceUsage();
  const target = process.env.TERTIAL_BENCH_USAGE;
  if (target !== undefined) writeFileSync(target, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssKiB: usage.maxRSS }));
});
