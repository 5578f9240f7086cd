import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { defaultCatalog, formatIssue, LockTimeoutError, LogBrokenError, LogReadError, ReplayError, type Catalog } from "@tertial/core";
import { flagsOf, parseArgs } from "./args.js";
import { EXIT, EXIT_MEANINGS, FileRefusal, isDamagedLine, UsageError, type Command, type ExitCode, type FlagSpec, type Io, type ParsedArgs, type RunOptions } from "./command.js";
import { commands } from "./commands/index.js";
import { storeFailure } from "./store-location.js";
import { didYouMean } from "./suggest.js";
import { VERSION } from "./version.js";

export { VERSION } from "./version.js";

/** The exit codes as the help prints them: the README's table without its Markdown. */
const exitCodeHelp = ["Exit codes:", ...Object.entries(EXIT_MEANINGS).map(([code, meaning]) => `  ${code}  ${meaning.replaceAll("`", "")}`)].join("\n");

export const generalHelp = (): string =>
  [
    `tertial ${VERSION}: event-sourced plans and follow-up reports`,
    "",
    "Usage: tertial <command> [log] [options]",
    "",
    "A log is a JSONL file, or a PostgreSQL log: postgres://user@host/database?log=<name>.",
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`),
    "",
    "Options:",
    "  -h, --help     show help (tertial <command> --help shows a command's options)",
    "  -V, --version  print the version",
    "",
    "The log is the first argument, or -f <log>, or the TERTIAL_LOG environment variable.",
    "Paths are relative to the directory you run tertial from.",
    "",
    exitCodeHelp,
    "",
  ].join("\n");

const flagLine = (name: string, spec: FlagSpec): string => {
  const names = `${spec.short === undefined ? "    " : `-${spec.short}, `}--${name}${spec.value ? ` <${spec.placeholder ?? "value"}>` : ""}`;
  return `  ${names}\n          ${spec.help}${spec.repeatable === true ? " (may be given more than once)" : ""}`;
};

export const commandHelp = (command: Command): string =>
  [
    `Usage: ${command.usage}`,
    "",
    command.summary,
    "",
    "Options:",
    ...Object.entries(flagsOf(command)).map(([name, spec]) => flagLine(name, spec)),
    "  -h, --help\n          show this help",
    "",
    exitCodeHelp,
    "",
  ].join("\n");

const IO_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory, not a file",
  ENOTDIR: "a part of the path is not a directory",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EEXIST: "already exists",
  EMFILE: "too many open files",
};

/** A system error as a plain phrase: Node's own codes named, any other said as Node says it. */
export const ioErrorPhrase = (error: NodeJS.ErrnoException): string => (error.code === undefined ? undefined : IO_ERRORS[error.code]) ?? error.message;

/** What went wrong, as one line with the command's prefix, and the exit code it means. */
const failure = (command: Command, error: unknown): { readonly lines: string; readonly code: ExitCode } => {
  const prefix = `tertial ${command.name}: `;
  if (error instanceof UsageError) return { lines: `${prefix}${error.message}\n`, code: EXIT.usage };
  if (error instanceof FileRefusal) return { lines: `${prefix}${error.message}\n`, code: EXIT.io };
  if (error instanceof LogReadError) return { lines: error.issues.map((found) => `${formatIssue(found)}\n`).join(""), code: error instanceof LogBrokenError || error.issues.some(isDamagedLine) ? EXIT.tampered : EXIT.invalid };
  if (error instanceof ReplayError) return { lines: error.issues.length > 0 ? error.issues.map((found) => `${formatIssue(found)}\n`).join("") : `${prefix}${error.message}\n`, code: EXIT.invalid };
  if (error instanceof LockTimeoutError) return { lines: `${prefix}${error.message}\n`, code: EXIT.io };
  const store = storeFailure(error);
  if (store !== undefined) return { lines: `${prefix}${store.message}\n`, code: store.code };
  const { code, path, syscall } = error as NodeJS.ErrnoException;
  // Node's own system errors get a plain phrase; an error of ours that carries a code has said it already.
  const said = code === undefined ? undefined : syscall === undefined && error instanceof Error ? error.message : IO_ERRORS[code];
  if (said !== undefined) return { lines: `${prefix}${path === undefined ? "" : `${path}: `}${said}\n`, code: EXIT.io };
  return { lines: `${prefix}internal error: ${(error as Error).stack ?? String(error)}\n`, code: EXIT.internal };
};

/**
 * Node's read of a directory fails with EISDIR and no path. When exactly one of the paths the
 * user gave is a directory, that is the one read as a file: the message names it.
 */
/** A replay's issues placed in the log the command was given: its path (or location) beside each event's line. */
const inTheLog = (error: unknown, command: Command, args: ParsedArgs | undefined): unknown => {
  const log = command.positionals[0]?.log === true ? args?.positionals[0] : undefined;
  if (!(error instanceof ReplayError) || error.issues.length === 0 || log === undefined) return error;
  return new ReplayError(error.message, error.issues.map((found) => ({ ...found, file: log })));
};

const withDirectoryNamed = async (error: unknown, command: Command, args: ParsedArgs | undefined, io: Io): Promise<unknown> => {
  const { code, path } = error as NodeJS.ErrnoException;
  if (code !== "EISDIR" || path !== undefined || args === undefined) return error;
  const flags = flagsOf(command);
  const given = [...args.positionals, ...[...args.values].flatMap(([name, values]) => (flags[name]?.path === true ? values : []))];
  const directories: string[] = [];
  for (const candidate of new Set(given)) {
    if (candidate !== "-" && (await stat(resolve(io.cwd, candidate)).catch(() => undefined))?.isDirectory() === true) directories.push(candidate);
  }
  const [only] = directories;
  return directories.length === 1 ? Object.assign(error as Error, { path: only }) : error;
};

const wantsHelp = (argv: readonly string[]): boolean => {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((token) => token === "--help" || token === "-h");
};

/** The first word when it is not a command: help, the version, or a usage error with a suggestion. */
const beforeCommand = (name: string | undefined, rest: readonly string[], io: Io): ExitCode | Command => {
  if (name === undefined) {
    io.stdout(generalHelp());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const about = commands.find((candidate) => candidate.name === rest[0]);
    io.stdout(about === undefined ? generalHelp() : commandHelp(about));
    return EXIT.ok;
  }
  if (name === "--version" || name === "-V") {
    if (rest.length > 0) {
      io.stderr(`tertial: unexpected argument "${rest[0] ?? ""}" after ${name}\n`);
      return EXIT.usage;
    }
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command !== undefined) return command;
  const names = commands.map((candidate) => candidate.name);
  if (name.startsWith("-")) io.stderr(`tertial: unknown option ${name}${didYouMean(name.replace(/^-+/, ""), ["help", "version"], (word) => `--${word}`)} (tertial --help lists the commands)\n`);
  else io.stderr(`tertial: unknown command "${name}"${didYouMean(name, names)} (tertial --help lists them)\n`);
  return EXIT.usage;
};

/** Runs one command line and returns its exit code; every failure is one line on stderr with one prefix. */
export const run = async (argv: readonly string[], io: Io, catalog: Catalog = defaultCatalog, options: RunOptions = {}): Promise<ExitCode> => {
  const [name, ...rest] = argv;
  const found = beforeCommand(name, rest, io);
  if (typeof found === "number") return found;
  const command = found;
  if (wantsHelp(rest)) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  let args: ParsedArgs | undefined;
  try {
    args = parseArgs(rest, command, io);
    return await command.run({ args, io, catalog, ...(options.houseFor === undefined ? {} : { houseFor: options.houseFor }) });
  } catch (error) {
    const { lines, code } = failure(command, await withDirectoryNamed(inTheLog(error, command, args), command, args, io));
    io.stderr(lines);
    return code;
  }
};

export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  // Once a closed pipe has failed a write (see main.ts), nothing more is written to it.
  stderr: (text) => {
    if (!process.stderr.destroyed) process.stderr.write(text);
  },
  stderrIsTty: process.stderr.isTTY === true,
  cwd: process.cwd(),
  now: Date.now,
  env: process.env,
  elapsed: () => performance.now(),
});
