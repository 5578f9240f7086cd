/**
 * The PostgreSQL part of `pnpm bench`: the same 200 000-event log in a JSONL file and in
 * PostgreSQL, measured side by side (verify, replay, append of 1 000 events), 8 writer
 * processes × 1 000 events appending at once, which must lose nothing and keep the chain valid,
 * and 1 000 events appended onto 200 000- and 1 000 000-event PostgreSQL logs from the saved
 * append state, by the library and by the command with drafts without ids, and 1 000 restated
 * positions (targets under 1 s, as for the file store).
 * Uses TERTIAL_TEST_PG_URL's server, or starts a throwaway durable cluster (fsync on); without
 * either it prints "skipped: no PostgreSQL" and measures nothing.
 */
import { spawnSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultCatalog, GENESIS_HASH, jsonlStore, lineOf, period, replay, sealed, staffingProjection, verifyLog, type EventStore, type Projection, type StoredEvent } from "@tertial/core";
import { runWriterProcesses, SHARED_WRITER_EVENT_ID, writerIds, type WriterJob } from "@tertial/core/testing";
import { postgresStore, type PostgresStore } from "@tertial/store-postgres";
import { startCluster, type Cluster } from "./postgres-cluster.js";

const LOG_EVENTS = 200_000;
const WRITERS = 8;
const WRITER_BATCHES = 10;
const WRITER_BATCH_SIZE = 100;

