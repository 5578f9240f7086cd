import { generateReport, knownAtCutoff, ReportError, REPORT_KINDS, snapshotFolderOf, type EventSource, type ReplaySnapshot } from "@tertial/core";
import { realpath } from "node:fs/promises";
import { EXIT, houseOption, logArg, required, UsageError, value, type Command } from "../command.js";
import { knownAtOption } from "../known-at.js";
import { progressReporter } from "../progress.js";
import { SNAPSHOT_FLAGS, snapshotsFor } from "../snapshots.js";
import { isPostgresUrl, openStore } from "../store-location.js";
import { VERSION } from "../version.js";
import { parseKind } from "../words.js";
import { KNOWN_AT_HELP, parseReportPeriod } from "./report.js";

const DEFAULT_EVERY = 10_000;

const parseEvery = (text: string | undefined, daily: boolean): number | undefined => {
  if (text === undefined) return daily ? undefined : DEFAULT_EVERY;
  if (!/^[1-9]\d{0,8}$/.test(text)) throw new UsageError(`--every must be a whole number of events from 1 to 999999999, not "${text}"`);
  return Number(text);
};

/** An instant just before each distinct time a correction was recorded (by the cut-off, if any), earliest first. */
const beforeCorrections = async (source: EventSource, knownAt: string | undefined): Promise<string[]> => {
  const cutoff = knownAt === undefined ? undefined : knownAtCutoff(knownAt);
  const times = new Set<number>();
  for await (const event of source.scanCorrections?.(false) ?? source.read()) {
    const recorded = Date.parse(event.recordedAt);
    if (cutoff !== undefined && recorded > cutoff) break;
    if (event.supersedes !== undefined || event.retracts !== undefined) times.add(recorded);
  }
  return [...times].sort((a, b) => a - b).map((time) => new Date(time - 1).toISOString());
};

/**
 * Takes snapshots of the folds one report reads, beside the log, so that the report (and diff)
 * as known at any date later reads only the events after the nearest one. Resumes from the
 * snapshots already there, so running it again after appends only folds what is new.
 */
export const snapshotCommand: Command = {
  name: "snapshot",
  summary: "keep snapshots of a report's folds beside the log, so reports as known at any date read only the events after the nearest one",
  usage: "tertial snapshot <log> --kind <kind> --period <period> [--every <events>] [--daily] [--known-at <when>] [--no-snapshots]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    kind: { value: true, placeholder: "kind", choices: REPORT_KINDS, help: "the report kind whose folds are snapshotted (as for tertial report)" },
    period: { value: true, placeholder: "period", help: "the report's period, e.g. 2020-T2 (as for tertial report)" },
    every: { value: true, placeholder: "events", help: `a snapshot after every this many events, and one at the end (default ${DEFAULT_EVERY}, or none with --daily)` },
    daily: { value: false, help: "a snapshot after the last event recorded on each day (Stockholm time), so a report as known at a date reads nothing after its snapshot" },
    "known-at": { value: true, placeholder: "when", help: `snapshot only what was recorded by then; ${KNOWN_AT_HELP}` },
    ...SNAPSHOT_FLAGS,
  },
  run: async (context) => {
    const { args, io, catalog } = context;
    const log = logArg(args);
    const kind = parseKind(required(args, "kind"));
    const period = parseReportPeriod(required(args, "period"));
    const daily = args.switches.has("daily");
    const every = parseEvery(value(args, "every"), daily);
    const knownAt = knownAtOption(value(args, "known-at"), io);
    const opened = openStore(log, { catalog });
    const snapshots = snapshotsFor(opened, args, io, "snapshot", { ...(every === undefined ? {} : { every }), daily });
    // Here a snapshot that does not fit is expected (each pass resumes where it can) and says nothing.
    if (snapshots === undefined) throw new UsageError(`${opened.name}: this store keeps no snapshots`);
    const taken: ReplaySnapshot[] = [];
    const counting = { ...snapshots, onStale: () => undefined, store: { ...snapshots.store, save: async (snapshot: ReplaySnapshot) => {
      await snapshots.store.save(snapshot);
      taken.push({ ...snapshot, states: {} });
    } } };
    const progress = progressReporter(io, "snapshot", log);
    try {
      // As known now (or at --known-at), then just before each later correction: a correction makes
      // the states before it stale for later cut-offs, but not for the cut-offs before it.
      for (const cutoff of [knownAt, ...(await beforeCorrections(opened.store, knownAt))]) {
        await generateReport(opened.store, catalog, { kind, period, generatedBy: `tertial ${VERSION}`, snapshots: counting, ...(cutoff === undefined ? {} : { knownAt: cutoff }), ...(progress.onProgress === undefined ? {} : { onProgress: progress.onProgress }), ...houseOption(context, kind) });
      }
    } catch (error) {
      if (error instanceof ReportError) throw new UsageError(error.message);
      throw error;
    } finally {
      progress.done();
    }
    const last = taken.reduce<ReplaySnapshot | undefined>((highest, snapshot) => (highest === undefined || snapshot.anchor.seq > highest.anchor.seq ? snapshot : highest), undefined);
    const folder = isPostgresUrl(log) ? `the database (${opened.name})` : snapshotFolderOf(await realpath(log));
    io.stdout(last === undefined ? `no new snapshot: the snapshots in ${folder} already reach the log's end\n` : `${taken.length} snapshot(s) taken, the latest after event ${last.anchor.seq} (recorded ${last.recordedAt}), in ${folder}\n`);
    return EXIT.ok;
  },
};
