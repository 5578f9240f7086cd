import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { defaultCatalog, initLog, verifyLog } from "@tertial/core";
import { spawnWriter } from "./spawn-writer.js";

export interface StressPlan {
  /** Per writer process: how many events, in batches of what size. */
  readonly writers: readonly { readonly events: number; readonly batchSize: number }[];
}

export interface StressResult {
  readonly seconds: number;
  readonly appends: number;
  readonly failedAppends: number;
  readonly eventsExpected: number;
  readonly eventsInLog: number;
  readonly eventsLost: number;
  readonly duplicates: number;
  readonly chainIssues: number;
  readonly failures: readonly string[];
}

/** Starts every writer at once against one log, waits for all, then counts what the log holds. */
export const runStress = async (dir: string, plan: StressPlan): Promise<StressResult> => {
  const log = join(dir, "stress.jsonl");
  await initLog(log);
  const started = process.hrtime.bigint();
  const writers = plan.writers.map((writer, index) => ({ ...writer, process: spawnWriter(log, `w${index}`, writer.events / writer.batchSize, writer.batchSize) }));
  await Promise.all(writers.map((writer) => writer.process.done));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const ids = (await readFile(log, "utf8"))
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => (JSON.parse(line) as { id: string }).id);
  const unique = new Set(ids);
  const expected = writers.flatMap((writer, index) => Array.from({ length: writer.events }, (_, event) => `w${index}-b${Math.floor(event / writer.batchSize)}-${event % writer.batchSize}`));
  const verified = await verifyLog(log, defaultCatalog);
  const appends = writers.reduce((total, writer) => total + writer.events / writer.batchSize, 0);
  const succeeded = writers.reduce((total, writer) => total + writer.process.committed().length, 0);
  return {
    seconds,
    appends,
    failedAppends: appends - succeeded,
    eventsExpected: expected.length,
    eventsInLog: ids.length,
    eventsLost: expected.filter((id) => !unique.has(id)).length,
    duplicates: ids.length - unique.size,
    chainIssues: verified.issues.length,
    failures: writers.map((writer) => writer.process.stderr()).filter((text) => text !== ""),
  };
};

export const describeStress = (plan: StressPlan, result: StressResult): string =>
  `${plan.writers.length} processes, batches of ${[...new Set(plan.writers.map((writer) => writer.batchSize))].join("/")}: ` +
  `${result.appends} appends (${result.failedAppends} failed), ${result.eventsInLog} of ${result.eventsExpected} events in the log, ` +
  `${result.eventsLost} lost, ${result.duplicates} duplicated, ${result.chainIssues} chain issue(s), ${result.seconds.toFixed(1)} s`;
