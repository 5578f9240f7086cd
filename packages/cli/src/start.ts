import { VERSION } from "./version.js";
import { EXIT } from "./command.js";
import { ioErrorPhrase, processIo, run } from "./run.js";
import { useModuleLoader, type ModuleLoader } from "./module-loader.js";

export interface StartOptions {
  /**
   * How a module is loaded by URL or name (a renderer plugin): the launcher's own `import()`, where
   * the command runs as a script that cannot import (bin/tertial.js runs the bundle with V8's code cache).
   */
  readonly loadModule?: ModuleLoader;
}

/** " report" for `tertial report …`: the prefix of a message about the whole run. */
const commandName = (argv: readonly string[]): string => {
  const [first] = argv;
  return first === undefined || first.startsWith("-") ? "" : ` ${first}`;
};

/** Runs `tertial` with these arguments in this process; the exit code is left in process.exitCode. */
export const start = async (argv: readonly string[], options: StartOptions = {}): Promise<void> => {
  if (options.loadModule !== undefined) useModuleLoader(options.loadModule);
  // A reader that stops early (`tertial report … | head`) closes the pipe: that is the reader's choice, not an error.
  // Any other failure (a full disk under `tertial report … > report.md`) loses the output: the exit code must say so.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`tertial${commandName(argv)}: standard output: ${ioErrorPhrase(error)}\n`);
    process.exit(EXIT.io);
  });

  // A closed stderr (`tertial verify log 2>&1 >/dev/null | head -c1`) loses the messages, not the
  // outcome: the command runs on and exits with the code of what happened, as the README's table says.
  process.stderr.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });

  // The version needs none of the commands: answer before reading anything.
  const [first, ...rest] = argv;
  if ((first === "--version" || first === "-V") && rest.length === 0) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  process.exitCode = await run([...argv], processIo());
};
