import { renameSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setImmediate as loopTurned } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HeldFile, readRange } from "../../src/log/file-range.js";

/** The bytes [position, position + length) of a file, as one reader gives them. */
const readWith = (read: (target: Buffer, length: number, position: number) => void, length: number, position: number): string => {
  const target = Buffer.alloc(length);
  read(target, length, position);
  return target.toString("latin1");
};

describe("reading ranges of a file", () => {
  let folder: string;
  let path: string;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "tertial-file-range-"));
    path = join(folder, "records");
    await writeFile(path, "0123456789abcdef");
  });
  afterEach(async () => rm(folder, { recursive: true, force: true }));

  it("gives the same bytes through a held descriptor as by opening the file each time", () => {
    const held = new HeldFile(path);
    for (const [length, position] of [[4, 0], [6, 10], [1, 15], [16, 0], [0, 16]] as const) {
      expect(readWith((target, size, at) => held.read(target, size, at), length, position)).toBe(readWith((target, size, at) => readRange(path, target, size, at), length, position));
    }
  });

  it("says which file ended before the range did, either way", () => {
    expect(() => new HeldFile(path).read(Buffer.alloc(8), 8, 12)).toThrow(`${path}: ends before byte 20`);
    expect(() => readRange(path, Buffer.alloc(8), 8, 12)).toThrow(`${path}: ends before byte 20`);
  });

  it("keeps one descriptor while the loop does not turn (awaits of settled promises included), and opens the file anew after it has", async () => {
    await writeFile(`${path}.new`, "ZYXWVUTSRQPONMLK");
    const held = new HeldFile(path);
    expect(readWith((target, size, at) => held.read(target, size, at), 4, 0)).toBe("0123");
    // A new file renamed over the path without turning the loop: the descriptor still held reads the file it opened.
    await Promise.resolve();
    renameSync(`${path}.new`, path);
    await Promise.resolve();
    expect(readWith((target, size, at) => held.read(target, size, at), 4, 4)).toBe("4567");
    await loopTurned();
    expect(readWith((target, size, at) => held.read(target, size, at), 4, 4)).toBe("VUTS");
  });
});
