import { open, stat } from "node:fs/promises";
import { GENESIS_HASH, StoredEventCodec, type StoredEvent } from "../events/envelope.js";
import { compileGuard } from "../events/guard.js";
import { recordedHeadOf } from "./append-state.js";
import { canonicalLineHashMatches } from "./chain.js";
import { readLines } from "./lines.js";
import { isQueuedWriter } from "./lock.js";
import { clearPendingBatch, pendingPath, readPendingBatch, recordsAnotherFile, type PendingBatch } from "./pending-batch.js";
import type { LogHead } from "./store.js";

/**
 * Set on an end found with a `<log>.pending` that records a batch of another file (one deleted
 * since, whose name the log now has: see `PendingBatch.file`): the record says nothing about this
 * log, which is judged without it, and repair (or the next append) removes it.
 */
interface StaleRecord {
  readonly staleRecord?: true;
}

/** What an interrupted append left at the end of a log, and what repairing it does. */
export type LogEnd =
  | ({ readonly kind: "clean" } & StaleRecord)
  /** The batch is whole; only its record was left behind. Repair keeps the batch. */
  | { readonly kind: "committed"; readonly batch: PendingBatch }
  /** Lines of a batch that never committed: repair cuts the log back to `restoredHead`. */
  | { readonly kind: "incomplete"; readonly batch: PendingBatch; readonly firstLine: number; readonly linesPresent: number; readonly torn: boolean; readonly cutAt: number; readonly restoredHead: LogHead }
  /**
   * A batch its writer is writing now (the writer named in the record is alive and queued on the
   * log's lock): only a look without the lock (verify) sees this. The lines from `cutAt` on are not committed yet.
   */
  | { readonly kind: "in-progress"; readonly batch: PendingBatch; readonly cutAt: number }
  /** A cut-off last line with no batch record (a writer of an earlier version, or a copy): repair cuts that line. */
  | ({ readonly kind: "torn-line"; readonly line: number; readonly cutAt: number; readonly restoredHead: LogHead } & StaleRecord)
  /**
   * A last line with no newline and no batch record that is a whole event: it parses, its hash is
   * its bytes' and it chains onto the line before it. An append writes the newline with the line
   * and under a record, so this line was committed and only its newline was lost (an editor, a
   * copy): repair adds the newline and keeps the event.
   */
  | ({ readonly kind: "missing-newline"; readonly line: number; readonly head: LogHead } & StaleRecord)
  /**
   * The record does not fit the log: something else changed it. Repair refuses; verify explains,
   * at `line` when the fault is one line's (a committed last line cut off since).
   */
  | { readonly kind: "inconsistent"; readonly message: string; readonly line?: number };

const GENESIS: LogHead = { seq: -1, hash: GENESIS_HASH };

/** The complete line that ends just before byte `end` (its newline at end - 1), read backwards. */
const lineEndingAt = async (path: string, end: number): Promise<{ text: string; start: number } | undefined> => {
  if (end <= 0) return undefined;
  const handle = await open(path, "r");
  try {
    const chunks: Buffer[] = [];
    let position = end - 1;
    for (;;) {
      const size = Math.min(1 << 16, position);
      const chunk = Buffer.alloc(size);
      await handle.read(chunk, 0, size, position - size);
      const newline = chunk.lastIndexOf(10);
      if (newline !== -1 || position - size === 0) {
        chunks.unshift(chunk.subarray(newline + 1));
        const start = position - size + newline + 1;
        return { text: Buffer.concat(chunks).toString("utf8"), start };
      }
      chunks.unshift(chunk);
      position -= size;
    }
  } finally {
    await handle.close();
  }
};

/** The head a line states (its seq and hash), read from the text without trusting anything else. */
const headOfLine = (text: string): LogHead | undefined => {
  try {
    const event = JSON.parse(text) as { seq?: unknown; hash?: unknown; recordedAt?: unknown };
    if (!Number.isInteger(event.seq) || typeof event.hash !== "string") return undefined;
    return { seq: event.seq as number, hash: event.hash, ...(typeof event.recordedAt === "string" ? { recordedAt: event.recordedAt } : {}) };
  } catch {
    return undefined;
  }
};

