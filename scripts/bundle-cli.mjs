// Bundles the compiled CLI (packages/cli/dist, after `tsc -b`) into one script,
// packages/cli/dist/bundle/main.js, and makes V8's code cache of it (main.js.cache), which
// bin/tertial.js runs: a start then reads two files instead of ~280 ES modules, and deserialises
// compiled code instead of parsing 1,6 MB of JavaScript (a short command's CPU time falls by a
// fifth). Every path that builds dist/ calls this right after tsc (root prepare, build and bench,
// the CLI's build and prepack, the tests' global setup).
//
// * A script, not an ES module: Node 20 caches compiled code only for scripts (vm.Script). It is
//   strict, as the ES modules it is made of are. Lazy imports stay lazy (a module's code runs when
//   first imported); a script cannot import(), so the one package imported by name at run time
//   (playwright-core, CommonJS) is required, and a renderer plugin comes through bin/tertial.js.
// * All of @tertial/* is bundled in, so the process holds one copy of the core (the CLI maps its
//   error classes with instanceof; Decimals come from one decimal.js). Third-party code is bundled
//   too, resolved as Node would (main before module), except what stays external below.
// * The bundle is deterministic: paths in it are relative to the repository root, no timestamps,
//   so the same sources give the same bytes anywhere. The code cache is this machine's: V8 accepts
//   it only from the same V8 with the same flags, and it names the bundle's path, so the npm
//   package does not carry it (a cache refused or missing costs only the parse it would save).
// * Writes only files whose bytes changed, the bundle before its cache, each whole (a temporary
//   file renamed over it); the first line of both names the bundle's SHA-256, so a tertial that
//   starts between the two renames never runs the new bundle with the old cache.
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { build } from "esbuild";
import { BUNDLE_FILE, bundleScript, CACHE_SUFFIX, headerOf, WRAPPER } from "../packages/cli/bin/bundle-script.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "packages/cli/dist/bundle");
const ENTRY = join(ROOT, "packages/cli/dist/start.js");
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
    outfile: join(OUT, BUNDLE_FILE),
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    external: EXTERNAL,
    supported: { "dynamic-import": false },
    define: { "import.meta.url": "__bundleUrl" },
    banner: { js: '"use strict";\nconst __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
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

/**
 * The code cache of the bundle at `file`, headed as the bundle is, made after its modules ran
 * (their code is compiled only when first run): what every command runs before it does its own work.
 */
const codeCacheOf = (file, header) => {
  const script = bundleScript(file);
  script.runInThisContext()({}, createRequire(file), { exports: {} }, file, dirname(file));
  return Buffer.concat([Buffer.from(header, "latin1"), script.createCachedData()]);
};

const main = async () => {
  const { outputFiles } = await bundle();
  const [output] = outputFiles;
  if (outputFiles.length !== 1 || output === undefined) throw new Error(`esbuild made ${outputFiles.length} files, expected the bundle alone`);
  const header = headerOf(createHash("sha256").update(output.contents).digest("hex"));
  const file = join(OUT, BUNDLE_FILE);
  const cacheFile = `${file}.${CACHE_SUFFIX}`;
  const contents = Buffer.concat([Buffer.from(`${header}${WRAPPER[0]}`, "latin1"), output.contents, Buffer.from(WRAPPER[1], "latin1")]);
  await mkdir(OUT, { recursive: true });
  const before = await current(file);
  if (before === undefined || !before.equals(contents)) await writeWhole(file, contents);
  // Made again when the bundle changed, or when this Node refuses the one there (another version, other flags).
  const cached = await current(cacheFile);
  if (cached === undefined || bundleScript(file, cached).cachedDataRejected !== false) await writeWhole(cacheFile, codeCacheOf(file, header));
  const made = new Set([BUNDLE_FILE, `${BUNDLE_FILE}.${CACHE_SUFFIX}`]);
  // Another build's file in flight (*.tmp) is its own to rename.
  for (const name of await present()) if (!made.has(name) && !name.endsWith(".tmp") && name !== STAMP) await rm(join(OUT, name), { force: true });
  // Touched on every run, even when nothing changed: the shim compares it with tsc's build info to see a bundle older than dist/.
  await writeFile(join(OUT, STAMP), "");
};

await main();
