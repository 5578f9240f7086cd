/**
 * Throughput of the built command on finance-heavy logs of 200 000 and 1 000 000 events, as
 * ratios against yardsticks measured in the same run (CPU seconds of a fresh process):
 *  - the bare loop (scripts/bench/bare-loop.mjs: read each line, JSON.parse, SHA-256, sum floats);
 *  - `hledger bal` over the three tertials of 2020 on the equivalent journal, when hledger is installed.
 * Targets (issue 14): report ≥ 1,0× the bare loop and ≥ 10× hledger; verify ≥ 1,0× the bare loop;
 * a 1 000 000-event report under 256 MiB peak RSS; a known-at report from a snapshot under 50 ms.
 * Also the audit's peak RSS on a log with many stated figures (issue 15). A ratio is
 * yardstick time ÷ our time, so above 1 means faster than the yardstick.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { financeLog, type GeneratedLog } from "./finance-log.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "packages/cli/bin/tertial.js");
const HOOK = join(import.meta.dirname, "usage-hook.mjs");
const BARE = join(import.meta.dirname, "bare-loop.mjs");
const MiB = 1024;

interface Usage {
  readonly cpu: number;
  readonly rssMiB: number;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** CPU seconds and peak RSS of one fresh node process running `args`; throws when it fails. */
const measureNode = async (dir: string, args: readonly string[], okCodes: readonly number[] = [0]): Promise<Usage> => {
  const usageFile = join(dir, "usage.json");
  const run = spawnSync(process.execPath, ["--import", HOOK, ...args], { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TERTIAL_BENCH_USAGE: usageFile }, maxBuffer: 1 << 24 });
  if (run.status === null || !okCodes.includes(run.status)) throw new Error(`${args.join(" ")} exited ${run.status ?? run.signal}: ${String(run.stderr).slice(0, 500)}`);
  const usage = JSON.parse(await readFile(usageFile, "utf8")) as { cpu: number; rssKiB: number };
  return { cpu: usage.cpu, rssMiB: usage.rssKiB / MiB };
};

const measureRuns = async (dir: string, args: readonly string[], runs: number, okCodes?: readonly number[]): Promise<Usage> => {
  const measured: Usage[] = [];
  for (let run = 0; run < runs; run += 1) measured.push(await measureNode(dir, args, okCodes));
  return { cpu: median(measured.map((usage) => usage.cpu)), rssMiB: Math.max(...measured.map((usage) => usage.rssMiB)) };
};

const hledgerInstalled = (): boolean => spawnSync("hledger", ["--version"], { stdio: "ignore" }).error === undefined;