/** The head the complete line ending just before byte `end` states, unverified; the genesis head at the file's start. */
export const headEndingAt = async (path: string, end: number): Promise<LogHead | undefined> => {
  if (end === 0) return GENESIS;
  const line = await lineEndingAt(path, end);
  return line === undefined ? undefined : headOfLine(line.text);
};

const sameHead = (found: LogHead | undefined, expected: LogHead): boolean => found !== undefined && found.seq === expected.seq && found.hash === expected.hash;

const batchEnd = async (path: string, batch: PendingBatch, size: number): Promise<LogEnd> => {
  if (size < batch.sizeBefore) return { kind: "inconsistent", message: `the log is shorter (${size} bytes) than before the interrupted batch (${batch.sizeBefore} bytes): it was cut by something else` };
  if (size === batch.sizeAfter && sameHead(await headEndingAt(path, size), batch.headAfter)) return { kind: "committed", batch };
  const restoredHead = await headEndingAt(path, batch.sizeBefore);
  if (!sameHead(restoredHead, batch.headBefore)) return { kind: "inconsistent", message: `the line before the interrupted batch is not its recorded head (seq ${batch.headBefore.seq}): the log was changed by something else` };
  let linesPresent = 0;
  let torn = false;
  for await (const line of readLines(path, { offset: batch.sizeBefore, number: 0 })) {
    if (line.terminated) linesPresent += 1;
    else torn = true;
  }
  return { kind: "incomplete", batch, firstLine: batch.headBefore.seq + 2, linesPresent, torn, cutAt: batch.sizeBefore, restoredHead: restoredHead ?? GENESIS };
};

const isStoredEvent = compileGuard(StoredEventCodec);

/** The event on `text` if it is a whole stored event, sealed as its bytes say, and the one after `head`. */
const wholeEventAfter = (text: string, head: LogHead): StoredEvent | undefined => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isStoredEvent(raw)) return undefined;
  const event = raw as StoredEvent;
  if (!canonicalLineHashMatches(text, event.hash)) return undefined;
  return event.seq === head.seq + 1 && event.prevHash === head.hash ? event : undefined;
};

const unrecordedEnd = async (path: string, size: number): Promise<LogEnd> => {
  if (size === 0) return { kind: "clean" };
  const handle = await open(path, "r");
  const last = Buffer.alloc(1);
  try {
    await handle.read(last, 0, 1, size - 1);
  } finally {
    await handle.close();
  }
  if (last[0] === 10) return { kind: "clean" };
  // The line with no newline: as if the file ended with one.
  const unterminated = await lineEndingAt(path, size + 1);
  const cutAt = unterminated?.start ?? 0;
  const restoredHead = await headEndingAt(path, cutAt);
  if (restoredHead === undefined) return { kind: "inconsistent", message: "the last line is cut off and the line before it is not a stored event" };
  const event = unterminated === undefined ? undefined : wholeEventAfter(unterminated.text, restoredHead);
  if (event !== undefined) return { kind: "missing-newline", line: restoredHead.seq + 2, head: { seq: event.seq, hash: event.hash, recordedAt: event.recordedAt } };
  const line = restoredHead.seq + 2;
  // No append leaves a cut line without its record, but an earlier version's did: the append state says whether this one was committed.
  const recorded = await recordedHeadOf(path);
  if (recorded !== undefined && recorded.seq > restoredHead.seq) {
    return { kind: "inconsistent", line, message: `the last line (line ${spaced(line)}) is cut off, yet it was committed: the append state beside the log records events up to seq ${recorded.seq}, so the log was cut after it was written; restore it from a copy (repair would remove a committed event)` };
  }
  return { kind: "torn-line", line, cutAt, restoredHead };
};

const sameRecord = (left: PendingBatch | "unreadable" | undefined, right: PendingBatch | "unreadable" | undefined): boolean => JSON.stringify(left) === JSON.stringify(right);

