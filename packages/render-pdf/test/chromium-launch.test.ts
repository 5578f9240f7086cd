import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkChromium, launchFailureReason } from "../src/chromium.js";
import { ChromiumNotFoundError, ChromiumUnusableError, findChromium, printHtml } from "../src/index.js";

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "tertial-chromium-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const unusable = (run: () => unknown): ChromiumUnusableError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ChromiumUnusableError) return error;
    throw error;
  }
  throw new Error("no error");
};

describe("a Chromium path that exists but cannot print", () => {
  it("names a directory and a file that may not be run before launching anything; a missing path stays ChromiumNotFoundError", async () => {
    const dir = join(work, "dir");
    await mkdir(dir);
    const plain = join(work, "plain");
    await writeFile(plain, "#!/bin/sh\nexit 0\n");
    await chmod(plain, 0o644);
    expect(unusable(() => findChromium({ CHROMIUM_PATH: dir }))).toMatchObject({ path: dir, code: "ERR_CHROMIUM_UNUSABLE", reason: "it is a directory, not a program" });
    expect(unusable(() => checkChromium(plain))).toMatchObject({ path: plain, reason: "it is not executable" });
    expect(() => findChromium({ CHROMIUM_PATH: join(work, "none") })).toThrow(ChromiumNotFoundError);
    await expect(printHtml("<p>x</p>", { chromiumPath: dir })).rejects.toThrow(ChromiumUnusableError);
  });

  it.skipIf(!existsSync("/bin/sh"))("translates only the launch's failure: a program that exits at once", async () => {
    const exits = join(work, "exits");
    await writeFile(exits, "#!/bin/sh\nexit 1\n");
    await chmod(exits, 0o755);
    await expect(printHtml("<p>x</p>", { chromiumPath: exits })).rejects.toMatchObject({ name: "ChromiumUnusableError", path: exits, reason: "it exited with code 1 before it could print" });
  });

  it("reads Playwright's launch errors for what they reliably say", () => {
    const log = (lines: string) => new Error(`browserType.launch: Target page, context or browser has been closed\nBrowser logs:\n\n<launching> /x --headless\n<launched> pid=7\n${lines}Call log:\n\u001b[2m  - <launched> pid=7\u001b[22m\n`);
    expect(launchFailureReason(new Error("browserType.launch: Failed to launch: Error: spawn /a b/c EACCES\nCall log:\n"))).toBe("it is not executable (spawn EACCES)");
    expect(launchFailureReason(new Error("browserType.launch: Failed to launch: Error: spawn /x ENOENT\n"))).toBe("it could not be started: the interpreter or loader it names is missing (spawn ENOENT)");
    expect(launchFailureReason(new Error("browserType.launch: Failed to launch: Error: spawn /x E2BIG\n"))).toBe("it could not be started (spawn E2BIG)");
    expect(launchFailureReason(log("\u001b[2m  - [pid=7] <process did exit: exitCode=3, signal=null>\u001b[22m\n"))).toBe("it exited with code 3 before it could print");
    expect(launchFailureReason(log("[pid=7][err] first\n[pid=7][err] last words\u001b[0m\n[pid=7][err] \n<process did exit: exitCode=null, signal=SIGKILL>\n"))).toBe("it was killed by SIGKILL before it could print (its last line on stderr: last words)");
    expect(launchFailureReason(new Error("browserType.launch: Timeout 180000ms exceeded.\nCall log:\n"))).toBe("it did not start as a browser (Timeout 180000ms exceeded.)");
  });
});
