import { createReadStream } from "node:fs";

export interface RawLine {
  /** 1-based line number in the file. */
  readonly number: number;
  readonly text: string;
  /** False only for a last line with no newline: what a crash mid-append leaves behind. */
  readonly terminated: boolean;
}

/**
 * Streams a file's lines with their numbers, holding one chunk and one line in memory at a
 * time, and says whether the last line was cut off. Blank lines are yielded too, so callers
 * can reject them with a line number.
 */
export async function* readLines(path: string): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let number = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let newline = chunk.indexOf(10, start); newline !== -1; newline = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, newline));
      number += 1;
      yield { number, text: Buffer.concat(pending).toString("utf8"), terminated: true };
      pending = [];
      start = newline + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) {
    number += 1;
    yield { number, text: Buffer.concat(pending).toString("utf8"), terminated: false };
  }
}
