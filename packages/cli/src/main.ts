#!/usr/bin/env node
import { VERSION } from "./version.js";

// The version needs none of the commands: answer before loading the core and the renderers.
const [first, ...rest] = process.argv.slice(2);
if ((first === "--version" || first === "-V") && rest.length === 0) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { processIo, run } = await import("./run.js");
  process.exitCode = await run(process.argv.slice(2), processIo());
}
