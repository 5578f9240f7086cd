#!/usr/bin/env node
// The `tertial` binary: a committed shim, so installing links a file that exists before the build
// (pnpm links bins before `prepare` compiles src/ to dist/). It runs the bundle
// (scripts/bundle-cli.mjs): a start reads a dozen files instead of every compiled module.
try {
  await import("../dist/bundle/main.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !/dist[\\/]bundle[\\/]main\.js/.test(String(error.message))) throw error;
  process.stderr.write("tertial: the command is not built (no dist/bundle/main.js); run `pnpm install` or `pnpm build` in the repository\n");
  process.exitCode = 1;
}
