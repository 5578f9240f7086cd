#!/usr/bin/env node
// The `tertial` binary: a committed shim, so installing links a file that exists before the build
// (pnpm links bins before `prepare` compiles src/ to dist/). It runs the bundle
// (scripts/bundle-cli.mjs), one script, with the V8 code cache the build made of it where this
// Node accepts it: a start then neither reads hundreds of modules nor parses the bundle again.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath, URL } from "node:url";
import { BUNDLE_FILE, bundleScript, CACHE_SUFFIX } from "./bundle-script.js";

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

const file = fileURLToPath(new URL(`../dist/bundle/${BUNDLE_FILE}`, import.meta.url));

const optional = (path) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
};

/** `tertial --version` needs none of the bundle: package.json says it (a test keeps the bundle's VERSION equal to it). */
const versionAsked = (args) => args.length === 1 && (args[0] === "--version" || args[0] === "-V");

const printVersion = () => {
  // A reader that closed the pipe already chose not to read it.
  process.stdout.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
  });
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
};

/** The bundle compiled (from the code cache where this Node accepts it), or undefined when it is not built. */
const compiledBundle = () => {
  try {
    return bundleScript(file, optional(`${file}.${CACHE_SUFFIX}`));
  } catch (error) {
    if (error?.code !== "ENOENT") throw error;
    process.stderr.write(`tertial: the command is not built (no dist/bundle/${BUNDLE_FILE}); run \`pnpm install\` or \`pnpm build\` in the repository\n`);
    process.exitCode = 1;
    return undefined;
  }
};

/** Runs the command in the bundle, which leaves its exit code in process.exitCode. */
const runBundle = async (args) => {
  const script = compiledBundle();
  if (script === undefined) return;
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  // The bundle is a script, which cannot import(): a renderer plugin is imported from here.
  await module.exports.start(args, { loadModule: (specifier) => import(specifier) });
};

const args = process.argv.slice(2);
if (versionAsked(args)) printVersion();
else await runBundle(args);
