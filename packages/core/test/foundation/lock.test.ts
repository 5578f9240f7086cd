import { readFileSync } from "node:fs";
import { mkdir, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LockTimeoutError, withFileLock, withLogLock } from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const tempDir = useTempDir();
/** A pid no process has: pids stay below 2^22 on Linux. */
const DEAD_PID = 2_147_483_000;
const ownStart = (): string => {
  const stat = readFileSync("/proc/self/stat", "latin1");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `count` contenders for one lock at once; returns the most that were inside together. */
const contend = async (queue: string, count: number): Promise<number> => {
  let inside = 0;
  let most = 0;
  await Promise.all(
    Array.from({ length: count }, () =>
      withFileLock(queue, async () => {
        inside += 1;
        most = Math.max(most, inside);
        await sleep(1);
        inside -= 1;
      }),
    ),
  );
  return most;
};

/** Waits until the queue holds `count` tickets. */
const ticketsIn = async (queue: string, count: number): Promise<void> => {
  for (;;) {
    const names = await readdir(queue).catch(() => [] as string[]);
    if (names.filter((name) => name.startsWith("ticket.")).length >= count) return;
    await sleep(2);
  }
};

const ticket = (number: number, pid: number, start: string): string => `ticket.${String(number).padStart(12, "0")}.${pid}-${start}-abc123`;

describe("the log lock", () => {
  it("lets one holder in at a time", async () => {
    expect(await contend(join(await tempDir(), "events.jsonl.lock-queue"), 10)).toBe(1);
  });

  it("serves writers in the order they came", async () => {
    const queue = join(await tempDir(), "q");
    const order: number[] = [];
    let release: () => void = () => undefined;
    let holding: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (holding = resolve));
    const held = withFileLock(
      queue,
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          holding();
        }),
    );
    // Its ticket alone is not enough: under load the holder can still be looking at the queue when the writers below come, and a release called before it is inside would release nothing.
    await inside;
    const waiting: Promise<void>[] = [];
    for (let writer = 0; writer < 6; writer += 1) {
      waiting.push(withFileLock(queue, async () => void order.push(writer)));
      // Each writer comes once the one before holds its ticket: "came" is the ticket's order, not a guess of how long taking one takes.
      await ticketsIn(queue, writer + 2);
    }
    release();
    await Promise.all([held, ...waiting]);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("takes over the entries of dead writers, and only one waiter gets in", async () => {
    const dir = await tempDir();
    for (let round = 0; round < 20; round += 1) {
      const queue = join(dir, `round-${round}`);
      await mkdir(queue);
      await writeFile(join(queue, ticket(1, DEAD_PID, "12345")), "");
      await writeFile(join(queue, `choosing.${DEAD_PID}-1-ff`), "");
      expect(await contend(queue, 8)).toBe(1);
      // The last writer out removes the emptied queue.
      expect(await readdir(queue).catch((error: NodeJS.ErrnoException) => error.code)).toBe("ENOENT");
    }
  });

  it("takes over a live but unrelated pid (a reused pid: same number, another start time)", async () => {
    const queue = join(await tempDir(), "q");
    await mkdir(queue);
    await writeFile(join(queue, ticket(1, process.pid, "1")), "");
    expect(await withFileLock(queue, async () => "in", { timeoutMs: 2_000 })).toBe("in");
  });

  it("is not blocked by garbage: odd names, empty files, an old-style lock file or takeover guard", async () => {
    const dir = await tempDir();
    const log = join(dir, "events.jsonl");
    await writeFile(log, "");
    await writeFile(`${log}.lock`, "garbage\n");
    await writeFile(`${log}.lock.takeover`, "");
    const queue = `${log}.lock-queue`;
    await mkdir(queue);
    await writeFile(join(queue, "ticket.garbage"), "");
    await writeFile(join(queue, "ticket.000000000001.notapid"), "what");
    await writeFile(join(queue, "README"), "");
    expect(await withLogLock(log, async () => "in", { timeoutMs: 2_000 })).toBe("in");
  });

  it("waits for a live holder as long as it lives, telling who holds it; a timeout only when asked for", async () => {
    const queue = join(await tempDir(), "q");
    await mkdir(queue);
    const holder = ticket(1, process.pid, ownStart());
    await writeFile(join(queue, holder), "");
    const waits: number[] = [];
    const error = await withFileLock(queue, async () => "never", { timeoutMs: 300, onWait: (wait) => waits.push(wait.holder) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(String(error)).toContain(`the first process ${process.pid}`);
    expect(waits).toEqual([process.pid]);
    expect(await readdir(queue)).toEqual([holder]);
  });

  it("releases the lock when the work fails", async () => {
    const queue = join(await tempDir(), "q");
    await expect(withFileLock(queue, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await withFileLock(queue, async () => "again", { timeoutMs: 100 })).toBe("again");
  });

  it("one log, two names: a symlink and its target share one lock", async () => {
    const dir = await tempDir();
    const real = join(dir, "real.jsonl");
    const alias = join(dir, "alias.jsonl");
    await writeFile(real, "");
    await symlink(real, alias);
    let inside = 0;
    let most = 0;
    const enter = (path: string) =>
      withLogLock(path, async (resolved) => {
        expect(resolved).toBe(real);
        inside += 1;
        most = Math.max(most, inside);
        await sleep(5);
        inside -= 1;
      });
    await Promise.all([real, alias, real, alias, alias, real].map(enter));
    expect(most).toBe(1);
  });
});
