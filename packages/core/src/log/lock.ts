import { randomBytes } from "node:crypto";
import { readFileSync, watch, type FSWatcher } from "node:fs";
import { mkdir, readdir, realpath, rm, rmdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

export class LockTimeoutError extends Error {}

/** Who is waiting, for a progress line on a terminal. */
export interface LockWait {
  /** Live writers queued before this one (the first of them holds the lock). */
  readonly ahead: number;
  /** The pid of the writer holding the lock, or of the first one about to. */
  readonly holder: number;
}

export interface LockOptions {
  /** Give up after this long. Absent (the default): wait as long as the writers ahead are alive. */
  readonly timeoutMs?: number;
  /** Called when the queue ahead changes while waiting. */
  readonly onWait?: (wait: LockWait) => void;
}

/**
 * A process as the kernel knows it: pid plus start time (clock ticks after boot, field 22 of
 * /proc/<pid>/stat). A pid alone proves nothing once the owner died and the pid was reused.
 * "gone" for a zombie (killed, not yet reaped: it holds nothing) or no such process; undefined
 * when /proc does not show it.
 */
const startTimeOf = (pid: number): string | "gone" | undefined => {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "latin1");
  } catch {
    return undefined;
  }
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return fields[0] === "Z" || fields[0] === "X" ? "gone" : fields[19];
};

const pidExists = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * Whether the process that wrote an entry is provably still that process. Where /proc hides a
 * process (another system, or another user's process under hidepid) only the pid can be checked.
 */
const isAlive = (pid: number, start: string): boolean => {
  const found = startTimeOf(pid);
  if (found === "gone") return false;
  return found === undefined ? pidExists(pid) : found === start;
};

const ownStart = startTimeOf(process.pid);
const SELF = `${process.pid}-${ownStart === undefined || ownStart === "gone" ? "0" : ownStart}`;

/** `choosing.<pid>-<start>-<nonce>` or `ticket.<number>.<pid>-<start>-<nonce>`; anything else in the queue is ignored. */
const ENTRY = /^(choosing|ticket)\.(?:(\d{12})\.)?(\d+)-(\d+)-([0-9a-f]+)$/;

interface Entry {
  readonly name: string;
  readonly kind: "choosing" | "ticket";
  readonly number: number;
  readonly pid: number;
  readonly start: string;
}

const parseEntry = (name: string): Entry | undefined => {
  const match = ENTRY.exec(name);
  if (match === null) return undefined;
  const [, kind, number, pid, start] = match;
  if (kind === "ticket" && number === undefined) return undefined;
  return { name, kind: kind as Entry["kind"], number: Number(number ?? 0), pid: Number(pid), start: start ?? "" };
};

const listEntries = async (queue: string): Promise<Entry[]> => (await readdir(queue)).flatMap((name) => parseEntry(name) ?? []);

const before = (left: Entry, right: Entry): boolean => left.number < right.number || (left.number === right.number && left.name < right.name);

/** Wakes on any change in the queue directory, or after `ms` (to notice owners that died). */
const changes = (queue: string): { next: (ms: number) => Promise<void>; close: () => void } => {
  let wake: (() => void) | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(queue, () => wake?.());
    watcher.on("error", () => undefined);
  } catch {
    watcher = undefined;
  }
  return {
    next: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          wake = undefined;
          resolve();
        }, ms);
        wake = () => {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        };
      }),
    close: () => watcher?.close(),
  };
};

/**
 * The writers ahead of `own` that are alive. Entries of dead writers are removed on the way:
 * each name is unique to one process lifetime, so removing a dead one can never remove a live one.
 */
const liveAhead = async (queue: string, own: Entry): Promise<{ choosing: number; tickets: Entry[] }> => {
  let choosing = 0;
  const tickets: Entry[] = [];
  for (const entry of await listEntries(queue)) {
    if (entry.name === own.name) continue;
    const earlier = entry.kind === "choosing" || before(entry, own);
    if (!earlier) continue;
    if (!isAlive(entry.pid, entry.start)) {
      await rm(join(queue, entry.name), { force: true });
      continue;
    }
    if (entry.kind === "choosing") choosing += 1;
    else tickets.push(entry);
  }
  return { choosing, tickets: tickets.sort((a, b) => (before(a, b) ? -1 : 1)) };
};

/** Creates the queue if needed and an entry in it; the last writer out may remove an empty queue at any moment. */
const enter = async (queue: string, name: string): Promise<void> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      // mkdir can itself fail with ENOENT: it finds the folder, and the last writer out removes it before mkdir has looked at it.
      await mkdir(queue, { recursive: true });
      await writeFile(join(queue, name), "", { flag: "wx" });
      return;
    } catch (error) {
      // Each retry follows another writer's exit; a thousand in a row means something else removes the folder.
      if ((error as NodeJS.ErrnoException).code !== "ENOENT" || attempt >= 1000) throw error;
    }
  }
};

