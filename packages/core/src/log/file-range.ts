import { closeSync, openSync, readSync } from "node:fs";

/** Reads `length` bytes of an open file from `position` into the start of `target`; throws when the file ends first. */
const readFully = (path: string, file: number, target: Buffer, length: number, position: number): void => {
  for (let done = 0; done < length; ) {
    const read = readSync(file, target, done, length - done, position + done);
    if (read === 0) throw new Error(`${path}: ends before byte ${position + length}`);
    done += read;
  }
};

/**
 * Reads `length` bytes of a file from `position` into the start of `target`; throws when the
 * file ends first (a cache file shorter than its state says).
 */
export const readRange = (path: string, target: Buffer, length: number, position: number): void => {
  const file = openSync(path, "r");
  try {
    readFully(path, file, target, length, position);
  } finally {
    closeSync(file);
  }
};

/**
 * `readRange` of one file through one descriptor until the event loop next turns: an append looks
 * up its whole batch at once (a block per id, between awaits of promises already settled, which
 * do not turn the loop), and opening the file for each block cost more than reading it. The
 * descriptor is closed by the next `setImmediate`, so none outlives the stretch of work that
 * opened it, and a file renamed over this path while I/O was awaited is opened anew.
 */
export class HeldFile {
  private descriptor: number | undefined;

  constructor(readonly path: string) {}

  read(target: Buffer, length: number, position: number): void {
    readFully(this.path, this.open(), target, length, position);
  }

  private open(): number {
    if (this.descriptor === undefined) {
      const descriptor = openSync(this.path, "r");
      this.descriptor = descriptor;
      setImmediate(() => {
        this.descriptor = undefined;
        closeSync(descriptor);
      });
    }
    return this.descriptor;
  }
}
