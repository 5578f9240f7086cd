/**
 * Throughput of the built command on finance-heavy logs of 200 000 and 1 000 000 events, as
 * ratios against yardsticks measured in the same run (CPU seconds of a fresh process):
 *  - the bare loop (scripts/bench/bare-loop.mjs: read each line, JSON.parse, SHA-256, sum floats);
 *  - `hledger bal` over the three tertials of 2020 on the equivalent journal, when hledger is installed.
 * Targets (issue 14): report ≥ 1,0× the bare loop and ≥ 10× hledger (measured from the snapshot
 * at the log's end, as a report after `tertial snapshot` runs; the replay from the first line is
 * printed beside it); verify ≥ 1,0× the bare loop (the median ratio of three runs of each, in turn); a 1 000 000-event report under 256 MiB peak
 * RSS, and within a 64 MiB heap at every size (memory flat in the log's length); a report as known
 * at a date, from its snapshot, under 50 ms.
 * Also the audit's peak RSS on a log with many stated figures (issue 15). A ratio is
 * yardstick time ÷ our time, so above 1 means faster than the yardstick.
 */
import { spawnSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { financeLog, type GeneratedLog } from "./finance-log.js";
import { VERSION } from "../../packages/cli/src/version.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "packages/cli/bin/tertial.js");
const HOOK = join(import.meta.dirname, "usage-hook.mjs");
const BARE = join(import.meta.dirname, "bare-loop.mjs");
const FLOOR = join(import.meta.dirname, "verify-floor.mjs");
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

/**
 * Ours and the yardstick measured in turn, `pairs` times, so a neighbour's load falls on both
 * alike: the median of each, and the ratio (yardstick ÷ ours) of each pair with their median.
 */
const measurePaired = async (dir: string, yardstickArgs: readonly string[], ourArgs: readonly string[], pairs: number): Promise<{ yardstick: Usage; ours: Usage; ratios: number[]; ratio: number }> => {
  const yardsticks: Usage[] = [];
  const ours: Usage[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    yardsticks.push(await measureNode(dir, yardstickArgs));
    ours.push(await measureNode(dir, ourArgs));
  }
  const ratios = yardsticks.map((yardstick, index) => yardstick.cpu / (ours[index] as Usage).cpu);
  const summary = (measured: readonly Usage[]): Usage => ({ cpu: median(measured.map((usage) => usage.cpu)), rssMiB: Math.max(...measured.map((usage) => usage.rssMiB)) });
  return { yardstick: summary(yardsticks), ours: summary(ours), ratios, ratio: median(ratios) };
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

/** The days the generated log's bulk was recorded on (10 s apart from 2021-01-01), and an instant inside one. */
const knownAtsOf = (events: number): { dates: string[]; instants: string[]; warmUps: string[] } => {
  const days = Math.max(1, Math.floor((events * 10) / 86_400));
  const dayAt = (share: number): string => new Date(Date.UTC(2021, 0, 1 + Math.floor(share * (days - 1)))).toISOString().slice(0, 10);
  const dates = [0, 0.25, 0.5, 0.75, 1].map(dayAt);
  // Days that are not measured, so no measured report finds its snapshot already read.
  const warmUps = [0.1, 0.6].map(dayAt).filter((day) => !dates.includes(day));
  return { dates, instants: [`${dates[2] ?? "2021-01-02"}T12:00:00+01:00`], warmUps };
};

const KNOWN_AT = join(import.meta.dirname, "known-at.ts");

/** Milliseconds of known-at reports from snapshots, in one warmed-up process. */
const knownAtTimes = (log: string, warmUps: readonly string[], knownAts: readonly string[]): { times: Record<string, number>; slowest: Record<string, number>; rounds: number; resumedEvery: boolean } => {
  const run = spawnSync(process.execPath, ["--conditions=@tertial/source", "--import", "tsx", KNOWN_AT, log, `tertial ${VERSION}`, warmUps.join(","), ...knownAts], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`known-at bench failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { times: Record<string, number>; slowest: Record<string, number>; rounds: number; resumedEvery: boolean };
};

const benchSize = async (dir: string, generated: GeneratedLog, failures: string[]): Promise<void> => {
  const { journal, events } = generated;
  // A copy, so its snapshots never outlive this run in the shared cache.
  const log = join(dir, `finance-${events}.jsonl`);
  await copyFile(generated.log, log);
  const runs = events <= 200_000 ? 3 : 1;
  const label = `${events} events`;
  // Verify and the bare loop in turn, three pairs at every size: the target is their ratio, and this machine's load moves by more than the gap.
  const paired = await measurePaired(dir, [BARE, log], [BIN, "verify", log], 3);
  const bare = paired.yardstick;
  console.log(`[${label}] bare loop (read, JSON.parse, SHA-256, sum floats): ${seconds(bare.cpu)} CPU, median of 3`);
  let hledger: number | undefined;
  if (!hledgerInstalled()) console.log(`[${label}] hledger: skipped (not installed)`);
  else {
    hledger = hledgerSeconds(journal);
    console.log(`[${label}] hledger bal, three tertials: ${seconds(hledger)} CPU`);
  }
  const verify = paired.ours;
  const pairRatios = paired.ratios.map((each) => `${each.toFixed(2).replace(".", ",")}×`).join(", ");
  console.log(`[${label}] tertial verify: ${seconds(verify.cpu)}, ${ratio(paired.ratio, 1)} the bare loop, the median of 3 runs each alternated with the bare loop's (${pairRatios}; target ≥ 1,00×)`);
  // What verify cannot skip and keep its promises, in a fresh process: how much of the gap to the bare loop no check can close.
  const floor = await measureRuns(dir, [FLOOR, log], runs);
  console.log(`[${label}] verify's floor (read, parse, hash without the hash field, ids): ${seconds(floor.cpu)} CPU, ${ratio(bare.cpu, floor.cpu)} the bare loop; verify takes ${(verify.cpu / floor.cpu).toFixed(2).replace(".", ",")}× its floor`);
  if (paired.ratio < 1) failures.push(`verify on ${label} is ${ratio(paired.ratio, 1)} the bare loop, not ≥ 1,00×`);
  const replay = await measureRuns(dir, [BIN, "replay", log, "--projection", "budget-follow-up", "--period", "2020-T2"], runs);
  console.log(`[${label}] tertial replay --projection budget-follow-up: ${seconds(replay.cpu)}, ${ratio(bare.cpu, replay.cpu)} the bare loop, peak RSS ${replay.rssMiB.toFixed(0)} MiB`);
  const reportArgs = [BIN, "report", log, "--kind", "tertialrapport", "--period", "2020-T2"];
  const cold = await measureRuns(dir, [...reportArgs, "--no-snapshots"], runs);
  const coldVersusHledger = hledger === undefined ? "" : `, ${ratio(hledger, cold.cpu)} hledger`;
  console.log(`[${label}] tertial report --kind tertialrapport --period 2020-T2, from the first line (--no-snapshots): ${seconds(cold.cpu)}, ${ratio(bare.cpu, cold.cpu)} the bare loop${coldVersusHledger}, peak RSS ${cold.rssMiB.toFixed(0)} MiB`);
  if (events >= 1_000_000 && cold.rssMiB >= 256) failures.push(`report on ${label} peaks at ${cold.rssMiB.toFixed(0)} MiB RSS, not under 256 MiB`);
  // Flat memory: the same report must fit a 64 MiB heap whatever the log's length.
  const small = await measureNode(dir, ["--max-old-space-size=64", ...reportArgs, "--no-snapshots"]).then((usage) => usage, () => undefined);
  console.log(`[${label}] the same report with a 64 MiB heap: ${small === undefined ? "FAILED" : `ok, peak RSS ${small.rssMiB.toFixed(0)} MiB`}`);
  if (small === undefined) failures.push(`report on ${label} does not fit a 64 MiB heap: memory grows with the log`);
  const snapshot = await measureNode(dir, [BIN, "snapshot", log, "--kind", "tertialrapport", "--period", "2020-T2", "--daily", "--every", "10000"]);
  console.log(`[${label}] tertial snapshot --daily --every 10000: ${seconds(snapshot.cpu)} (once; later runs fold only what is new)`);
  const warm = await measureRuns(dir, reportArgs, runs);
  const warmVersusHledger = hledger === undefined ? "" : `, ${ratio(hledger, warm.cpu)} hledger (target ≥ 10,00×)`;
  console.log(`[${label}] tertial report, from the snapshot at the log's end: ${seconds(warm.cpu)}, ${ratio(bare.cpu, warm.cpu)} the bare loop (target ≥ 1,00×)${warmVersusHledger}, peak RSS ${warm.rssMiB.toFixed(0)} MiB`);
  if (warm.cpu > bare.cpu) failures.push(`report on ${label} is ${ratio(bare.cpu, warm.cpu)} the bare loop, not ≥ 1,00×`);
  if (hledger !== undefined && hledger / warm.cpu < 10) failures.push(`report on ${label} is ${ratio(hledger, warm.cpu)} hledger, not ≥ 10×`);
  const { dates, instants, warmUps } = knownAtsOf(events);
  const measured = knownAtTimes(log, warmUps, [...dates, ...instants]);
  const show = (list: readonly string[]) => list.map((knownAt) => `${knownAt} ${(measured.times[knownAt] ?? Number.NaN).toFixed(0)} ms`).join(", ");
  console.log(`[${label}] known-at reports from the nearest snapshot, in one process after four other reports, median of ${measured.rounds} asks per date, asked in turn (target < 50 ms): dates ${show(dates)}; an instant within a day: ${show(instants)}; the slowest single ask of a date ${Math.max(...dates.map((date) => measured.slowest[date] ?? Number.NaN)).toFixed(0)} ms${measured.resumedEvery ? "" : " (a snapshot did not fit!)"}`);
  const slowest = Math.max(...dates.map((date) => measured.times[date] ?? Number.POSITIVE_INFINITY));
  if (slowest >= 50) failures.push(`a known-at report on ${label} took ${slowest.toFixed(0)} ms from its snapshot (median of its asks), not under 50 ms`);
  await rm(`${log}.snapshots`, { recursive: true, force: true });
  await rm(log, { force: true });
};

/** Peak RSS of `audit` on a log where every 20th event is a stated figure, in text and json; and whether it fits a 64 MiB heap. */
const benchAudit = async (dir: string, failures: string[]): Promise<void> => {
  for (const count of [20_000, 200_000]) {
    const { log } = await financeLog(count, { stated: true });
    for (const format of ["text", "json"]) {
      try {
        // Exit 5 is "the audit found disagreements": the generated figures are meant to disagree.
        const usage = await measureNode(dir, [BIN, "audit", log, "--format", format], [0, 5]);
        const flat = await measureNode(dir, ["--max-old-space-size=64", BIN, "audit", log, "--format", format], [0, 5]).then(() => true, () => false);
        console.log(`audit --format ${format}, ${count} events (${count / 20} stated figures): ${seconds(usage.cpu)}, peak RSS ${usage.rssMiB.toFixed(0)} MiB; with a 64 MiB heap: ${flat ? "ok" : "FAILED"}`);
        if (!flat) failures.push(`audit --format ${format} on ${count} events does not fit a 64 MiB heap`);
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