/** Gives up waiting for a record that keeps changing (appends back to back) after this many looks, and judges the last. */
const LOOKS = 50;

/** The log's end, and its size when it was judged. */
const inspect = async (realLogPath: string): Promise<{ end: LogEnd; size: number }> => {
  for (let look = 1; ; look += 1) {
    // The record is read before and after the size, as `committedSize` does: an append that starts or ends in between is looked at again.
    const before = await readPendingBatch(realLogPath);
    const stats = await stat(realLogPath, { bigint: true });
    const batch = await readPendingBatch(realLogPath);
    if (!sameRecord(before, batch) && look < LOOKS) continue;
    const size = Number(stats.size);
    if (batch === "unreadable") return { end: { kind: "inconsistent", message: `${pendingPath(realLogPath)} is not a batch record; if no append is running, remove it and run tertial verify` }, size };
    if (batch === undefined) return { end: await unrecordedEnd(realLogPath, size), size };
    const end = await batchEnd(realLogPath, batch, size);
    if (end.kind !== "inconsistent") return { end, size };
    if (recordsAnotherFile(batch, stats)) {
      const own = await unrecordedEnd(realLogPath, size);
      return { end: own.kind === "clean" || own.kind === "torn-line" || own.kind === "missing-newline" ? { ...own, staleRecord: true } : own, size };
    }
    // A record of an earlier version names no file: say what to do when the log was replaced.
    const replaced = `; if the log was deleted and made again since that append, and no append is running, remove ${pendingPath(realLogPath)}`;
    return { end: { kind: "inconsistent", message: `${end.message}${replaced}` }, size };
  }
};

/** Looks at how the log ends: clean, a batch left whole or incomplete, or a cut-off last line. Reads only the end. Call it holding the log's lock. */
export const inspectLogEnd = async (realLogPath: string): Promise<LogEnd> => (await inspect(realLogPath)).end;

/**
 * How the log ends, looked at without its lock (by verify), with the size the end was judged at.
 * A batch whose writer is alive and queued on the lock is an append in progress, not an
 * interrupted one: the writer holds the lock from before it records the batch until after it
 * clears the record. When the writer is not queued the record is read once more: if it is gone
 * or another, that append finished meanwhile and the end is looked at again; if it is the same,
 * its writer left it behind (killed, or failed) and the batch was interrupted. A record of an
 * earlier version names no writer and is judged as interrupted.
 */
export const inspectLogEndWithoutLock = async (realLogPath: string): Promise<{ end: LogEnd; size: number }> => {
  for (let look = 1; ; look += 1) {
    const found = await inspect(realLogPath);
    const { end } = found;
    if (end.kind !== "incomplete" && end.kind !== "committed") return found;
    if (end.batch.writer !== undefined && (await isQueuedWriter(realLogPath, end.batch.writer))) return { end: { kind: "in-progress", batch: end.batch, cutAt: end.batch.sizeBefore }, size: found.size };
    if (sameRecord(await readPendingBatch(realLogPath), end.batch) || look >= LOOKS) return found;
  }
};

