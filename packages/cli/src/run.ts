import { defaultCatalog, formatIssue, LockTimeoutError, LogBrokenError, LogReadError, ReplayError, type Catalog } from "@tertial/core";
import { parseArgs } from "./args.js";
import { EXIT, UsageError, type Command, type ExitCode, type Io } from "./command.js";
import { commands } from "./commands/index.js";

export const VERSION = "0.1.0";

const exitCodeHelp = `Exit codes:
  0  success
  1  internal error (a bug in Tertial; please report it with the stack trace)
  2  usage error: unknown command, flag or value
  3  invalid input: events or log rejected; nothing was written
  4  verify: the chain is broken or a line was tampered with
  5  audit found disagreements / diff found differences
  6  a file could not be read or written, or the log lock could not be taken`;

export const generalHelp = (): string =>
  [
    `tertial ${VERSION}: event-sourced plans and follow-up reports`,
    "",
    "Usage: tertial <command> [log] [flags]",
    "",
    "Commands:",
    ...commands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`),
    "",
    "tertial <command> --help shows a command's flags.",
    "",
    exitCodeHelp,
    "",
  ].join("\n");

export const commandHelp = (command: Command): string =>
  [
    `Usage: ${command.usage}`,
    "",
    command.summary,
    "",
    ...(Object.keys(command.flags).length === 0 ? [] : ["Flags:", ...Object.entries(command.flags).map(([name, spec]) => `  --${name}${spec.value ? " <value>" : ""}\n      ${spec.help}`), ""]),
    exitCodeHelp,
    "",
  ].join("\n");

const ioErrorCodes = new Set(["ENOENT", "EACCES", "EISDIR", "ENOTDIR", "EPERM", "ENOSPC", "EROFS", "EEXIST"]);

/** Runs one command line and returns its exit code; every failure is one line on stderr. */
export const run = async (argv: readonly string[], io: Io, catalog: Catalog = defaultCatalog): Promise<ExitCode> => {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.stdout(generalHelp());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === "--version") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (command === undefined) {
    io.stderr(`tertial: unknown command "${name}" (tertial --help lists them)\n`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(commandHelp(command));
    return EXIT.ok;
  }
  try {
    return await command.run({ args: parseArgs(rest, command), io, catalog });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tertial ${command.name}: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof LogReadError) {
      for (const found of error.issues) io.stderr(`${formatIssue(found)}\n`);
      return error instanceof LogBrokenError ? EXIT.tampered : EXIT.invalid;
    }
    if (error instanceof ReplayError) {
      io.stderr(`tertial ${command.name}: ${error.message}\n`);
      return EXIT.invalid;
    }
    if (error instanceof LockTimeoutError) {
      io.stderr(`tertial ${command.name}: ${error.message}\n`);
      return EXIT.io;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== undefined && ioErrorCodes.has(code)) {
      const path = (error as NodeJS.ErrnoException).path;
      io.stderr(`tertial ${command.name}: ${path === undefined ? "" : `${path}: `}${(error as Error).message.replace(/^[A-Z]+: /, "")}\n`);
      return EXIT.io;
    }
    io.stderr(`tertial ${command.name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.internal;
  }
};

export const processIo = (): Io => ({
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
  cwd: process.cwd(),
  now: Date.now,
});
