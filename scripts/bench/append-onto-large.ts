/**
 * Append in O(batch): 1 000 events appended onto logs of 200 000 and 1 000 000 events, with
 * the append state beside the log (taken once, when the log is first appended to). The big
 * logs are generated once, line by line with the chain functions, and kept in a cache folder in
 * the temp dir; each run appends its own 1 000 events to them, so the state stays valid from
 * run to run (a log is regenerated when runs have grown it by more than 10 %).
 *
 * Then corrections: 1 000 costs booked (untimed), superseded with new amounts in one batch,
 * whose superseding costs the next batch supersedes in turn. No rule keeps a cost, so from the
 * append state such a batch reads nothing of the log either.
 *
 * Then restatements of facts the rules keep, on a copy of the finance-heavy log (the shape of a
 * real log: few kept facts, many costs): 1 000 positions opened (untimed), then restated in one
 * batch (each superseding one, and checked by the staff rules), whose restatements the next batch
 * restates in turn. Each restatement makes the rules forget a fact, so the rules are rebuilt
 * before each: the log is read once per batch, and the facts kept from that read are folded again.
 * Then the last restatements are retracted (untimed), so runs do not pile up facts to fold.
 *
 * Last, the command as a user runs it: `tertial append --events <file>` of 1 000 drafts without
 * ids (a fresh process, wall time), which must also look for an earlier copy of the batch.
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { finished } from "node:stream/promises";
import { defaultCatalog, GENESIS_HASH, jsonlStore, lineOf, sealed, type EventDraft, type StoredEvent } from "@tertial/core";
import { financeLog } from "./finance-log.js";

const CACHE = join(tmpdir(), "tertial-bench-cache");
const GENERATOR = "v1";
const AREAS = ["fou", "ledning-och-stab", "ovrig"];
const FORMS = ["tjanstekop", "tillsvidare", "visstid"];

/** Three areas, then positions opened and changed: the staff rules keep every position in their state. */
const eventAt = (index: number): Omit<StoredEvent, "seq" | "prevHash" | "hash"> => {
  if (index < AREAS.length) {
    const areaId = AREAS[index] as string;
    return { id: `area-${areaId}`, type: "reference.area-established", schemaVersion: 1, effectiveAt: "2015-01-01", recordedAt: "2019-01-01T00:00:00.000Z", data: { areaId, name: areaId } };
  }
  const n = index - AREAS.length;
  const effectiveAt = `2020-${String(1 + (Math.floor(n / 28) % 12)).padStart(2, "0")}-${String(1 + (n % 28)).padStart(2, "0")}`;
  const recordedAt = new Date(Date.UTC(2020, 0, 1) + n * 1000).toISOString();
  return n % 3 === 0
    ? { id: `p-${n}`, type: "staff.position-opened", schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt, data: { positionId: `pos-${n}`, areaId: AREAS[n % 3] as string, employmentForm: FORMS[n % 3] as string, fte: "0.50", financing: n % 2 === 0 ? "grund" : "extern" } }
    : { id: `p-${n}`, type: "staff.position-changed", schemaVersion: 1, effectiveAt, recordedAt, data: { positionId: `pos-${n - (n % 3)}`, fte: n % 2 === 0 ? "1.00" : "0.75" } };
};

/** Writes a chained log of `count` events straight to disk, a few thousand lines per write. */
const generate = async (path: string, count: number): Promise<void> => {
  const out = createWriteStream(path);
  let previous = GENESIS_HASH;
  let chunk: string[] = [];
  for (let seq = 0; seq < count; seq += 1) {
    const event = sealed({ ...eventAt(seq), seq, prevHash: previous });
    previous = event.hash;
    chunk.push(`${lineOf(event)}\n`);
    if (chunk.length === 4096 || seq === count - 1) {
      if (!out.write(chunk.join(""))) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      chunk = [];
    }
  }
  out.end();
  await finished(out);
};

