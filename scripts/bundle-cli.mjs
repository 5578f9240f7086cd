// Bundles the compiled CLI (packages/cli/dist, after `tsc -b`) into packages/cli/dist/bundle/, which
// bin/tertial.js runs: a start then reads a dozen files instead of ~280 ES modules. Every path that
// builds dist/ calls this right after tsc (root prepare, build and bench, the CLI's build and
// prepack, the tests' global setup).
//
// * Code splitting keeps the lazy imports lazy: the commands, each renderer, node-postgres.
// * All of @tertial/* is bundled in, so the process holds one copy of the core (the CLI maps its
//   error classes with instanceof; Decimals come from one decimal.js). Third-party code is bundled
//   too, resolved as Node would (main before module), except what stays external below.
// * Deterministic: paths in the output are relative to the repository root, no timestamps, and
//   chunk names are hashes of their content, so the same sources give the same bytes anywhere.
// * Writes only files whose bytes changed, chunks before the entry, and removes stale chunks last,
//   so a tertial already running (another test, the bench) never sees a half-written bundle.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "packages/cli/dist/bundle");
const ENTRY = join(ROOT, "packages/cli/dist/main.js");
/** The file whose modification time says when the bundle was last made (bin/tertial.js reads it). */
const STAMP = ".bundled";

/**
 * Left to Node at run time, resolved from the installed @tertial/cli (declared in its
 * dependencies): pg loads pg-native by an optional require, and playwright-core reads its own
 * files (browser descriptors, injected scripts) by path next to its modules.
 */
const EXTERNAL = ["pg", "playwright-core"];

const bundle = async () =>
  build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    write: false,
    logLevel: "warning",
  });

const current = async (path) => {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
};

/** A file appears whole: written beside its place, then renamed over it. */
const writeWhole = async (path, contents) => {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, path);
};

const present = async () => {
  try {
    return await readdir(OUT);
  } catch {
    return [];
  }
};

const main = async () => {
  const { outputFiles } = await bundle();
  const isEntry = (file) => Number(file.path === join(OUT, "main.js"));
  await mkdir(OUT, { recursive: true });
  for (const file of [...outputFiles].sort((a, b) => isEntry(a) - isEntry(b))) {
    const before = await current(file.path);
    if (before === undefined || !before.equals(file.contents)) await writeWhole(file.path, file.contents);
  }
  const made = new Set(outputFiles.map((file) => file.path));
  // Another build's file in flight (*.tmp) is its own to rename.
  for (const name of await present()) if (!made.has(join(OUT, name)) && !name.endsWith(".tmp") && name !== STAMP) await rm(join(OUT, name), { force: true });
  // Touched on every run, even when no chunk changed: the shim compares it with tsc's build info to see a bundle older than dist/.
  await writeFile(join(OUT, STAMP), "");
};

await main();
