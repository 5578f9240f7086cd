import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalLineHashMatches, lineOf, sealed, sha256Hex } from "../../src/log/chain.js";
import { GENESIS_HASH, StoredEventCodec, type StoredEvent } from "../../src/events/envelope.js";
import { canonicalJson } from "../../src/log/canonical-json.js";
import { parseStoredLine } from "../../src/log/jsonl-store.js";

/** The search it replaced: the whole field built as text, found by indexOf. */
const reference = (text: string, hash: string): boolean => {
  const field = `,"hash":"${hash}","id":`;
  const at = text.indexOf(field);
  return at !== -1 && sha256Hex(text.slice(0, at) + text.slice(at + field.length - 6)) === hash;
};

const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
const arbLine = fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/), note: fc.string({ maxLength: 40 }), seq: fc.nat(1000) }).map(({ id, note, seq }) =>
  lineOf(sealed({ id, type: "t.x", schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt: "2020-01-01T00:00:00.000Z", seq, prevHash: GENESIS_HASH, data: { note } })),
);

describe("finding a canonical line's hash field", () => {
  it("answers as building the whole field and searching for it does (property)", () => {
    fc.assert(
      fc.property(arbLine, fc.nat(), fc.nat(), hex, fc.constantFrom("cut", "insert-field", "insert-hash", "swap-hash", "move-field", "none"), (line, at, to, other, change) => {
        const hash = /"hash":"([0-9a-f]{64})"/.exec(line)?.[1] as string;
        const position = at % (line.length + 1);
        const field = `,"hash":"${hash}"`;
        const withoutField = line.replace(field, "");
        const moveTo = at % (withoutField.length + 1);
        const texts: Record<typeof change, string> = {
          none: line,
          cut: line.slice(0, position) + line.slice(Math.min(line.length, position + (to % 80))),
          // The field once more, earlier or later: inside the data, or in front of everything.
          "insert-field": `${line.slice(0, position)},"hash":"${hash}","id":${line.slice(position)}`,
          "insert-hash": line.slice(0, position) + hash + line.slice(position),
          "swap-hash": line.replace(hash, other),
          // Its bytes still hash to the hash once the field is taken out, but the line is no longer canonical.
          "move-field": withoutField.slice(0, moveTo) + field + withoutField.slice(moveTo),
        };
        const text = texts[change];
        for (const claimed of [hash, other, "", hash.slice(1)]) expect([change, claimed, canonicalLineHashMatches(text, claimed)]).toEqual([change, claimed, reference(text, claimed)]);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts an intact line and no line whose hashed bytes changed", () => {
    const line = lineOf(sealed({ id: "a", type: "t.x", schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: GENESIS_HASH, data: { note: "x" } }));
    const hash = /"hash":"([0-9a-f]{64})"/.exec(line)?.[1] as string;
    expect(canonicalLineHashMatches(line, hash)).toBe(true);
    expect(canonicalLineHashMatches(line.replace('"note":"x"', '"note":"y"'), hash)).toBe(false);
  });
});

describe("reading a line whose hash matched", () => {
  const fieldValues = fc.constantFrom<unknown>("a", "", " ", "2020-01-01", "2020-02-30", "2020-01-01T00:00:00.000Z", "2020-01-01T25:00:00Z", 0, 1, -1, 1.5, null, true, [], {}, "x".repeat(129), GENESIS_HASH, "A".repeat(64));
  const fields = ["id", "type", "schemaVersion", "effectiveAt", "recordedAt", "seq", "prevHash", "supersedes", "source", "extra"] as const;

  it("accepts exactly what the envelope's codec accepts, though the hash's digits are not checked again (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...fields), fieldValues, (field, value) => {
        const event = { id: "a", type: "t.x", schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: GENESIS_HASH, data: {}, [field]: value };
        const line = canonicalJson(sealed(event as Omit<StoredEvent, "hash">));
        const parsed = parseStoredLine("log.jsonl", line, 1, true);
        expect([field, value, parsed.ok]).toEqual([field, value, StoredEventCodec.is(JSON.parse(line))]);
        if (parsed.ok) expect(parsed.intact).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("says a line is not intact when its bytes do not hash to its hash, and still reads it when its content does", () => {
    const event = sealed({ id: "a", type: "t.x", schemaVersion: 1, effectiveAt: "2020-01-01", recordedAt: "2020-01-01T00:00:00.000Z", seq: 0, prevHash: GENESIS_HASH, data: { b: 1, a: 2 } });
    const reordered = lineOf(event).replace('{"a":2,"b":1}', '{"b":1,"a":2}');
    const parsed = parseStoredLine("log.jsonl", reordered, 1, true);
    expect(parsed.ok && parsed.intact).toBe(false);
    expect(parsed.ok && parsed.event.hash).toBe(event.hash);
    const wrongDigits = parseStoredLine("log.jsonl", lineOf({ ...event, hash: "Z".repeat(64) }), 1, true);
    expect(wrongDigits.ok ? [] : wrongDigits.issues.map((found) => found.path)).toEqual(["hash"]);
  });
});
