import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultCatalog, initLog, jsonlStore, repairLogEnd, verifyLog, withLogLock, type LogEnd } from "@tertial/core";
import { spawnWriter } from "./spawn-writer.js";

export interface CrashTrial {
  /** What repair found after the kill. */
  readonly end: LogEnd["kind"];
  /** Lines of an incomplete batch that repair removed. */
  readonly removedLines: number;
  readonly reportedCommitted: number;
  readonly batchesPresent: number;
  /** Everything that broke a promise: a committed batch missing, a batch half present, verify failing… */
  readonly violations: readonly string[];
}

export interface CrashTrialOptions {
  readonly batchSize: number;
  readonly batches: number;
  /** 0 ≤ random() < 1, so a soak run can be seeded or not. */
  readonly random: () => number;
}

/**
 * Kills a writer with SIGKILL while it appends a randomly chosen batch, at a random kind of
 * moment (its pending record just written, its bytes reaching the log, or a random delay into
 * the append: see append-batches.ts), then repairs and verifies the log and checks it
 * holds every batch the writer saw succeed, and no batch in part.
 */
export const runCrashTrial = async (dir: string, trial: number, options: CrashTrialOptions): Promise<CrashTrial> => {
  const log = join(dir, `trial-${trial}.jsonl`);
  await initLog(log);
  const target = Math.floor(options.random() * options.batches);
  const moment = options.random();
  const killAt = moment < 0.35 ? "record" : moment < 0.75 ? "bytes" : `random:${Math.floor(options.random() * 400)}`;
  const writer = spawnWriter(log, "w", options.batches, options.batchSize, `${target}:${killAt}`);
  await writer.done;

  const violations: string[] = [];
  const end = await withLogLock(log, repairLogEnd);
  if (end.kind === "inconsistent") violations.push(`repair refused: ${end.message}`);
  const verified = await verifyLog(log, defaultCatalog);
  if (verified.issues.length > 0) violations.push(`verify after repair: ${verified.issues.map((found) => found.message).join("; ")}`);
  const text = await readFile(log, "utf8");
  const perBatch = new Map<number, number>();
  for (const line of text.split("\n").filter((candidate) => candidate !== "")) {
    const batch = Number(/"id":"w-b(\d+)-/.exec(line)?.[1]);
    perBatch.set(batch, (perBatch.get(batch) ?? 0) + 1);
  }
  for (const [batch, count] of perBatch) if (count !== options.batchSize) violations.push(`batch ${batch} is half present: ${count} of ${options.batchSize} events`);
  for (const batch of writer.committed()) if (!perBatch.has(batch)) violations.push(`batch ${batch} returned success but is not in the log`);
  const after = await jsonlStore({ path: log, catalog: defaultCatalog }).append([{ id: "after", type: "reference.municipality-established", effectiveAt: "2017-01-01", data: { municipalityId: "after", name: "After" } }]);
  if (!after.ok) violations.push(`append after repair failed: ${after.issues.map((found) => found.message).join("; ")}`);
  return {
    end: end.kind,
    removedLines: end.kind === "incomplete" ? end.linesPresent + (end.torn ? 1 : 0) : 0,
    reportedCommitted: writer.committed().length,
    batchesPresent: perBatch.size,
    violations,
  };
};

/** One line per kind of outcome, for the test's log and the soak script. */
export const summarise = (trials: readonly CrashTrial[]): string => {
  const byEnd = new Map<string, number>();
  for (const trial of trials) byEnd.set(trial.end, (byEnd.get(trial.end) ?? 0) + 1);
  const removed = trials.reduce((total, trial) => total + trial.removedLines, 0);
  const committed = trials.reduce((total, trial) => total + trial.reportedCommitted, 0);
  const violations = trials.reduce((total, trial) => total + trial.violations.length, 0);
  return `${trials.length} kill -9 trials: ${[...byEnd].map(([end, count]) => `${end} ${count}`).join(", ")}; ${removed} lines of incomplete batches removed; ${committed} batches returned success, all present; ${violations} violation(s)`;
};
