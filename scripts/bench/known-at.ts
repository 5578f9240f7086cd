/**
 * Known-at reports served from snapshots, in one process (what a service answering auditors
 * pays per question, without Node's start-up): the log and its snapshots are given; prints, as
 * JSON, the milliseconds of each report (replay from the nearest snapshot, build, Markdown) as
 * known at each date and instant asked. Before them the process has answered four other
 * questions (two as known now, two as known at the warm-up dates, which are not measured), as a
 * running service has: the first reports of a process also pay for compiling its code.
 *
 * Every date is asked in each of `ROUNDS` rounds, the dates in turn (never one date twice in a
 * row), and its time is the median of its asks, as the bench's other times are medians of 3:
 * one ask on a shared machine measures its neighbours' load as much as the report (the same date
 * varies by ±15 ms). No report is kept between asks: each reads and parses its snapshot again and
 * builds its document anew; what a process keeps is what a service keeps too, its compiled code
 * and the core's memos of pure functions, which the warm-ups fill as well: pooled-seat quotients
 * (`shareOf`, of two counts) and evidence anchors (`evidenceAnchor`, of a figure's key). The
 * slowest ask of each is given too.
 */
import { defaultCatalog, fileSnapshots, generateReport, jsonlStore, parsePeriod, type Period } from "@tertial/core";
import { markdownRenderer } from "@tertial/render-markdown";

const [log, code, warmUps, ...knownAts] = process.argv.slice(2);
if (log === undefined || code === undefined || warmUps === undefined) throw new Error("usage: known-at.ts <log> <code> <warm-up known-at,…> <known-at>…");
const store = jsonlStore({ path: log, catalog: defaultCatalog });
let resumedEvery = true;
const snapshots = { store: fileSnapshots(log), code, onStale: () => (resumedEvery = false) };
const period = parsePeriod("2020-T2") as Period;

const reportMs = async (knownAt: string | undefined): Promise<number> => {
  const started = process.hrtime.bigint();
  const built = await generateReport(store, defaultCatalog, { kind: "tertialrapport", period, generatedBy: code, snapshots, ...(knownAt === undefined ? {} : { knownAt }) });
  markdownRenderer.render(built.document, {});
  return Number(process.hrtime.bigint() - started) / 1e6;
};

await reportMs(undefined);
await reportMs(undefined);
for (const knownAt of warmUps.split(",").filter((day) => day !== "")) await reportMs(knownAt);
const ROUNDS = 3;
const asks = new Map<string, number[]>(knownAts.map((knownAt) => [knownAt, []]));
for (let round = 0; round < ROUNDS; round += 1) for (const knownAt of knownAts) asks.get(knownAt)?.push(await reportMs(knownAt));
const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const times = Object.fromEntries([...asks].map(([knownAt, measured]) => [knownAt, median(measured)]));
const slowest = Object.fromEntries([...asks].map(([knownAt, measured]) => [knownAt, Math.max(...measured)]));
process.stdout.write(`${JSON.stringify({ times, slowest, rounds: ROUNDS, resumedEvery })}\n`);
