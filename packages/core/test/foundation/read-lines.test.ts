import fc from "fast-check";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLineBatches, readLinesWhere, type RawLine } from "../../src/log/lines.js";

// What a read must give: every line with its number and byte offsets, the last one unterminated when the file does not end in a newline.
const expectedLines = (bytes: Buffer, from: { offset: number; number: number }, until: number): RawLine[] => {
  const lines: RawLine[] = [];
  const end = Math.min(until, bytes.length);
  let start = from.offset;
  let number = from.number;
  while (start < end) {
    const newline = bytes.indexOf(10, start);
    const terminated = newline !== -1 && newline < end;
    const stop = terminated ? newline : end;
    number += 1;
    lines.push({ number, text: bytes.toString("utf8", start, stop), terminated, start, end: terminated ? stop + 1 : stop });
    start = stop + 1;
  }
  return lines;
};

const read = async (path: string, from: { offset: number; number: number }, until: number): Promise<RawLine[]> => {
  const lines: RawLine[] = [];
  for await (const batch of readLineBatches(path, from, until)) lines.push(...batch);
  return lines;
};

// Lines short and long (past the first 16 KiB chunk and past the largest), with multi-byte characters that a chunk may split.
const line = fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.string({ unit: fc.constantFrom("a", "ö", "€", "𝄞", "{", "\""), minLength: 15_000, maxLength: 70_000 }));

describe("reading a log's lines in growing chunks", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tertial-lines-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("gives every line, its number and its byte offsets, from any line start and up to any bound", async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line.map((text) => text.replace(/\n/g, " ")), { maxLength: 12 }), fc.boolean(), fc.nat(), fc.nat(), async (texts, endsInNewline, startPick, untilPick) => {
        const text = texts.join("\n") + (endsInNewline && texts.length > 0 ? "\n" : "");
        const bytes = Buffer.from(text, "utf8");
        const path = join(dir, `log-${(file += 1)}.jsonl`);
        await writeFile(path, bytes);
        const all = expectedLines(bytes, { offset: 0, number: 0 }, Infinity);
        expect(await read(path, { offset: 0, number: 0 }, Infinity)).toEqual(all);
        // From a line start, up to any line's end: how a resumed, bounded read asks.
        const first = all[startPick % Math.max(all.length, 1)];
        const from = first === undefined ? { offset: 0, number: 0 } : { offset: first.start, number: first.number - 1 };
        const bound = all[untilPick % Math.max(all.length, 1)];
        const until = bound === undefined ? Infinity : bound.end;
        expect(await read(path, from, until)).toEqual(expectedLines(bytes, from, until));
      }),
      { numRuns: 60 },
    );
  });

  it("gives, picking lines by their bytes, the lines picked and always a last line with no newline, as a read gives them", async () => {
    let file = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line.map((text) => text.replace(/\n/g, " ")), { maxLength: 12 }), fc.boolean(), async (texts, endsInNewline) => {
        const text = texts.join("\n") + (endsInNewline && texts.length > 0 ? "\n" : "");
        const bytes = Buffer.from(text, "utf8");
        const path = join(dir, `where-${(file += 1)}.jsonl`);
        await writeFile(path, bytes);
        // Lines picked by their first byte: an odd one is picked. An unterminated last line comes whatever its first byte.
        const picked = (found: Buffer, start: number, end: number): boolean => end > start && ((found[start] ?? 0) & 1) === 1;
        const lines: RawLine[] = [];
        for await (const each of readLinesWhere(path, picked)) lines.push(each);
        const expected = expectedLines(bytes, { offset: 0, number: 0 }, Infinity).filter((each) => !each.terminated || picked(bytes, each.start, each.end - 1));
        expect(lines).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
