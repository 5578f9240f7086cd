import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeUtf8Lines, formatIssue, JSON_LIMITS, parseStrictJson, readDraftFile } from "@tertial/core";
import { useTempDir } from "./temp-dir.js";

const useTemp = useTempDir();

describe("the strict JSON reader", () => {
  it("reads what JSON.parse reads, to the same value, when keys are unique and text is well formed (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(0, 2), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const read = parseStrictJson(text);
        expect(read).toEqual({ ok: true, value: JSON.parse(text) });
      }),
      { numRuns: 500 },
    );
  });

  it("never accepts a text JSON.parse refuses, and agrees with it on what it accepts (property)", () => {
    const pieces = fc.constantFrom("{", "}", "[", "]", ",", ":", '"a"', '"b"', "1", "-0.5e3", "true", "null", " ", '"\\u0041"', "01", "1.", '"\\x"', "\t", "nul");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join("")), (text) => {
        const read = parseStrictJson(text);
        let native: { ok: true; value: unknown } | { ok: false };
        try {
          native = { ok: true, value: JSON.parse(text) };
        } catch {
          native = { ok: false };
        }
        if (read.ok) expect(native).toEqual({ ok: true, value: read.value });
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['{"a":1,"a":2}', "a", 8, /has the key "a" twice/],
    ['{"a":{"b":[1,{"c":"\\udc00"}]}}', "a.b[1].c", 19, /lone surrogate/],
    ['["\\ud83d"]', "[0]", 2, /lone surrogate/],
    ["[1e400]", "[0]", 2, /number too large/],
    ['{"a":1,}', "", 8, /where a key should be/],
    ['{"a":01}', "", 7, /after the value|inside an object/],
    ['"tab\there"', "", 5, /control character/],
    ["[1] [2]", "", 5, /after the value/],
  ])("refuses %s at %s, column %d", (text, path, column, says) => {
    const read = parseStrictJson(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect({ path: read.path, column: read.index + 1 }).toEqual({ path, column });
    expect(read.message).toMatch(says);
  });

  it("accepts a surrogate pair, escaped or not, and __proto__ as an ordinary key", () => {
    expect(parseStrictJson('["\\ud83d\\ude00", "😀"]')).toEqual({ ok: true, value: ["😀", "😀"] });
    const read = parseStrictJson('{"__proto__":{"x":1}}');
    expect(read.ok && Object.keys(read.value as object)).toEqual(["__proto__"]);
    expect(read.ok && ({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("stops at the documented depth, and a 100 000-level value is an error, not a crash", () => {
    expect(parseStrictJson(`${"[".repeat(JSON_LIMITS.depth)}${"]".repeat(JSON_LIMITS.depth)}`).ok).toBe(true);
    expect(parseStrictJson(`${"[".repeat(JSON_LIMITS.depth + 1)}${"]".repeat(JSON_LIMITS.depth + 1)}`)).toMatchObject({ ok: false, index: JSON_LIMITS.depth });
    expect(parseStrictJson(`${"[".repeat(100_000)}${"]".repeat(100_000)}`).ok).toBe(false);
  });
});

describe("strict UTF-8", () => {
  it("finds each invalid byte's line and column, and keeps the valid lines", () => {
    const bytes = Buffer.concat([Buffer.from('{"a":"café"}\n{"note":"caf'), Buffer.from([0xe9]), Buffer.from('(x"}\n"ok"\n'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from("\n")]);
    const { text, problems } = decodeUtf8Lines(bytes);
    expect(problems).toEqual([
      { line: 2, column: 13, byte: 0xe9 },
      { line: 4, column: 1, byte: 0xed },
    ]);
    expect(text.split("\n")).toEqual(['{"a":"café"}', "", '"ok"', "", ""]);
  });

  it("agrees with a fatal TextDecoder on which lines are valid (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const clean = bytes.map((byte) => (byte === 0x0a ? 0x20 : byte));
        let valid = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(clean);
        } catch {
          valid = false;
        }
        expect(decodeUtf8Lines(clean).problems.length === 0).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  it("drafts with invalid UTF-8 are refused with file, line and column instead of being read as U+FFFD", async () => {
    const dir = await useTemp();
    const file = join(dir, "drafts.jsonl");
    const good = '{"type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1"}}';
    await writeFile(file, Buffer.concat([Buffer.from(`${good}\n{"type":"staff.position-closed","effectiveAt":"2020-03-01","data":{"positionId":"p1"},"source":{"note":"caf`), Buffer.from([0xe9, 0x28]), Buffer.from('"}}\n')]));
    const { parsed } = await readDraftFile(file);
    expect(parsed.drafts).toHaveLength(1);
    expect(parsed.issues.map(formatIssue)).toEqual([`${file}:2:108: has a byte 0xe9 that is not UTF-8 (expected text in UTF-8)`]);
  });
});
