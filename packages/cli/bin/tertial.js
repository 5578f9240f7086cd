#!/usr/bin/env node
// The `tertial` binary: a committed shim, so installing links a file that exists before the build
// (pnpm links bins before `prepare` compiles src/ to dist/). It runs the bundle
// (scripts/bundle-cli.mjs): a start reads a dozen files instead of every compiled module.
import { statSync } from "node:fs";
import { URL } from "node:url";

/**
 * In a checkout, `tsc -b` alone updates dist/ but not the bundle this runs: say so rather than run
 * yesterday's code. An installed package has no build info, and then nothing is compared.
 */
const PACKAGES = ["cli", "core", "render-markdown", "render-html", "render-pdf", "store-postgres"];
const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = modified("../dist/bundle/.bundled");
if (bundled !== undefined && PACKAGES.some((name) => (modified(`../../${name}/dist/.tsbuildinfo`) ?? 0) > bundled)) {
  process.stderr.write("tertial: warning: the bundle is older than the compiled packages (tsc -b ran without bundling); run `pnpm build` in the repository\n");
}

try {
  await import("../dist/bundle/main.js");
} catch (error) {
  if (error?.code !== "ERR_MODULE_NOT_FOUND" || !/dist[\\/]bundle[\\/]main\.js/.test(String(error.message))) throw error;
  process.stderr.write("tertial: the command is not built (no dist/bundle/main.js); run `pnpm install` or `pnpm build` in the repository\n");
  process.exitCode = 1;
}
