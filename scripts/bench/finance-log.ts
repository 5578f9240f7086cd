/**
 * One generator for the throughput benches: a finance-heavy log (the example's reference data,
 * budgets and figures first, then costs booked and funds received across 2020's areas, sources
 * and months) and the equivalent hledger journal, written from the same events. Both are cached
 * in the temp dir by size and generator version, since a 1 000 000-event log takes a while.
 * With `stated`, every 20th bulk event is a stated figure instead (for the audit's memory).
 */
import { createHash } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { finished } from "node:stream/promises";
import { GENESIS_HASH, lineOf, sealed, type StoredEvent } from "@tertial/core";

const CACHE = join(tmpdir(), "tertial-bench-cache");
const GENERATOR = "f1";
const EXAMPLE = resolve(import.meta.dirname, "../../examples/kommunal-utveckling-2020/events.jsonl");
const AREAS = ["aldre", "barn-och-unga", "ehalsa", "fou", "fourum-fritid", "fourum-svhs", "fourum-utbildning", "funktionshinder", "kurs-och-konferens", "psykiatri"];
const SOURCES = ["kommunerna", "staten", "ovriga"] as const;
const BULK_START = Date.UTC(2021, 0, 1);

type Unsealed = Omit<StoredEvent, "seq" | "prevHash" | "hash">;

/** The example's events, as recorded: areas, funders, budgets, opening balances the report reads. */
const prefix = async (): Promise<Unsealed[]> =>
  (await readFile(EXAMPLE, "utf8"))
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const { seq: _seq, prevHash: _prev, hash: _hash, ...rest } = JSON.parse(line) as StoredEvent;
      return rest;
    });

const pad = (value: number): string => String(value).padStart(2, "0");
const LAST_DAY = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The n-th bulk event: a month's cost or receipt for an area and source, recorded 10 s after the one before. */
const bulkEvent = (n: number, stated: boolean): Unsealed => {
  const month = 1 + (n % 12);
  const area = AREAS[Math.floor(n / 12) % AREAS.length] as string;
  const source = SOURCES[Math.floor(n / 120) % 3] as string;
  const from = `2020-${pad(month)}-01`;
  const to = `2020-${pad(month)}-${pad(LAST_DAY[month - 1] as number)}`;
  const recordedAt = new Date(BULK_START + n * 10_000).toISOString();
  const amount = String(1000 + ((n * 7919) % 90_000));
  if (stated && n % 20 === 19) {
    const data = { document: `Bench ${Math.floor(n / 1000)}`, figureKey: "finance.received", label: `${area} erhållna medel`, params: { row: area }, period: "2020-T2", printed: `${n % 97} 000`, unit: "kr" };
    return { id: `bench-stated-${n}`, type: "reconciliation.figure-stated", schemaVersion: 1, effectiveAt: "2021-01-01", recordedAt, data };
  }
  const type = n % 10 === 0 ? "finance.funds-received" : "finance.cost-booked";
  return { id: `bench-${n}`, type, schemaVersion: 1, effectiveAt: to, recordedAt, data: { amount, areaId: area, from, source, to } };
};

/** The same money as hledger postings: costs as expenses, receipts as income, against the area's funds. */
const journalEntry = (event: Unsealed): string => {
  if (event.type !== "finance.cost-booked" && event.type !== "finance.funds-received") return "";
  const data = event.data as { amount: string; areaId: string; source?: string };
  const cost = event.type === "finance.cost-booked";
  const account = `${cost ? "expenses" : "income"}:${data.areaId}:${data.source ?? "okand"}`;
  return `${event.effectiveAt} ${event.id}\n    ${account}  ${cost ? "" : "-"}${data.amount} SEK\n    assets:${data.areaId}\n\n`;
};

const writeAll = async (path: string, lines: Iterable<string>): Promise<void> => {
  const out = createWriteStream(`${path}.tmp`);
  let chunk: string[] = [];
  for (const line of lines) {
    chunk.push(line);
    if (chunk.length === 4096) {
      if (!out.write(chunk.join(""))) await new Promise<void>((done) => out.once("drain", () => done()));
      chunk = [];
    }
  }
  out.end(chunk.join(""));
  await finished(out);
  await rename(`${path}.tmp`, path);
};

function* events(head: readonly Unsealed[], count: number, stated: boolean): Generator<Unsealed> {
  yield* head;
  for (let n = 0; n < count - head.length; n += 1) yield bulkEvent(n, stated);
}

function* chained(all: Iterable<Unsealed>): Generator<string> {
  let previous = GENESIS_HASH;
  let seq = 0;
  for (const event of all) {
    const stored = sealed({ ...event, seq, prevHash: previous });
    previous = stored.hash;
    seq += 1;
    yield `${lineOf(stored)}\n`;
  }
}

export interface GeneratedLog {
  readonly log: string;
  readonly journal: string;
  readonly events: number;
}

/** The cached log of `count` events (and its journal), generated when missing. */
export const financeLog = async (count: number, options: { readonly stated?: boolean } = {}): Promise<GeneratedLog> => {
  const stated = options.stated === true;
  // The example's own lines come first, so a changed example is a new log, never a stale cached one.
  const example = createHash("sha256").update(await readFile(EXAMPLE)).digest("hex").slice(0, 12);
  const base = join(CACHE, `finance-${count}${stated ? "-stated" : ""}-${GENERATOR}-${example}`);
  const log = `${base}.jsonl`;
  const journal = `${base}.journal`;
  const done = `${base}.done`;
  if (!existsSync(done)) {
    await mkdir(CACHE, { recursive: true });
    const started = process.hrtime.bigint();
    const head = await prefix();
    await writeAll(log, chained(events(head, count, stated)));
    await writeAll(journal, (function* () {
      for (const event of events(head, count, stated)) yield journalEntry(event);
    })());
    await writeFile(done, "");
    console.log(`generated a ${count}-event finance log and journal in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s (cached in ${CACHE})`);
  }
  return { log, journal, events: count };
};
