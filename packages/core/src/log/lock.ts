import { open, readFile, rm } from "node:fs/promises";

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
      const owner = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
      if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) {
        await rm(lockPath, { force: true });
        continue;
      }
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