/** CPU seconds of `hledger bal` by tertial over 2020 (bash's `times` gives the child's user + system time). */
const hledgerSeconds = (journal: string): number => {
  const run = spawnSync("bash", ["-c", 'hledger -f "$1" bal -p "every 4 months from 2020-01-01 to 2021-01-01" > /dev/null || exit 9; times', "bash", journal], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`hledger failed: ${run.stderr}`);
  const children = run.stdout.trim().split("\n").at(-1) ?? "";
  return [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce((total, [, minutes, seconds]) => total + Number(minutes) * 60 + Number(seconds), 0);
};

const ratio = (yardstick: number, ours: number): string => `${(yardstick / ours).toFixed(2).replace(".", ",")}×`;
const seconds = (value: number): string => `${value.toFixed(2)} s`;

const benchSize = async (dir: string, generated: GeneratedLog, failures: string[]): Promise<void> => {
  const { log, journal, events } = generated;
  const runs = events <= 200_000 ? 3 : 1;
  const label = `${events} events`;
  const bare = await measureRuns(dir, [BARE, log], runs);
  console.log(`[${label}] bare loop (read, JSON.parse, SHA-256, sum floats): ${seconds(bare.cpu)} CPU${runs > 1 ? ", median of 3" : ""}`);
  let hledger: number | undefined;
  if (!hledgerInstalled()) console.log(`[${label}] hledger: skipped (not installed)`);
  else {
    hledger = hledgerSeconds(journal);
    console.log(`[${label}] hledger bal, three tertials: ${seconds(hledger)} CPU`);
  }
  const verify = await measureRuns(dir, [BIN, "verify", log], runs);
  console.log(`[${label}] tertial verify: ${seconds(verify.cpu)}, ${ratio(bare.cpu, verify.cpu)} the bare loop (target ≥ 1,00×)`);
  if (verify.cpu > bare.cpu) failures.push(`verify on ${label} is ${ratio(bare.cpu, verify.cpu)} the bare loop, not ≥ 1,00×`);
  const replay = await measureRuns(dir, [BIN, "replay", log, "--projection", "budget-follow-up", "--period", "2020-T2"], runs);
  console.log(`[${label}] tertial replay --projection budget-follow-up: ${seconds(replay.cpu)}, ${ratio(bare.cpu, replay.cpu)} the bare loop, peak RSS ${replay.rssMiB.toFixed(0)} MiB`);
  const report = await measureRuns(dir, [BIN, "report", log, "--kind", "tertialrapport", "--period", "2020-T2"], runs);
  const versusHledger = hledger === undefined ? "" : `, ${ratio(hledger, report.cpu)} hledger (target ≥ 10,00×)`;
  console.log(`[${label}] tertial report --kind tertialrapport --period 2020-T2: ${seconds(report.cpu)}, ${ratio(bare.cpu, report.cpu)} the bare loop (target ≥ 1,00×)${versusHledger}, peak RSS ${report.rssMiB.toFixed(0)} MiB`);
  if (report.cpu > bare.cpu) failures.push(`report on ${label} is ${ratio(bare.cpu, report.cpu)} the bare loop, not ≥ 1,00×`);
  if (hledger !== undefined && hledger / report.cpu < 10) failures.push(`report on ${label} is ${ratio(hledger, report.cpu)} hledger, not ≥ 10×`);
  if (events >= 1_000_000 && report.rssMiB >= 256) failures.push(`report on ${label} peaks at ${report.rssMiB.toFixed(0)} MiB RSS, not under 256 MiB`);
  const knownAt = await measureRuns(dir, [BIN, "report", log, "--kind", "tertialrapport", "--period", "2020-T2", "--known-at", "2021-01-15"], 1);
  console.log(`[${label}] known-at report (2021-01-15): ${seconds(knownAt.cpu)} by full replay; from a snapshot: not built (no snapshots yet; target < 50 ms)`);
  failures.push(`no known-at report from a snapshot on ${label} (snapshots are not built)`);
};

/** Peak RSS of `audit` on a log where every 20th event is a stated figure, in text and json. */
const benchAudit = async (dir: string, failures: string[]): Promise<void> => {
  for (const count of [20_000, 200_000]) {
    const { log } = await financeLog(count, { stated: true });
    for (const format of ["text", "json"]) {
      try {
        // Exit 5 is "the audit found disagreements": the generated figures are meant to disagree.
        const usage = await measureNode(dir, ["--max-old-space-size=2048", BIN, "audit", log, "--format", format], [0, 5]);
        console.log(`audit --format ${format}, ${count} events (${count / 20} stated figures): ${seconds(usage.cpu)}, peak RSS ${usage.rssMiB.toFixed(0)} MiB`);
      } catch (error) {
        console.log(`audit --format ${format}, ${count} events: FAILED (${(error as Error).message.split("\n")[0] ?? ""})`);
        failures.push(`audit on ${count} events with stated figures failed`);
      }
    }
  }
};

/** Runs the throughput benches; returns the targets missed. */
export const benchThroughput = async (sizes: readonly number[] = [200_000, 1_000_000]): Promise<string[]> => {
  const failures: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), "tertial-throughput-"));
  try {
    for (const count of sizes) await benchSize(dir, await financeLog(count), failures);
    await benchAudit(dir, failures);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return failures;
};