const cachedLog = async (count: number): Promise<string> => {
  const path = join(CACHE, `staff-${count}-${GENERATOR}.jsonl`);
  const sizeFile = `${path}.generated-size`;
  const generatedSize = existsSync(sizeFile) ? Number(await readFile(sizeFile, "utf8")) : undefined;
  const size = existsSync(path) ? (await stat(path)).size : undefined;
  if (generatedSize === undefined || size === undefined || size > generatedSize * 1.1) {
    await mkdir(CACHE, { recursive: true });
    await rm(`${path}.append-state`, { force: true });
    const started = process.hrtime.bigint();
    await generate(path, count);
    await writeFile(sizeFile, String((await stat(path)).size));
    console.log(`generated a ${count}-event log in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s (cached in ${CACHE})`);
  }
  return path;
};

const drafts = (run: string): EventDraft[] =>
  Array.from({ length: 1000 }, (_, index) => ({ id: `bench-${run}-${index}`, type: "staff.position-opened", effectiveAt: "2021-01-01", data: { positionId: `bench-${run}-${index}`, areaId: "fou", employmentForm: "visstid", fte: "1.00", financing: "grund" } }));

/** A month's cost for area "fou" (an area of the generated log); `supersedes` makes it a correction with a new amount. */
const cost = (id: string, index: number, amount: number, supersedes?: string): EventDraft => ({
  id,
  type: "finance.cost-booked",
  effectiveAt: "2021-01-31",
  ...(supersedes === undefined ? {} : { supersedes }),
  data: { areaId: "fou", from: "2021-01-01", to: "2021-01-31", amount: String(1000 + index + amount), source: "kommunerna" },
});

const costs = (run: string, round: number): EventDraft[] =>
  Array.from({ length: 1000 }, (_, index) => cost(`bench-${run}-cost-${round}-${index}`, index, round, round === 0 ? undefined : `bench-${run}-cost-${round - 1}-${index}`));

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};

/** Books 1 000 costs, then supersedes them in three batches of 1 000 in turn; the median batch must take under 1 s. */
const benchCorrections = async (store: ReturnType<typeof jsonlStore>, count: number, run: string): Promise<string[]> => {
  const booked = await store.append(costs(run, 0));
  const runs = [];
  for (const round of [1, 2, 3]) runs.push(await timed(() => store.append(costs(run, round))));
  const median = runs.map((measured) => measured.seconds).sort((a, b) => a - b)[1] ?? Infinity;
  const ok = booked.ok && runs.every((measured) => measured.value.ok && measured.value.appended.length === 1000);
  console.log(`append 1000 corrections of costs onto ${count}: median of 3 ${median.toFixed(2)} s (${runs.map((measured) => measured.seconds.toFixed(2)).join(", ")}; target < 1 s)${ok ? "" : " FAILED"}`);
  return !ok || median >= 1 ? [`1000 corrections onto ${count} events too slow or failed`] : [];
};

/** A copy of the finance-heavy log to append to (its original stays as the throughput benches read it), copied again once runs have grown it by more than 10 %. */
const restatedLog = async (count: number): Promise<string> => {
  const { log } = await financeLog(count);
  const path = join(CACHE, basename(log).replace(/\.jsonl$/, ".restated.jsonl"));
  const copied = existsSync(path) ? (await stat(path)).size : undefined;
  if (copied === undefined || copied > (await stat(log)).size * 1.1) {
    await rm(`${path}.append-state`, { force: true });
    await copyFile(log, path);
  }
  return path;
};

/** Position `index` of this run opened (round 0) in an area of the example, or restated (round r supersedes round r - 1) with another fte. */
const position = (run: string, round: number, index: number): EventDraft => ({
  id: `bench-${run}-position-${round}-${index}`,
  type: "staff.position-opened",
  effectiveAt: "2021-01-01",
  ...(round === 0 ? {} : { supersedes: `bench-${run}-position-${round - 1}-${index}` }),
  data: { positionId: `bench-${run}-position-${index}`, areaId: "fou", employmentForm: "visstid", fte: ["1.00", "0.75", "0.50", "0.25"][round] as string, financing: "grund" },
});

