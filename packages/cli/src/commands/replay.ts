import { readFile } from "node:fs/promises";
import {
  checkpoint,
  CheckpointError,
  CANONICAL_MAX_DEPTH,
  columnOf,
  formatIssue,
  issue,
  isPeriodParseError,
  parsePeriod,
  parseStrictJson,
  replay,
  resume,
  valueColumns,
  type Checkpoint,
  type Issue,
} from "@tertial/core";
import { EXIT, logArg, UsageError, required, value, type Command, type ParsedArgs } from "../command.js";
import { openStore } from "../store-location.js";
import { knownAtOption, warnAboutKnownAt } from "../known-at.js";
import { refuseWritingOnto, toJson, writeNewFile, type NewFile } from "../output.js";
import { didYouMean, matchWord } from "../suggest.js";
import { KNOWN_AT_HELP } from "./report.js";

/** A checkpoint file as read: its text (to place problems in) and its JSON, or the problem that it is not JSON. */
type CheckpointText = { readonly path: string; readonly text: string } & ({ readonly json: unknown } | { readonly problem: Issue });

/** Line and column (from 1) of a character of a text of several lines. */
const placeOf = (text: string, index: number): { readonly line: number; readonly column: number } => {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf("\n"); at !== -1 && at < index; at = text.indexOf("\n", at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: index - lineStart + 1 };
};

/**
 * Reads a checkpoint file: parsed as JSON.parse reads it (as every earlier version wrote and
 * read them), and only when that fails read again strictly, to say where and what was expected.
 */
const readCheckpoint = async (path: string): Promise<CheckpointText> => {
  const text = await readFile(path, "utf8");
  try {
    return { path, text, json: JSON.parse(text) as unknown };
  } catch {
    if (text.trim() === "") return { path, text, problem: issue("not-json", "", "is empty, not a checkpoint", { expected: "a checkpoint written by --checkpoint-out", file: path, line: 1, column: 1 }) };
    const strict = parseStrictJson(text, CANONICAL_MAX_DEPTH);
    const at = strict.ok ? { index: 0, path: "", message: "is not JSON", expected: "a checkpoint written by --checkpoint-out" } : strict;
    const message = `is not JSON: ${at.message.replace("the end of the line", "the end of the file")}`;
    return { path, text, problem: issue("not-json", at.path, message, { expected: at.expected, file: path, ...placeOf(text, at.index) }) };
  }
};

/** A refused checkpoint's issues, placed in its file at the field each names (or its nearest ancestor there). */
const placed = (read: CheckpointText, issues: readonly Issue[]): string[] => {
  const columns = valueColumns(read.text);
  return issues.map((found) => formatIssue({ ...found, file: read.path, ...placeOf(read.text, (columnOf(columns, found.path) ?? 1) - 1) }));
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
    let result: unknown;
    if (resumeFrom === undefined) result = await replay(store, catalog, projection, options);
    else {
      // Every refusal names the file, and where in it: the line and column of the field, or of the syntax error.
      const read = await readCheckpoint(resumeFrom);
      if ("problem" in read) {
        io.stderr(`${formatIssue(read.problem)}\n`);
        return EXIT.invalid;
      }
      try {
        result = await resume(store, catalog, projection, options, read.json as Checkpoint);
      } catch (error) {
        if (!(error instanceof CheckpointError)) throw error;
        for (const line of placed(read, error.issues)) io.stderr(`${line}\n`);
        return EXIT.invalid;
      }
    }
    if (checkpointOut !== undefined) {
      const saved = toJson(await checkpoint(store, catalog, projection, options));
      await writeNewFile(checkpointOut, async (handle) => handle.writeFile(saved));
    }
    io.stdout(toJson(result));
    return EXIT.ok;
  },
};
