// Preloaded into a measured process (node --import): writes its CPU seconds and peak RSS to the file named by TERTIAL_BENCH_USAGE at exit.
// Peak RSS is the kernel's VmHWM of this process image: getrusage's maxRSS survives execve, so a
// child spawned by a large bench process would report the parent's peak instead of its own.
import { readFileSync, writeFileSync } from "node:fs";

const peakKiB = (fallback) => {
  try {
    const found = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync("/proc/self/status", "latin1"));
    return found === null ? fallback : Number(found[1]);
  } catch {
    return fallback;
  }
};

process.on("exit", () => {
  const usage = process.resourceUsage();
  const target = process.env.TERTIAL_BENCH_USAGE;
  if (target !== undefined) writeFileSync(target, JSON.stringify({ cpu: (usage.userCPUTime + usage.systemCPUTime) / 1e6, rssKiB: peakKiB(usage.maxRSS) }));
});
