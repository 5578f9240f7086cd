import { closeSync, openSync, readSync } from "node:fs";

/**
 * Reads `length` bytes of a file from `position` into the start of `target`; throws when the
 * file ends first (a cache file shorter than its state says).
 */
export const readRange = (path: string, target: Buffer, length: number, position: number): void => {
  const file = openSync(path, "r");
  try {
    for (let done = 0; done < length; ) {
      const read = readSync(file, target, done, length - done, position + done);
      if (read === 0) throw new Error(`${path}: ends before byte ${position + length}`);
      done += read;
    }
  } finally {
    closeSync(file);
  }
};