/** Appends the newline a committed last line lost, and syncs it. */
const addNewline = async (realLogPath: string): Promise<void> => {
  const handle = await open(realLogPath, "a");
  try {
    await handle.write("\n");
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/**
 * Brings the log back to its last committed batch: cuts an incomplete batch (or an unrecorded
 * cut-off line) off the end, keeps a batch that was whole, adds the newline a committed last line
 * lost, and removes the record (also one of another file). Run it only while holding the log's
 * lock. Returns what it found, which is what it did.
 */
export const repairLogEnd = async (realLogPath: string): Promise<LogEnd> => {
  const end = await inspectLogEnd(realLogPath);
  if (end.kind === "incomplete" || end.kind === "torn-line") {
    const handle = await open(realLogPath, "r+");
    try {
      await handle.truncate(end.cutAt);
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
  if (end.kind === "missing-newline") await addNewline(realLogPath);
  if (end.kind === "incomplete" || end.kind === "committed" || ("staleRecord" in end && end.staleRecord === true)) await clearPendingBatch(realLogPath);
  return end;
};

const spaced = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/** The lines an incomplete batch left, as "lines 4–30", "line 4" or "no lines". */
export const batchLines = (end: Extract<LogEnd, { kind: "incomplete" }>): string => {
  const count = end.linesPresent + (end.torn ? 1 : 0);
  if (count === 0) return "no lines";
  return count === 1 ? `line ${spaced(end.firstLine)}` : `lines ${spaced(end.firstLine)}–${spaced(end.firstLine + count - 1)}`;
};

const STALE = "removed the .pending record of a batch of another file that had the log's name (a log deleted since)";

/** What repair did to the log itself, in one sentence for an operator. */
const describeOwnRepair = (end: LogEnd): string => {
  switch (end.kind) {
    case "incomplete":
      return `removed ${batchLines(end)}: an incomplete batch (${spaced(end.linesPresent)} of ${spaced(end.batch.events)} events written${end.torn ? ", the last line cut off" : ""}) left by an interrupted append; restored head seq ${end.restoredHead.seq} ${end.restoredHead.hash}`;
    case "torn-line":
      return `removed line ${spaced(end.line)}: cut off by an interrupted append; restored head seq ${end.restoredHead.seq} ${end.restoredHead.hash}`;
    case "missing-newline":
      return `added the missing final newline to line ${spaced(end.line)}: its event is whole and chains onto the line before it, so it was committed and is kept; head seq ${end.head.seq} ${end.head.hash}`;
    case "committed":
      return `kept the last batch (${spaced(end.batch.events)} events): it was written whole before its append was interrupted; head seq ${end.batch.headAfter.seq} ${end.batch.headAfter.hash}`;
    case "in-progress":
      return "nothing to repair: an append is in progress";
    case "clean":
      return end.staleRecord === true ? "nothing else to repair: the log's end is whole" : "nothing to repair: every batch in the log is whole";
    case "inconsistent":
      return `cannot repair: ${end.message}`;
  }
};

/** What repair did, in one sentence for an operator. */
export const describeRepair = (end: LogEnd): string => {
  const own = describeOwnRepair(end);
  return "staleRecord" in end && end.staleRecord === true ? `${STALE}; ${own}` : own;
};

/** Said of a `.pending` left by another file that had the log's name. */
const pendingRecordNote = "the .pending record beside the log is of a batch of another file that had its name (a log deleted since): it says nothing about this log, and tertial repair (or the next append) removes it";

/** One sentence for an operator about a log's end, or undefined when it is clean. */
export const describeLogEnd = (end: LogEnd): string | undefined => {
  switch (end.kind) {
    case "clean":
      return end.staleRecord === true ? pendingRecordNote : undefined;
    case "committed":
      return `the last batch (${spaced(end.batch.events)} events, up to seq ${end.batch.headAfter.seq}) is whole, but its append did not finish: readers count it once its record is cleared`;
    case "in-progress":
      return `an append is in progress (a batch of ${spaced(end.batch.events)} events after seq ${end.batch.headBefore.seq}${end.batch.writer === undefined ? "" : `, process ${end.batch.writer.split("-")[0] ?? ""}`}): only the committed lines, up to seq ${end.batch.headBefore.seq}, were checked`;
    case "incomplete": {
      const lines = batchLines(end);
      return `${lines} ${lines.startsWith("lines") ? "are" : "is"} an incomplete batch (${spaced(end.linesPresent)} of ${spaced(end.batch.events)} events written${end.torn ? ", the last line cut off" : ""}): its append was interrupted and none of it was committed`;
    }
    case "torn-line":
      return `the last line (line ${spaced(end.line)}) is cut off: an append was interrupted and that line was never committed`;
    case "missing-newline":
      return `the last line (line ${spaced(end.line)}) lacks its final newline: its event is whole and chains onto the line before it, so it was committed and only the newline is missing (an editor may have stripped it)`;
    case "inconsistent":
      return end.message;
  }
};

