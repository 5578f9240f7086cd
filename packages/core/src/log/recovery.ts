import { open, stat } from "node:fs/promises";
import { GENESIS_HASH } from "../events/envelope.js";
import { readLines } from "./lines.js";
import { clearPendingBatch, readPendingBatch, type PendingBatch } from "./pending-batch.js";
import type { LogHead } from "./store.js";

/** What an interrupted append left at the end of a log, and what repairing it does. */
export type LogEnd =
  | { readonly kind: "clean" }
  /** The batch is whole; only its record was left behind. Repair keeps the batch. */
  | { readonly kind: "committed"; readonly batch: PendingBatch }
  /** Lines of a batch that never committed: repair cuts the log back to `restoredHead`. */
  | { readonly kind: "incomplete"; readonly batch: PendingBatch; readonly firstLine: number; readonly linesPresent: number; readonly torn: boolean; readonly cutAt: number; readonly restoredHead: LogHead }
  /** A cut-off last line with no batch record (a writer of an earlier version, or a copy): repair cuts that line. */
  | { readonly kind: "torn-line"; readonly line: number; readonly cutAt: number; readonly restoredHead: LogHead }
  /** The record does not fit the log: something else changed it. Repair refuses; verify explains. */
  | { readonly kind: "inconsistent"; readonly message: string };

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

const headEndingAt = async (path: string, end: number): Promise<LogHead | undefined> => {
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
  const previous = await lineEndingAt(path, size + 1);
  const cutAt = previous?.start ?? 0;
  const restoredHead = await headEndingAt(path, cutAt);
  if (restoredHead === undefined) return { kind: "inconsistent", message: "the last line is cut off and the line before it is not a stored event" };
  return { kind: "torn-line", line: restoredHead.seq + 2, cutAt, restoredHead };
};

/** Looks at how the log ends: clean, a batch left whole or incomplete, or a cut-off last line. Reads only the end. */
export const inspectLogEnd = async (realLogPath: string): Promise<LogEnd> => {
  const batch = await readPendingBatch(realLogPath);
  const size = (await stat(realLogPath)).size;
  if (batch === "unreadable") return { kind: "inconsistent", message: `${realLogPath}.pending is not a batch record; if no append is running, remove it and run tertial verify` };
  return batch === undefined ? unrecordedEnd(realLogPath, size) : batchEnd(realLogPath, batch, size);
};

/**
 * Brings the log back to its last committed batch: cuts an incomplete batch (or an unrecorded
 * cut-off line) off the end, keeps a batch that was whole, and removes the record. Run it only
 * while holding the log's lock. Returns what it found, which is what it did.
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
  if (end.kind === "incomplete" || end.kind === "committed") await clearPendingBatch(realLogPath);
  return end;
};

const spaced = (value: number): string => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, " ");

/** The lines an incomplete batch left, as "lines 4–30", "line 4" or "no lines". */
export const batchLines = (end: Extract<LogEnd, { kind: "incomplete" }>): string => {
  const count = end.linesPresent + (end.torn ? 1 : 0);
  if (count === 0) return "no lines";
  return count === 1 ? `line ${spaced(end.firstLine)}` : `lines ${spaced(end.firstLine)}–${spaced(end.firstLine + count - 1)}`;
};

/** What repair did, in one sentence for an operator. */
export const describeRepair = (end: LogEnd): string => {
  switch (end.kind) {
    case "incomplete":
      return `removed ${batchLines(end)}: an incomplete batch (${spaced(end.linesPresent)} of ${spaced(end.batch.events)} events written${end.torn ? ", the last line cut off" : ""}) left by an interrupted append; restored head seq ${end.restoredHead.seq} ${end.restoredHead.hash}`;
    case "torn-line":
      return `removed line ${spaced(end.line)}: cut off by an interrupted append; restored head seq ${end.restoredHead.seq} ${end.restoredHead.hash}`;
    case "committed":
      return `kept the last batch (${spaced(end.batch.events)} events): it was written whole before its append was interrupted; head seq ${end.batch.headAfter.seq} ${end.batch.headAfter.hash}`;
    case "clean":
      return "nothing to repair: every batch in the log is whole";
    case "inconsistent":
      return `cannot repair: ${end.message}`;
  }
};

/** One sentence for an operator about a log's end, or undefined when it is clean. */
export const describeLogEnd = (end: LogEnd): string | undefined => {
  switch (end.kind) {
    case "clean":
      return undefined;
    case "committed":
      return `the last batch (${spaced(end.batch.events)} events, up to seq ${end.batch.headAfter.seq}) is whole, but its append did not finish: readers count it once its record is cleared`;
    case "incomplete": {
      const lines = batchLines(end);
      return `${lines} ${lines.startsWith("lines") ? "are" : "is"} an incomplete batch (${spaced(end.linesPresent)} of ${spaced(end.batch.events)} events written${end.torn ? ", the last line cut off" : ""}): its append was interrupted and none of it was committed`;
    }
    case "torn-line":
      return `the last line (line ${spaced(end.line)}) is cut off: an append was interrupted and that line was never committed`;
    case "inconsistent":
      return end.message;
  }
};
