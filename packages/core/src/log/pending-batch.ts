import { open, rename, rm, stat } from "node:fs/promises";
import { readFileSync, statSync, type BigIntStats } from "node:fs";
import { dirname } from "node:path";
import { ownWriterIdentity } from "./lock.js";
import type { LogHead } from "./store.js";

/**
 * The record of a batch being appended, kept in `<log>.pending` while its lines are written
 * (a rollback journal, as SQLite keeps one). It is written and synced before the first byte of
 * the batch and removed after the batch is synced, so after any crash:
 *
 * - no record: every line in the log belongs to a committed batch;
 * - a record, and the log ends exactly where the record says the batch ends, at its head: the
 *   batch is whole (the writer died just before removing the record), and counts;
 * - a record otherwise: the bytes from `sizeBefore` on are an incomplete batch, never committed.
 *
 * The log's own bytes stay what they always were (one canonical event a line), so logs written
 * before batches were recorded verify and replay unchanged, and the hash chain covers exactly
 * what it covered before: a batch boundary is a fact about an append, not about the events.
 */
export interface PendingBatch {
  readonly format: typeof FORMAT;
  /** Bytes in the log before the batch, and the head there. */
  readonly sizeBefore: number;
  readonly headBefore: LogHead;
  /** Events in the batch, the bytes the log has once they are all written, and the head then. */
  readonly events: number;
  readonly sizeAfter: number;
  readonly headAfter: LogHead;
  /**
   * The writer ("<pid>-<start time>", as its lock entry names it): while it is alive and queued
   * on the log's lock the batch is being written, not interrupted. Absent in records of earlier versions.
   */
  readonly writer?: string;
  /**
   * The log file the batch is written to ("<device>:<inode>:<birth time>"): a record left by a log that was
   * deleted since is told from one of the log now at that path. Absent in records of earlier versions.
   */
  readonly file?: string;
}

const FORMAT = "tertial-pending-batch/1";

/**
 * A file's identity as a pending record names it: device, inode and birth time, exact (as
 * bigints). The birth time tells a new file from a deleted one whose inode number it was given
 * again (ext4 and tmpfs do that at once); where the file system keeps no birth time (0) there is
 * no identity worth recording.
 */
const fileIdentity = (stats: BigIntStats): string | undefined => (stats.birthtimeNs === 0n ? undefined : `${stats.dev}:${stats.ino}:${stats.birthtimeNs}`);

/**
 * Whether a record was written for another file than the one now at the log's path (one deleted
 * since). Only a hint: `inspectLogEnd` trusts it only for a record that does not fit the log anyway.
 */
export const recordsAnotherFile = (batch: PendingBatch, stats: BigIntStats): boolean => batch.file !== undefined && batch.file !== fileIdentity(stats);

export const pendingPath = (realLogPath: string): string => `${realLogPath}.pending`;

const syncDirectory = async (path: string): Promise<void> => {
  const handle = await open(dirname(path), "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** Writes the record whole or not at all (a synced temporary file renamed into place). */
export const recordPendingBatch = async (realLogPath: string, batch: Omit<PendingBatch, "format" | "writer" | "file">): Promise<void> => {
  const path = pendingPath(realLogPath);
  const file = fileIdentity(await stat(realLogPath, { bigint: true }));
  const temporary = `${path}.${process.pid}.tmp`;
  const handle = await open(temporary, "w");
  try {
    await handle.writeFile(`${JSON.stringify({ format: FORMAT, ...batch, writer: ownWriterIdentity(), ...(file === undefined ? {} : { file }) })}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
  await syncDirectory(path);
};

/** The batch committed: its record goes. A crash before this only leaves a record of a whole batch. */
export const clearPendingBatch = async (realLogPath: string): Promise<void> => {
  await rm(pendingPath(realLogPath), { force: true });
};

const isHead = (value: unknown): value is LogHead =>
  typeof value === "object" && value !== null && Number.isInteger((value as LogHead).seq) && typeof (value as LogHead).hash === "string";

/**
 * The pending record, `undefined` when there is none, or "unreadable" when the file is not one.
 * Looked at synchronously, as the size beside it (`committedSize`): every read of the log looks
 * twice, nearly always to find no file, and a trip through the thread pool for that took longer
 * than a known-at report's whole read of the lines after its snapshot.
 */
export const readPendingBatch = async (realLogPath: string): Promise<PendingBatch | "unreadable" | undefined> => {
  let text: string;
  try {
    text = readFileSync(pendingPath(realLogPath), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const record = JSON.parse(text) as Partial<PendingBatch> | null;
    if (record?.format !== FORMAT || !Number.isInteger(record.sizeBefore) || !Number.isInteger(record.sizeAfter) || !Number.isInteger(record.events)) return "unreadable";
    if (!isHead(record.headBefore) || !isHead(record.headAfter)) return "unreadable";
    if ((record.writer !== undefined && typeof record.writer !== "string") || (record.file !== undefined && typeof record.file !== "string")) return "unreadable";
    return record as PendingBatch;
  } catch {
    return "unreadable";
  }
};

/**
 * How many bytes of the log are committed, as a reader starting now may see them: up to the
 * start of a batch still being written (or left incomplete), otherwise the whole file. The record
 * is looked at before and after the size, so a batch that starts or ends in between is never
 * read half. Every record limits, even one that seems to be of another file (see `recordsAnotherFile`):
 * that is a hint only, so readers stay on the safe side; a record left by a deleted log is nearly
 * always of a longer one and limits nothing, and the next append or repair removes it.
 */
export const committedSize = async (realLogPath: string): Promise<number> => {
  const before = await readPendingBatch(realLogPath);
  const size = statSync(realLogPath).size;
  const after = await readPendingBatch(realLogPath);
  const limits = [size, ...[before, after].flatMap((record) => (record === undefined || record === "unreadable" ? [] : [record.sizeBefore]))];
  return Math.min(...limits);
};
