import { VERSION } from "./version.js";
import { processIo, run } from "./run.js";
import { useModuleLoader, type ModuleLoader } from "./module-loader.js";

export interface StartOptions {
  /**
   * How a module is loaded by URL or name (a renderer plugin): the launcher's own `import()`, where
   * the command runs as a script that cannot import (bin/tertial.js runs the bundle with V8's code cache).
   */
  readonly loadModule?: ModuleLoader;
}

/** Runs `tertial` with these arguments in this process; the exit code is left in process.exitCode. */
export const start = async (argv: readonly string[], options: StartOptions = {}): Promise<void> => {
  if (options.loadModule !== undefined) useModuleLoader(options.loadModule);
  // A reader that stops early (`tertial report … | head`) closes the pipe: that is the reader's choice, not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
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
