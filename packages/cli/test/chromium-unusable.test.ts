import { existsSync } from "node:fs";
import { chmod, mkdir, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, spawnCli, useTempDir } from "./foundation/cli.js";

const EXAMPLE = join(REPO, "examples/kommunal-utveckling-2020/events.jsonl");
const HINT = "set CHROMIUM_PATH to a Chromium or Chrome binary";
const HAS_SH = existsSync("/bin/sh");

/**
 * A path that exists but is no Chromium (a directory, a file that may not be run, a program that
 * exits at once) is said as one line naming it, exit 6, as a missing one is: no internal error,
 * no stack, no PDF, and nothing left in the temporary directory (Playwright's profile). The
 * real binary, as the review ran it; no Chromium is needed.
 */
describe("tertial report --format pdf with CHROMIUM_PATH at something that cannot print", () => {
  const tempDir = useTempDir();

  const reportWith = async (chromium: (dir: string) => Promise<string>) => {
    const dir = await tempDir();
    const tmp = join(dir, "tmp");
    await mkdir(tmp);
    const path = await chromium(dir);
    const out = join(dir, "x", "out.pdf");
    const result = await spawnCli(["report", EXAMPLE, "--kind", "delarsrapport", "--period", "2020-T1..T2", "-o", out], { env: { ...process.env, CHROMIUM_PATH: path, TMPDIR: tmp } });
    expect(existsSync(join(dir, "x"))).toBe(false);
    expect(await readdir(tmp)).toEqual([]);
    return { path, result };
  };

  const script = (name: string, body: string, mode = 0o755) => async (dir: string) => {
    const path = join(dir, name);
    await writeFile(path, `#!/bin/sh\n${body}\n`);
    await chmod(path, mode);
    return path;
  };

  it("a directory", async () => {
    const { path, result } = await reportWith(async (dir) => {
      const path = join(dir, "chromium");
      await mkdir(path);
      return path;
    });
    expect(result).toEqual({ code: 6, stdout: "", stderr: `tertial report: ${path}: no usable Chromium to print the PDF with: it is a directory, not a program; ${HINT}\n` });
  });

  it("a file that may not be run", async () => {
    const { path, result } = await reportWith(script("chromium", "exit 0", 0o644));
    expect(result).toEqual({ code: 6, stdout: "", stderr: `tertial report: ${path}: no usable Chromium to print the PDF with: it is not executable; ${HINT}\n` });
  });

  it.skipIf(!HAS_SH)("a program that exits with code 1 at once", async () => {
    const { path, result } = await reportWith(script("chromium", "exit 1"));
    expect(result).toEqual({ code: 6, stdout: "", stderr: `tertial report: ${path}: no usable Chromium to print the PDF with: it exited with code 1 before it could print; ${HINT}\n` });
  });

  it.skipIf(!HAS_SH)("a program that says why on stderr and exits: its last line is kept", async () => {
    const { path, result } = await reportWith(script("chromium", "echo 'starting' >&2\necho 'error while loading shared libraries: libnss3.so' >&2\nexit 127"));
    expect(result).toEqual({
      code: 6,
      stdout: "",
      stderr: `tertial report: ${path}: no usable Chromium to print the PDF with: it exited with code 127 before it could print (its last line on stderr: error while loading shared libraries: libnss3.so); ${HINT}\n`,
    });
  });

  it.skipIf(!HAS_SH)("a program killed by a signal", async () => {
    const { path, result } = await reportWith(script("chromium", "kill -SEGV $$"));
    expect(result).toEqual({ code: 6, stdout: "", stderr: `tertial report: ${path}: no usable Chromium to print the PDF with: it was killed by SIGSEGV before it could print; ${HINT}\n` });
  });

  it("a missing path is still the missing file it was", async () => {
    const { path, result } = await reportWith(async (dir) => join(dir, "no-chromium"));
    expect(result).toEqual({ code: 6, stdout: "", stderr: `tertial report: ${path}: no Chromium to print the PDF with: install Debian's chromium (apt-get install chromium) or ${HINT}\n` });
  });
});