const seconds = async <T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> => {
  const started = process.hrtime.bigint();
  const value = await work();
  return { value, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};

const staffEvent = (index: number): Omit<StoredEvent, "seq" | "prevHash" | "hash"> => {
  const effectiveAt = `2020-${String(1 + (Math.floor(index / 28) % 12)).padStart(2, "0")}-${String(1 + (index % 28)).padStart(2, "0")}`;
  const recordedAt = new Date(Date.UTC(2020, 0, 1) + index * 1000).toISOString();
  return index % 3 === 0
    ? { id: `p-${index}`, type: "staff.position-opened", schemaVersion: 1, effectiveAt, recordedAt, data: { positionId: `pos-${index}`, areaId: "fou", employmentForm: "visstid", fte: "0.50", financing: "grund" } }
    : { id: `p-${index}`, type: "staff.position-changed", schemaVersion: 1, effectiveAt, recordedAt, data: { positionId: `pos-${index - (index % 3)}`, fte: index % 2 === 0 ? "1.00" : "0.75" } };
};

const writeStaffLog = async (path: string, count: number): Promise<void> => {
  const area = { id: "area-fou", type: "reference.area-established", schemaVersion: 1, effectiveAt: "2015-01-01", recordedAt: "2019-01-01T00:00:00.000Z", data: { areaId: "fou", name: "FoU" } };
  let previous = GENESIS_HASH;
  const lines = [area, ...Array.from({ length: count }, (_, index) => staffEvent(index))].map((event, seq) => {
    const stored = sealed({ ...event, seq, prevHash: previous });
    previous = stored.hash;
    return lineOf(stored);
  });
  await writeFile(path, `${lines.join("\n")}\n`);
};

const draftsFor = (run: string) =>
  Array.from({ length: 1000 }, (_, index) => ({ type: "staff.position-opened", effectiveAt: "2021-01-01", id: `bench-${run}${index}`, data: { positionId: `bench-${run}${index}`, areaId: "fou", employmentForm: "visstid", fte: "1.00", financing: "grund" } }));
const appendDrafts = draftsFor("");

interface Measures {
  readonly verify: number;
  readonly replay: number;
  readonly append: number;
}

const measureStore = async (store: EventStore, verify: () => Promise<{ issues: readonly unknown[] }>): Promise<Measures> => {
  const verified = await seconds(verify);
  if (verified.value.issues.length > 0) throw new Error("the bench log does not verify");
  const replayed = await seconds(() => replay(store, defaultCatalog, staffingProjection as Projection<unknown, unknown>, { period: period("2020") }));
  const appended = await seconds(() => store.append(appendDrafts));
  if (!appended.value.ok) throw new Error("the bench append was refused");
  return { verify: verified.seconds, replay: replayed.seconds, append: appended.seconds };
};

const withLog = (url: string, log: string): string => {
  const parsed = new URL(url);
  parsed.searchParams.set("log", log);
  return parsed.toString();
};

/** 8 processes × 1 000 events at once; returns what went wrong, if anything. */
const concurrentWriters = async (url: string): Promise<string[]> => {
  const location = withLog(url, `bench-writers-${process.pid}-${Date.now()}`);
  const script = fileURLToPath(new URL("../packages/store-postgres/test/writer-process.ts", import.meta.url));
  const jobs: WriterJob[] = Array.from({ length: WRITERS }, (_, writer) => ({ writer, batches: WRITER_BATCHES, batchSize: WRITER_BATCH_SIZE }));
  const store = postgresStore({ location, catalog: defaultCatalog });
  try {
    await store.create();
    const run = await seconds(() =>
      runWriterProcesses(jobs.map((job) => ({ command: process.execPath, args: ["--conditions=@tertial/source", "--import", "tsx", script, location, "write", JSON.stringify(job)] }))),
    );
    const ids: string[] = [];
    for await (const event of store.read()) ids.push(event.id);
    const verified = await store.verify(defaultCatalog);
    const expected = jobs.flatMap(writerIds);
    const present = new Set(ids);
    const lost = expected.filter((id) => !present.has(id)).length;
    const duplicated = ids.length - present.size;
    const total = WRITERS * WRITER_BATCHES * WRITER_BATCH_SIZE;
    console.log(`postgres: ${WRITERS} processes × ${WRITER_BATCHES * WRITER_BATCH_SIZE} events (batches of ${WRITER_BATCH_SIZE}): ${run.seconds.toFixed(1)} s, ${Math.round(total / run.seconds)} events/s; ${ids.length} events in the log (${total} + 1 shared), ${lost} lost, ${duplicated} duplicated, verify ${verified.issues.length === 0 ? "ok" : `FAILED (${verified.issues.length})`}`);
    const problems: string[] = [];
    if (lost > 0 || duplicated > 0 || ids.length !== total + 1 || !present.has(SHARED_WRITER_EVENT_ID)) problems.push("concurrent PostgreSQL writers lost or duplicated events");
    if (verified.issues.length > 0) problems.push("the chain written by concurrent PostgreSQL writers does not verify");
    return problems;
  } finally {
    await store.close();
  }
};

const compareStores = async (dir: string, url: string): Promise<void> => {
  const path = join(dir, "compare.jsonl");
  await writeStaffLog(path, LOG_EVENTS);
  const file = await measureStore(jsonlStore({ path, catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) }), () => verifyLog(path, defaultCatalog));
  const store: PostgresStore = postgresStore({ location: withLog(url, `bench-compare-${process.pid}-${Date.now()}`), catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
  try {
    const imported = await seconds(() => store.importEvents(jsonlStore({ path, catalog: defaultCatalog }).read()));
    if (!imported.value.ok) throw new Error("the bench import was refused");
    const database = await measureStore(store, () => store.verify(defaultCatalog));
    const row = (name: string, jsonl: number, postgres: number): string => `${name.padEnd(28)} jsonl ${jsonl.toFixed(2).padStart(7)} s   postgres ${postgres.toFixed(2).padStart(7)} s`;
    console.log(`postgres vs jsonl, ${LOG_EVENTS + 1} events:`);
    console.log(`  ${"import into postgres".padEnd(28)} ${imported.seconds.toFixed(2)} s`);
    console.log(`  ${row("verify", file.verify, database.verify)}`);
    console.log(`  ${row("replay (staffing)", file.replay, database.replay)}`);
    console.log(`  ${row("append 1 000 events", file.append, database.append)}`);
  } finally {
    await store.close();
  }
};

const LARGE_LOGS = [200_000, 1_000_000];
const APPEND_TARGET_SECONDS = 1;

/** The staff log of `writeStaffLog`, generated event by event for an import: no file, no whole log in memory. */
async function* staffEvents(count: number): AsyncGenerator<StoredEvent> {
  const area = { id: "area-fou", type: "reference.area-established", schemaVersion: 1, effectiveAt: "2015-01-01", recordedAt: "2019-01-01T00:00:00.000Z", data: { areaId: "fou", name: "FoU" } };
  let previous = GENESIS_HASH;
  for (let seq = 0; seq <= count; seq += 1) {
    const event = sealed({ ...(seq === 0 ? area : staffEvent(seq - 1)), seq, prevHash: previous });
    previous = event.hash;
    yield event;
  }
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * 1 000 events onto a PostgreSQL log of `count` events: the first append after the import, from
 * the append state the import learnt as it copied (the target, as for any append); then three
 * appends each by a store of its own,
 * as three CLI runs would make them, starting from the state row (the target); then three by one
 * store, which keeps the state it committed and reads the row's head only. Returns the targets missed.
 */
const appendOntoLarge = async (dir: string, url: string, count: number): Promise<string[]> => {
  const location = withLog(url, `bench-append-${count}-${process.pid}-${Date.now()}`);
  const open = (): PostgresStore => postgresStore({ location, catalog: defaultCatalog, clock: () => Date.UTC(2030, 0, 1) });
  const append = async (store: PostgresStore, run: string): Promise<number> => {
    const appended = await seconds(() => store.append(draftsFor(run)));
    if (!appended.value.ok || appended.value.appended.length !== 1000) throw new Error("the bench append was refused");
    return appended.seconds;
  };
  const store = open();
  try {
    const imported = await seconds(() => store.importEvents(staffEvents(count)));
    if (!imported.value.ok) throw new Error("the bench import was refused");
    const first = await append(store, "first-");
    const fresh: number[] = [];
    for (const run of ["a-", "b-", "c-"]) {
      const own = open();
      try {
        fresh.push(await append(own, run));
      } finally {
        await own.close();
      }
    }
    await append(store, "warm-");
    const kept = [await append(store, "d-"), await append(store, "e-"), await append(store, "f-")];
    const time = median(fresh);
    const shown = String(count).replace(/\B(?=(\d{3})+$)/g, " ");
    console.log(
      `postgres: append 1 000 events onto a ${shown}-event log: ${time.toFixed(2)} s (median of 3, each by a new store from the saved state; target < ${APPEND_TARGET_SECONDS} s); ` +
        `by one store in a row ${median(kept).toFixed(2)} s; the first after the import, from the state it learnt, ${first.toFixed(2)} s (target < ${APPEND_TARGET_SECONDS} s); import ${imported.seconds.toFixed(1)} s`,
    );
    const command = await commandAppends(dir, location);
    console.log(`postgres: tertial append of 1 000 drafts without ids onto a ${shown}-event log: ${median(command.seconds).toFixed(2)} s (median of 3 fresh processes; target < ${APPEND_TARGET_SECONDS} s)${command.ok ? "" : " FAILED"}`);
    const restated = await restatements(open);
    console.log(`postgres: append 1 000 restated positions (kept by a rule) onto a ${shown}-event log: ${median(restated).toFixed(2)} s (median of 3, each by a new store; target < ${APPEND_TARGET_SECONDS} s)`);
    return [
      ...(median(restated) < APPEND_TARGET_SECONDS ? [] : [`restating 1 000 positions onto a ${shown}-event PostgreSQL log takes ${median(restated).toFixed(2)} s`]),
      ...(time < APPEND_TARGET_SECONDS ? [] : [`appending 1 000 events onto a ${shown}-event PostgreSQL log takes ${time.toFixed(2)} s`]),
      ...(first < APPEND_TARGET_SECONDS ? [] : [`the first append of 1 000 events after importing a ${shown}-event log into PostgreSQL takes ${first.toFixed(2)} s`]),
      ...(command.ok && median(command.seconds) < APPEND_TARGET_SECONDS ? [] : [`tertial append of 1 000 drafts without ids onto a ${shown}-event PostgreSQL log: ${median(command.seconds).toFixed(2)} s or refused`]),
    ];
  } finally {
    await store.close();
  }
};

/**
 * 1 000 positions of the log restated (each superseding the opening of a position the staff rules
 * know: round r restates round r − 1's events), three rounds, each by a store of its own.
 */
const restatements = async (open: () => PostgresStore): Promise<number[]> => {
  const times: number[] = [];
  for (const round of [1, 2, 3]) {
    const drafts = Array.from({ length: 1000 }, (_, index) => {
      const n = 3 * index;
      return { id: `bench-restated-${round}-${n}`, type: "staff.position-opened", effectiveAt: "2020-01-01", supersedes: round === 1 ? `p-${n}` : `bench-restated-${round - 1}-${n}`, data: { positionId: `pos-${n}`, areaId: "fou", employmentForm: "visstid", fte: ["0.25", "0.50", "0.75"][round - 1] as string, financing: "grund" } };
    });
    const store = open();
    try {
      const appended = await seconds(() => store.append(drafts));
      if (!appended.value.ok || appended.value.appended.length !== 1000) throw new Error(`the bench restatement was refused: ${JSON.stringify(appended.value.ok ? appended.value.alreadyPresent.length : appended.value.issues.slice(0, 2))}`);
      times.push(appended.seconds);
    } finally {
      await store.close();
    }
  }
  return times;
};

const BIN = fileURLToPath(new URL("../packages/cli/bin/tertial.js", import.meta.url));

/**
 * The command as a user runs it on a database log: `tertial append --events` of 1 000 drafts
 * without ids, three times in fresh processes (wall time). Such drafts get fresh ids, so the
 * command looks for the same batch appended before: by the content column's index, not a scan.
 */
const commandAppends = async (dir: string, location: string): Promise<{ seconds: number[]; ok: boolean }> => {
  const seconds: number[] = [];
  let ok = true;
  for (const round of [0, 1, 2]) {
    const file = join(dir, `postgres-drafts-${round}.jsonl`);
    await writeFile(file, draftsFor(`cli-${round}-`).map(({ id: _id, ...draft }) => `${JSON.stringify(draft)}\n`).join(""));
    const started = process.hrtime.bigint();
    const done = spawnSync(process.execPath, [BIN, "append", location, "--events", file], { stdio: "ignore" });
    seconds.push(Number(process.hrtime.bigint() - started) / 1e9);
    ok &&= done.status === 0;
  }
  return { seconds, ok };
};

const server = (): { url: string; cluster?: Cluster } | { skipped: string } => {
  const given = process.env.TERTIAL_TEST_PG_URL;
  if (given !== undefined && given !== "") return { url: given };
  try {
    const cluster = startCluster({ durable: true });
    return { url: cluster.url, cluster };
  } catch (error) {
    return { skipped: (error as Error).message.split("\n")[0] ?? "" };
  }
};

/** Runs the PostgreSQL measures; returns the targets missed. */
export const benchPostgres = async (dir: string): Promise<string[]> => {
  const found = server();
  if ("skipped" in found) {
    console.log(`postgres: skipped: no PostgreSQL (${found.skipped})`);
    return [];
  }
  try {
    const problems = await concurrentWriters(found.url);
    await compareStores(dir, found.url);
    for (const count of LARGE_LOGS) problems.push(...(await appendOntoLarge(dir, found.url, count)));
    return problems;
  } finally {
    found.cluster?.stop();
  }
};
