import { closeSync, openSync, read, readSync } from "node:fs";

export interface RawLine {
  /** 1-based line number in the file. */
  readonly number: number;
  readonly text: string;
  /** False only for a last line with no newline: what a crash mid-append leaves behind. */
  readonly terminated: boolean;
  /** Byte offset of the line's first byte in the file. */
  readonly start: number;
  /** Byte offset just after the line (after its newline): where the next line starts. */
  readonly end: number;
}

const FIRST_CHUNK = 1 << 14;
const LARGEST_CHUNK = 1 << 18;

const readAt = (fd: number, buffer: Buffer, position: number): Promise<number> =>
  new Promise((resolve, reject) => read(fd, buffer, 0, buffer.length, position, (error, bytesRead) => (error === null ? resolve(bytesRead) : reject(error))));

/**
 * The bytes of [start, until) in chunks growing from 16 KiB to 256 KiB: a read that wants a few
 * lines (a report as known at a date just past its snapshot) reads and decodes a few, and a long
 * read soon reads as much at a time as a stream would. The file is opened and its first chunk
 * read synchronously: a few lines' read is over before trips through the thread pool (open,
 * read, close) would have begun, and they were most of a known-at report's waiting. Later chunks
 * are read asynchronously, so a long read lets timers, signals and other work run between them.
 */
async function* readChunks(path: string, start: number, until: number): AsyncGenerator<Buffer> {
  const handle = openSync(path, "r");
  try {
    let position = start;
    let size = FIRST_CHUNK;
    while (position < until) {
      const buffer = Buffer.allocUnsafe(Math.min(size, until - position));
      const bytesRead = position === start ? readSync(handle, buffer, 0, buffer.length, position) : await readAt(handle, buffer, position);
      if (bytesRead === 0) return;
      yield bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead);
      position += bytesRead;
      size = Math.min(size * 4, LARGEST_CHUNK);
    }
  } finally {
    closeSync(handle);
  }
}

/**
 * Streams a file's lines in batches (the lines each chunk read completes), with their numbers and
 * byte offsets, holding one chunk and one line in memory at a time, and says whether the last
 * line was cut off. Blank lines are yielded too, so callers can reject them with a line number.
 * `from` starts at a byte offset (a line start) and `until` stops before a byte offset: readers
 * stop where the committed log ends. Batches, not lines, so a long read awaits once per chunk.
 */
export async function* readLineBatches(path: string, from: { readonly offset: number; readonly number: number } = { offset: 0, number: 0 }, until = Infinity): AsyncGenerator<RawLine[]> {
  if (until <= from.offset) return;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let number = from.number;
  let position = from.offset;
  for await (const chunk of readChunks(path, from.offset, until)) {
    const batch: RawLine[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      const length = pendingBytes + newline - start;
      number += 1;
      // A line inside one chunk (nearly all) is decoded in place, with no Buffer view or list made for it.
      const text = pending.length === 0 ? chunk.toString("utf8", start, newline) : Buffer.concat([...pending, chunk.subarray(start, newline)]).toString("utf8");
      batch.push({ number, text, terminated: true, start: position, end: position + length + 1 });
      position += length + 1;
      if (pending.length > 0) {
        pending = [];
        pendingBytes = 0;
      }
      start = newline + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingBytes += chunk.length - start;
    }
    if (batch.length > 0) yield batch;
  }
  if (pending.length > 0) {
    number += 1;
    yield [{ number, text: Buffer.concat(pending).toString("utf8"), terminated: false, start: position, end: position + pendingBytes }];
  }
}

/** The same lines one at a time. */
export async function* readLines(path: string, from: { readonly offset: number; readonly number: number } = { offset: 0, number: 0 }, until = Infinity): AsyncGenerator<RawLine> {
  for await (const batch of readLineBatches(path, from, until)) yield* batch;
}

/**
 * The terminated lines of [0, until) whose bytes pass `wanted` (given a buffer and the line's
 * [start, end) in it, newline excluded), decoded; the others are never decoded. For a scan that
 * picks a few kinds of line out of a long log by a look at their raw bytes. A last line with no
 * newline is yielded whatever `wanted` says, as `readLines` yields it (`terminated` false): the
 * caller names it (a committed line that lost its newline, or one an interrupted append cut off),
 * as every other reader of the log does, instead of reading on as if the log ended before it.
 */
export async function* readLinesWhere(path: string, wanted: (bytes: Buffer, start: number, end: number) => boolean, until = Infinity): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let number = 0;
  let position = 0;
  for await (const chunk of readChunks(path, 0, until)) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      number += 1;
      // A line split across reads is joined first; the rest are looked at where they lie.
      const [bytes, from, to] = pending.length === 0 ? [chunk, start, newline] : joined([...pending, chunk.subarray(start, newline)]);
      if (wanted(bytes, from, to)) yield { number, text: bytes.toString("utf8", from, to), terminated: true, start: position, end: position + to - from + 1 };
      position += to - from + 1;
      pending = [];
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) {
    const [bytes, from, to] = joined(pending);
    yield { number: number + 1, text: bytes.toString("utf8", from, to), terminated: false, start: position, end: position + to - from };
  }
}

const joined = (parts: readonly Buffer[]): [Buffer, number, number] => {
  const bytes = Buffer.concat(parts);
  return [bytes, 0, bytes.length];
};

/**
 * A stored line's fields, read as loosely as a look at a damaged or foreign line needs: undefined
 * when the line is not JSON or not an object. Checking what the fields hold is the caller's.
 */
export const fieldsOfLine = (text: string): Readonly<Record<string, unknown>> | undefined => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
};
