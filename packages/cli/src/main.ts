#!/usr/bin/env node
import { VERSION } from "./version.js";

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

// The version needs none of the commands: answer before loading the core and the renderers.
const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { processIo, run } = await import("./run.js");
  process.exitCode = await run(process.argv.slice(2), processIo());
}
