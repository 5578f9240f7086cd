import { readFile } from "node:fs/promises";
import { checkpoint, isPeriodParseError, parsePeriod, replay, ReplayError, resume, type Checkpoint } from "@tertial/core";
import { EXIT, logArg, UsageError, required, value, type Command, type ParsedArgs } from "../command.js";
import { openStore } from "../store-location.js";
import { knownAtOption, warnAboutKnownAt } from "../known-at.js";
import { refuseWritingOnto, toJson, writeNewFile, type NewFile } from "../output.js";
import { didYouMean, matchWord } from "../suggest.js";
import { KNOWN_AT_HELP } from "./report.js";

/** A checkpoint file, or a ReplayError saying why it is not one (never an internal error). */
const readCheckpoint = async (path: string): Promise<Checkpoint> => {
  const text = await readFile(path, "utf8");
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch {
    throw new ReplayError(`${path} is not a checkpoint: not JSON`);
  }
  const fields = saved as Partial<Checkpoint> | null;
  if (typeof fields !== "object" || fields === null || typeof fields.projection !== "string" || typeof fields.seq !== "number" || typeof fields.hash !== "string" || !("state" in fields)) {
    throw new ReplayError(`${path} is not a checkpoint: it needs projection, period, knownAt, seq, hash and state (write one with --checkpoint-out)`);
  }
  return fields as Checkpoint;
};

/** --checkpoint-out is written as report's --out is: never onto the log, an existing file only with --force. */
const checkpointFile = (args: ParsedArgs, log: string): NewFile | undefined => {
  const path = value(args, "checkpoint-out");
  return path === undefined ? undefined : { path, option: "--checkpoint-out", replace: args.switches.has("force"), forceable: true, protect: [log] };
};

export const replayCommand: Command = {
  name: "replay",
  summary: "run a projection over the log and print its result as JSON",
  usage: "tertial replay <log> --projection <name> --period <period> [--known-at <when>] [--checkpoint-out <file> [--force]] [--resume <file>]",
  positionals: [{ name: "log", required: false, log: true }],
  flags: {
    projection: { value: true, placeholder: "name", help: "which projection (tertial replay --list shows them; å, ä, ö may be written or not)" },
    period: { value: true, placeholder: "period", help: "e.g. 2020, 2020-T2, 2020-T1..T2, 2020-H1, 2020-Q3, 2020-01-01..2020-08-31" },
    "known-at": { value: true, placeholder: "when", help: KNOWN_AT_HELP },
    "checkpoint-out": { value: true, placeholder: "file", path: true, help: "also write the projection's state as a checkpoint file, whole or not at all; never onto the log" },
    force: { value: false, help: "let --checkpoint-out replace an existing file (never the log itself)" },
    resume: { value: true, placeholder: "file", path: true, help: "start from a checkpoint file instead of replaying the whole log" },
    list: { value: false, help: "list the projections and exit" },
  },
  run: async ({ args, io, catalog }) => {
    if (args.switches.has("list")) {
      for (const projection of catalog.projections) io.stdout(`${projection.name}\t${projection.description}\n`);
      return EXIT.ok;
    }
    const log = logArg(args);
    const given = required(args, "projection");
    const names = catalog.projections.map((p) => p.name);
    const projection = catalog.projection(matchWord(given, names) ?? given);
    if (projection === undefined) throw new UsageError(`unknown projection "${given}"${didYouMean(given, names)}; one of: ${names.join(", ")}`);
    const period = parsePeriod(required(args, "period"));
    if (isPeriodParseError(period)) throw new UsageError(`--period: ${period.message}`);
    const knownAt = knownAtOption(value(args, "known-at"), io);
    const options = knownAt === undefined ? { period } : { period, knownAt };
    const checkpointOut = checkpointFile(args, log);
    if (checkpointOut !== undefined) await refuseWritingOnto(checkpointOut);
    const { store } = openStore(log, { catalog });
    await warnAboutKnownAt(io, "replay", store, knownAt);
    const resumeFrom = value(args, "resume");
    const result =
      resumeFrom === undefined ? await replay(store, catalog, projection, options) : await resume(store, catalog, projection, options, await readCheckpoint(resumeFrom));
    if (checkpointOut !== undefined) {
      const saved = toJson(await checkpoint(store, catalog, projection, options));
      await writeNewFile(checkpointOut, async (handle) => handle.writeFile(saved));
    }
    io.stdout(toJson(result));
    return EXIT.ok;
  },
};