/** Takes a numbered ticket, one higher than any in the queue (Lamport's bakery, with files). */
const takeTicket = async (queue: string): Promise<Entry> => {
  const me = `${SELF}-${randomBytes(6).toString("hex")}`;
  const choosing = join(queue, `choosing.${me}`);
  await enter(queue, `choosing.${me}`);
  try {
    const highest = Math.max(0, ...(await listEntries(queue)).map((entry) => entry.number));
    const name = `ticket.${String(highest + 1).padStart(12, "0")}.${me}`;
    await writeFile(join(queue, name), "", { flag: "wx" });
    return parseEntry(name) as Entry;
  } finally {
    await rm(choosing, { force: true });
  }
};

const waitForTurn = async (queue: string, own: Entry, options: LockOptions): Promise<void> => {
  const started = Date.now();
  const watcher = changes(queue);
  let shown = "";
  try {
    for (let round = 0; ; round += 1) {
      const ahead = await liveAhead(queue, own);
      if (ahead.choosing === 0 && ahead.tickets.length === 0) return;
      const first = ahead.tickets[0];
      const state = first === undefined ? "" : `${ahead.tickets.length}:${first.pid}`;
      if (options.onWait !== undefined && first !== undefined && state !== shown) options.onWait({ ahead: ahead.tickets.length, holder: first.pid });
      shown = state;
      if (options.timeoutMs !== undefined && Date.now() - started > options.timeoutMs) {
        throw new LockTimeoutError(`${queue}: ${ahead.tickets.length} writer(s) ahead, the first process ${first?.pid ?? "?"}; gave up after ${options.timeoutMs} ms`);
      }
      await watcher.next(Math.min(10 + round * 10, 200));
    }
  } finally {
    watcher.close();
  }
};

/**
 * A fair lock for one log, as a queue of ticket files in a directory beside it: each writer
 * takes the next number and writes when no live writer holds a smaller one, so writers go in
 * the order they came. A writer waits as long as those ahead are alive (pid and start time
 * checked), and never times out on a live one; the entries of a writer that died (kill -9, a
 * crash, a reused pid) are removed by whoever waits behind it. Local disks only: process
 * identities mean nothing across machines.
 */
export const withFileLock = async <T>(queue: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> => {
  const own = await takeTicket(queue);
  try {
    await waitForTurn(queue, own, options);
    return await work();
  } finally {
    await rm(join(queue, own.name), { force: true });
    // The last one out leaves no empty folder behind; with others still queued this fails, as it should.
    await rmdir(queue).catch(() => undefined);
  }
};

/** This process as a lock entry names it ("<pid>-<start time>"): what a pending batch record names as its writer. */
export const ownWriterIdentity = (): string => SELF;

/**
 * Whether the process an identity of `ownWriterIdentity`'s form (`<pid>-<start>`) names is alive
 * and still that process: for a file named after its writer, left when the writer was killed.
 */
export const isLiveWriter = (identity: string): boolean => {
  const [pid, start] = identity.split("-");
  return pid !== undefined && /^\d+$/.test(pid) && isAlive(Number(pid), start ?? "0");
};

/**
 * Whether the writer named `identity` ("<pid>-<start time>") is alive and queued on the log's
 * lock, holding it or waiting for it. A writer that wrote a pending batch record holds the lock
 * until it has cleared the record, so a record whose writer passes this is a batch being written
 * now; one whose writer does not (died, or gave up after a failed write) was interrupted.
 */
export const isQueuedWriter = async (realLogPath: string, identity: string): Promise<boolean> => {
  let entries: Entry[];
  try {
    entries = await listEntries(`${realLogPath}.lock-queue`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
  return entries.some((entry) => entry.kind === "ticket" && `${entry.pid}-${entry.start}` === identity && isAlive(entry.pid, entry.start));
};

/** The queue directory of a log: beside its real path, so a symlink and its target share one lock. */
export const lockQueueOf = async (logPath: string): Promise<string> => `${await realpath(logPath)}.lock-queue`;

/** Runs `work` holding the lock of the log at `logPath` (symlinks resolved). */
export const withLogLock = async <T>(logPath: string, work: (realLogPath: string) => Promise<T>, options: LockOptions = {}): Promise<T> => {
  const real = await realpath(logPath);
  return withFileLock(`${real}.lock-queue`, () => work(real), options);
};