/** Opens 1 000 positions, then restates them in three batches of 1 000 in turn; the median batch must take under 1 s. */
export const benchRestatements = async (count: number, run: string): Promise<string[]> => {
  const store = jsonlStore({ path: await restatedLog(count), catalog: defaultCatalog });
  const batch = (round: number): EventDraft[] => Array.from({ length: 1000 }, (_, index) => position(run, round, index));
  // Untimed: the first append onto a fresh copy also reads it to take the append state.
  const opened = await store.append(batch(0));
  const runs = [];
  for (const round of [1, 2, 3]) runs.push(await timed(() => store.append(batch(round))));
  // Untimed: retracted, the positions are no longer facts the rules keep, so the next run's batches fold no more than this run's did.
  const retracted = await store.append(batch(3).map((draft, index) => ({ id: `bench-${run}-position-retracted-${index}`, type: "log.event-retracted", effectiveAt: "2021-01-01", retracts: draft.id as string, data: { reason: "bench" } })));
  const median = runs.map((measured) => measured.seconds).sort((a, b) => a - b)[1] ?? Infinity;
  const ok = opened.ok && retracted.ok && runs.every((measured) => measured.value.ok && measured.value.appended.length === 1000);
  console.log(`append 1000 restated positions (kept by a rule) onto ${count}: median of 3 ${median.toFixed(2)} s (${runs.map((measured) => measured.seconds.toFixed(2)).join(", ")}; target < 1 s)${ok ? "" : " FAILED"}`);
  return !ok || median >= 1 ? [`1000 restatements onto ${count} events too slow or failed`] : [];
};

const BIN = resolve(import.meta.dirname, "../../packages/cli/bin/tertial.js");

/** `tertial append` of 1 000 drafts without ids, three times (median wall time of a fresh process); under 1 s like the library's append. */
const benchCommand = async (path: string, count: number, run: string): Promise<string[]> => {
  const seconds: number[] = [];
  let ok = true;
  for (const round of [0, 1, 2]) {
    const file = join(CACHE, `drafts-${run}-${round}.jsonl`);
    const withoutIds = drafts(`${run}c${round}`).map(({ id: _id, ...draft }) => draft);
    await writeFile(file, withoutIds.map((draft) => `${JSON.stringify(draft)}\n`).join(""));
    const started = process.hrtime.bigint();
    const done = spawnSync(process.execPath, [BIN, "append", path, "--events", file], { stdio: "ignore" });
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    ok &&= done.status === 0;
    await rm(file, { force: true });
  }
  const median = [...seconds].sort((a, b) => a - b)[1] ?? Infinity;
  console.log(`tertial append of 1000 drafts without ids onto ${count}: median of 3 ${median.toFixed(2)} s (${seconds.map((each) => each.toFixed(2)).join(", ")}; target < 1 s)${ok ? "" : " FAILED"}`);
  return !ok || median >= 1 ? [`tertial append onto ${count} events too slow or failed`] : [];
};

/** Appends 1 000 events, 1 000 corrections, 1 000 drafts through the command and 1 000 restatements onto each size; returns the targets missed (medians of 3 under 1 s, with the state). */
export const benchAppendOntoLarge = async (sizes: readonly number[] = [200_000, 1_000_000]): Promise<string[]> => {
  const missed: string[] = [];
  for (const count of sizes) {
    const path = await cachedLog(count);
    const store = jsonlStore({ path, catalog: defaultCatalog });
    const run = Date.now().toString(36);
    // The first append onto a log without a state reads it all once; later appends do not.
    const warm = await timed(() => store.append(drafts(`${run}w`)));
    const runs = [];
    for (const round of [0, 1, 2]) runs.push(await timed(() => store.append(drafts(`${run}${round}`))));
    const median = runs.map((measured) => measured.seconds).sort((a, b) => a - b)[1] ?? Infinity;
    const ok = warm.value.ok && runs.every((measured) => measured.value.ok);
    console.log(
      `append 1000 events onto ${count}: median of 3 ${median.toFixed(2)} s (${runs.map((measured) => measured.seconds.toFixed(2)).join(", ")}; target < 1 s; the append before them took ${warm.seconds.toFixed(2)} s)${ok ? "" : " FAILED"}`,
    );
    if (!ok || median >= 1) missed.push(`append onto ${count} events too slow or failed`);
    missed.push(...(await benchCorrections(store, count, run)));
    missed.push(...(await benchCommand(path, count, run)));
    missed.push(...(await benchRestatements(count, run)));
  }
  return missed;
};
