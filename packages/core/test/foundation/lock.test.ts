import { readFile, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LockTimeoutError, withFileLock } from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
/** A pid no process has: pids stay below 2^22 on Linux. */
const DEAD_PID = 2_147_483_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `count` contenders for one lock at once; returns the most that were inside together. */
const contend = async (lockPath: string, count: number): Promise<number> => {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      withFileLock(lockPath, async () => {
        inside += 1;
        most = Math.max(most, inside);
        await sleep(1);
        inside -= 1;
      }),
    ),
  );
  return most;
};

describe("the log lock", () => {
  it("lets one holder in at a time", async () => {
    expect(await contend(join(await tempDir(), "events.jsonl.lock"), 10)).toBe(1);
  });

  it("takes over a lock left by a dead process, and only one waiter gets it", async () => {
    const dir = await tempDir();
    for (let round = 0; round < 40; round += 1) {
      const lockPath = join(dir, `round-${round}.lock`);
      await writeFile(lockPath, `${DEAD_PID}\n`);
      expect(await contend(lockPath, 8)).toBe(1);
    }
  });

  it("clears a takeover guard left by a dead process", async () => {
    const lockPath = join(await tempDir(), "events.jsonl.lock");
    await writeFile(lockPath, `${DEAD_PID}\n`);
    await writeFile(`${lockPath}.takeover`, `${DEAD_PID}\n`);
    expect(await withFileLock(lockPath, async () => "in", 2_000)).toBe("in");
  });

  it("takes over an empty lock left by a crash between creating and writing it, but not a fresh one", async () => {
    const lockPath = join(await tempDir(), "events.jsonl.lock");
    await writeFile(lockPath, "");
    await expect(withFileLock(lockPath, async () => "in", 50)).rejects.toBeInstanceOf(LockTimeoutError);
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath, longAgo, longAgo);
    expect(await withFileLock(lockPath, async () => "in", 2_000)).toBe("in");
  });

  it("waits for a live holder and gives up with a clear error", async () => {
    const lockPath = join(await tempDir(), "events.jsonl.lock");
    await writeFile(lockPath, `${process.pid}\n`);
    const error = await withFileLock(lockPath, async () => "never", 50).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(String(error)).toContain(`held by process ${process.pid}`);
    expect(await readFile(lockPath, "utf8")).toBe(`${process.pid}\n`);
  });

  it("releases the lock when the work fails", async () => {
    const lockPath = join(await tempDir(), "events.jsonl.lock");
    await expect(withFileLock(lockPath, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withFileLock(lockPath, async () => "again", 100)).toBe("again");
  });
});
