#!/usr/bin/env node
// The `tertial` binary: a committed shim, so installing links a file that exists before the build
// (pnpm links bins before `prepare` compiles src/ to dist/).
try {
  await import("../dist/main.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !String(error.message).includes("dist/main.js")) throw error;
  process.stderr.write("tertial: the command is not built (no dist/main.js); run `pnpm install` or `pnpm build` in the repository\n");
  process.exitCode = 1;
}
