import { open, readFile, rm, stat } from "node:fs/promises";

export class LockTimeoutError extends Error {}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const ownerOf = (content: string): number => Number.parseInt(content, 10);

const isDeadOwner = (content: string): boolean => {
  const owner = ownerOf(content);
  return Number.isInteger(owner) && owner > 0 && !isAlive(owner);
};

/** A lock file still empty this long after it was made: its maker died between creating and writing it. */
const EMPTY_LOCK_STALE_MS = 10_000;

const isAbandoned = async (lockPath: string, content: string): Promise<boolean> => {
  if (content !== "") return isDeadOwner(content);
  const info = await stat(lockPath).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > EMPTY_LOCK_STALE_MS;
};

/**
 * Removes a lock whose owner died, if it is still that same lock. Two waiters that both saw the
 * dead owner must not both remove "the" lock: the second would delete the lock the first has just
 * created, and both would run. So removal happens only under `<lock>.takeover` (itself O_EXCL),
 * and only while the lock file still holds what was seen.
 */
const takeOverStale = async (lockPath: string, seen: string): Promise<boolean> => {
  const guardPath = `${lockPath}.takeover`;
  let guard;
  try {
    guard = await open(guardPath, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // A takeover is under way; only a guard left by a crash is cleared here.
    if (isDeadOwner(await readFile(guardPath, "utf8").catch(() => ""))) await rm(guardPath, { force: true });
    return false;
  }
  try {
    await guard.writeFile(`${process.pid}\n`);
    await guard.close();
    const current = await readFile(lockPath, "utf8").catch(() => undefined);
    if (current !== seen) return false;
    await rm(lockPath, { force: true });
    return true;
  } finally {
    await rm(guardPath, { force: true });
  }
};

/**
 * An exclusive lock file beside the log, created with O_EXCL so exactly one process wins.
 * It holds the owner's pid; a lock whose owner is gone (a crash) is taken over. Local disks
 * only: the pid check means nothing across machines.
 */
export const withFileLock = async <T>(lockPath: string, work: () => Promise<T>, timeoutMs = 30_000): Promise<T> => {
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const handle = await open(lockPath, "wx");
      try {
        await handle.writeFile(`${process.pid}\n`);
      } finally {
        await handle.close();
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const seen = await readFile(lockPath, "utf8").catch(() => "");
      const owner = ownerOf(seen);
      if ((await isAbandoned(lockPath, seen)) && (await takeOverStale(lockPath, seen))) continue;
      if (Date.now() - started > timeoutMs) throw new LockTimeoutError(`${lockPath} is held by process ${Number.isNaN(owner) ? "?" : owner}; gave up after ${timeoutMs} ms`);
      await sleep(Math.min(5 + attempt * 5, 50) + Math.floor(Math.random() * 10));
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { force: true });
  }
};
