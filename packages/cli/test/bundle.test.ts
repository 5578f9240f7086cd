import { execFile } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { createHash } from "node:crypto";
import { Buffer, isAscii } from "node:buffer";
import { describe, expect, it } from "vitest";
import { BUNDLE_FILE, bundleScript, CACHE_SUFFIX, headerOf, WRAPPER } from "../bin/bundle-script.js";
import { BIN, REPO, useTempDir } from "./foundation/cli.js";

const exec = promisify(execFile);
const BUNDLE = join(REPO, "packages/cli/dist/bundle");
const RECORD_LOADS = pathToFileURL(join(REPO, "packages/cli/test/fixtures/record-loads.mjs")).href;
const EXAMPLE_LOG = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");

const tempDir = useTempDir();

/** The repository files a real `tertial` process loads as modules (ES or CommonJS), relative to the repository, and what it printed. */
const run = async (args: readonly string[]): Promise<{ loaded: string[]; stdout: string }> => {
  const dir = await tempDir();
  const list = join(dir, "loaded.txt");
  await writeFile(list, "");
  const { stdout } = await exec(process.execPath, ["--import", RECORD_LOADS, BIN, ...args], { cwd: dir, env: { ...process.env, TERTIAL_TEST_LOADED: list }, maxBuffer: 1 << 26 });
  const urls = (await readFile(list, "utf8")).split("\n").filter((url) => url !== "" && url !== RECORD_LOADS);
  return { loaded: [...new Set(urls.map((url) => relative(REPO, fileURLToPath(url))).filter((path) => !path.startsWith("..")))], stdout };
};

describe("the tertial binary", () => {
  it("runs the bundle, never the compiled modules of dist/, for a command that reads the log and renders", async () => {
    const dir = await tempDir();
    const oneLine = join(dir, "one.jsonl");
    await writeFile(oneLine, `${(await readFile(EXAMPLE_LOG, "utf8")).split("\n")[0] ?? ""}\n`);
    for (const args of [["verify", oneLine], ["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--format", "md"]]) {
      const { loaded, stdout } = await run(args);
      // The bundle is read as a script, not loaded as a module: the shim and its loader are all the repository's modules loaded.
      expect(loaded.filter((path) => path.startsWith("packages/")).sort(), args[0]).toEqual(["packages/cli/bin/bundle-script.js", "packages/cli/bin/tertial.js"]);
      expect(stdout.length, args[0]).toBeGreaterThan(0);
    }
  });

  it("answers --version from package.json, needing no bundle", async () => {
    const root = await tempDir();
    await mkdir(join(root, "bin"), { recursive: true });
    for (const name of ["tertial.js", "bundle-script.js"]) await copyFile(join(REPO, "packages/cli/bin", name), join(root, "bin", name));
    await copyFile(join(REPO, "packages/cli/package.json"), join(root, "package.json"));
    const { stdout } = await exec(process.execPath, [join(root, "bin/tertial.js"), "--version"]);
    expect(stdout).toBe(`${JSON.parse(await readFile(join(REPO, "packages/cli/package.json"), "utf8")).version as string}\n`);
    const unbuilt = await exec(process.execPath, [join(root, "bin/tertial.js"), "verify", "x.jsonl"]).then(() => "ran", (error: { code: number; stderr: string }) => `${error.code} ${error.stderr}`);
    expect(unbuilt).toContain("1 tertial: the command is not built");
  });
});

describe("the bundle", () => {
  it("holds no path of the machine it was built on, so it is the same everywhere", async () => {
    // The code cache is this machine's by design (its V8; it names the bundle's path): not packaged, made again by each build.
    for (const name of (await readdir(BUNDLE)).filter((file) => !file.endsWith(".cache"))) {
      const text = await readFile(join(BUNDLE, name), "utf8");
      // Every file it is built from lies under the repository (pnpm keeps packages in node_modules/.pnpm).
      expect(text.includes(REPO), name).toBe(false);
    }
  });

  it("is read as the UTF-8 it is: characters outside ASCII stand in its regular expressions", async () => {
    expect(isAscii(await readFile(join(BUNDLE, BUNDLE_FILE)))).toBe(false);
    const file = join(await tempDir(), BUNDLE_FILE);
    await writeFile(file, `${WRAPPER[0]}module.exports.text = "åä ẞ ’".replace(/[åä]/g, "a");${WRAPPER[1]}`);
    const module = { exports: {} as { text?: string } };
    (bundleScript(file).runInThisContext() as (...args: unknown[]) => void)(module.exports, undefined, module, file, "");
    expect(module.exports.text).toBe("aa ẞ ’");
  });

  it("is compiled from the code cache the build made, and never from a cache of other code", async () => {
    const file = join(BUNDLE, BUNDLE_FILE);
    const cache = await readFile(`${file}.${CACHE_SUFFIX}`);
    expect(bundleScript(file, cache).cachedDataRejected).toBe(false);
    // A cache headed for another bundle (a rebuild between reading the two files) is not even offered to V8, which checks only the length.
    const otherHeader = Buffer.concat([Buffer.from(headerOf("0".repeat(64)), "latin1"), cache.subarray(cache.indexOf(10) + 1)]);
    expect(bundleScript(file, otherHeader).cachedDataRejected).toBeUndefined();
    expect(bundleScript(file, undefined).cachedDataRejected).toBeUndefined();
    // The bundle's header names the SHA-256 of its code.
    const bundle = await readFile(file);
    const header = headerOf(createHash("sha256").update(bundle.subarray(bundle.indexOf(10) + 1 + WRAPPER[0].length, bundle.length - WRAPPER[1].length)).digest("hex"));
    expect(bundle.subarray(0, header.length).toString("latin1")).toBe(header);
  });
});

describe("the tertial binary in a checkout where tsc ran without bundling", () => {
  /** The shim beside a stub bundle and two packages' build info, laid out as in the repository. */
  const layout = async (buildInfoAfterBundle: boolean): Promise<string> => {
    const root = await tempDir();
    await mkdir(join(root, "cli/bin"), { recursive: true });
    await mkdir(join(root, "cli/dist/bundle"), { recursive: true });
    await mkdir(join(root, "core/dist"), { recursive: true });
    await copyFile(BIN, join(root, "cli/bin/tertial.js"));
    await copyFile(join(REPO, "packages/cli/bin/bundle-script.js"), join(root, "cli/bin/bundle-script.js"));
    await writeFile(join(root, "cli/dist/bundle/main.js"), `${WRAPPER[0]}module.exports.start = async () => { process.stdout.write("ran\\n"); };${WRAPPER[1]}`);
    const stamp = join(root, "cli/dist/bundle/.bundled");
    const info = join(root, "core/dist/.tsbuildinfo");
    await writeFile(stamp, "");
    await writeFile(info, "{}");
    const [earlier, later] = [new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:01:00Z")];
    await utimes(stamp, buildInfoAfterBundle ? earlier : later, buildInfoAfterBundle ? earlier : later);
    await utimes(info, buildInfoAfterBundle ? later : earlier, buildInfoAfterBundle ? later : earlier);
    return join(root, "cli/bin/tertial.js");
  };

  it("warns that the bundle is older than the compiled packages, and still runs it", async () => {
    const { stdout, stderr } = await exec(process.execPath, [await layout(true)]);
    expect(stdout).toBe("ran\n");
    expect(stderr).toContain("the bundle is older than the compiled packages");
  });

  it("says nothing when the bundle was made after the last compile", async () => {
    const { stdout, stderr } = await exec(process.execPath, [await layout(false)]);
    expect([stdout, stderr]).toEqual(["ran\n", ""]);
  });
});
