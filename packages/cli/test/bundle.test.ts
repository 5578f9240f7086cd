import { execFile } from "node:child_process";
import { copyFile, mkdir, readdir, readFile, utimes, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { BIN, REPO, useTempDir } from "./foundation/cli.js";

const exec = promisify(execFile);
const BUNDLE = join(REPO, "packages/cli/dist/bundle");
const RECORD_LOADS = pathToFileURL(join(REPO, "packages/cli/test/fixtures/record-loads.mjs")).href;
const EXAMPLE_LOG = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");

/** Generous: the bundle is a dozen files; the compiled modules it replaces are ~280. */
const MOST_FILES = 20;

const tempDir = useTempDir();

/** The repository files a real `tertial` process loads as modules, relative to the repository. */
const filesLoadedBy = async (args: readonly string[]): Promise<string[]> => {
  const dir = await tempDir();
  const list = join(dir, "loaded.txt");
  await writeFile(list, "");
  await exec(process.execPath, ["--import", RECORD_LOADS, BIN, ...args], { cwd: dir, env: { ...process.env, TERTIAL_TEST_LOADED: list }, maxBuffer: 1 << 26 });
  const urls = (await readFile(list, "utf8")).split("\n").filter((url) => url !== "" && url !== RECORD_LOADS);
  return urls.map((url) => relative(REPO, fileURLToPath(url))).filter((path) => !path.startsWith(".."));
};

describe("the tertial binary", () => {
  it("runs the bundle, never the compiled modules of dist/, for a command that reads the log and renders", async () => {
    const dir = await tempDir();
    const oneLine = join(dir, "one.jsonl");
    await writeFile(oneLine, `${(await readFile(EXAMPLE_LOG, "utf8")).split("\n")[0] ?? ""}\n`);
    for (const args of [["verify", oneLine], ["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--format", "md"]]) {
      const ours = (await filesLoadedBy(args)).filter((path) => path.startsWith("packages/"));
      expect(ours, args[0]).toContain("packages/cli/dist/bundle/main.js");
      expect(ours.filter((path) => !path.startsWith("packages/cli/dist/bundle/") && path !== "packages/cli/bin/tertial.js"), args[0]).toEqual([]);
      expect(ours.length, args[0]).toBeLessThanOrEqual(MOST_FILES);
    }
  });
});

describe("the bundle", () => {
  it("holds no path of the machine it was built on, so it is the same everywhere", async () => {
    for (const name of await readdir(BUNDLE)) {
      const text = await readFile(join(BUNDLE, name), "utf8");
      // Every file it is built from lies under the repository (pnpm keeps packages in node_modules/.pnpm).
      expect(text.includes(REPO), name).toBe(false);
    }
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
    await writeFile(join(root, "cli/dist/bundle/main.js"), 'process.stdout.write("ran\\n");\n');
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
