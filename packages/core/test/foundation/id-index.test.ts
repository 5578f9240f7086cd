import { createHash } from "node:crypto";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex, IdIndexBuilder, type KnownId } from "../../src/log/id-index.js";

const content = fc.stringMatching(/^[0-9a-f]{30}$/);
const known = fc.record({ content, retraction: fc.boolean(), learnedFrom: fc.boolean() });

// Ids whose keys (16 bytes of SHA-256) share their first four bytes, found by search: the sort must still order them by the rest.
const SHARING_FOUR_BYTES = ["id-10014", "id-22672", "id-68684", "id-86190", "id-97752", "id-138622", "id-47373", "id-145605"];

describe("the id index", () => {
  it("finds every id it was given, after being saved and read back and after more ids, and no other", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(...SHARING_FOUR_BYTES)), known), { selector: ([id]) => id, maxLength: 300 }), fc.nat(), (entries, split) => {
        const cut = entries.length === 0 ? 0 : split % entries.length;
        const first = new IdIndex();
        for (const [id, entry] of entries.slice(0, cut)) first.add(id, entry);
        const second = new IdIndex(first.toBuffer());
        for (const [id, entry] of entries.slice(cut)) second.add(id, entry);
        const third = new IdIndex(second.toBuffer());
        for (const [id, entry] of entries) {
          expect(second.lookup(id)).toEqual<KnownId>(entry);
          expect(third.lookup(id)).toEqual<KnownId>(entry);
        }
        expect(third.lookup("\u0000 not an id")).toBeUndefined();
        expect(third.size).toBe(entries.length);
      }),
      { numRuns: 300 },
    );
  });

  it("saves its records sorted by key, earlier records before a later one with the same key (property)", () => {
    const RECORD = 32;
    const recordOf = (id: string, entry: KnownId): Buffer => {
      const record = Buffer.alloc(RECORD);
      createHash("sha256").update(id, "utf8").digest().copy(record, 0, 0, 16);
      record.write(entry.content, 16, 15, "hex");
      record[31] = (entry.retraction ? 1 : 0) | (entry.learnedFrom ? 2 : 0);
      return record;
    };
    const recordsOf = (bytes: Buffer): Buffer[] => Array.from({ length: bytes.length / RECORD }, (_, index) => bytes.subarray(index * RECORD, (index + 1) * RECORD));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...SHARING_FOUR_BYTES)), known), { maxLength: 200 }), fc.array(fc.tuple(fc.constantFrom(...SHARING_FOUR_BYTES, "a", "b"), known), { maxLength: 20 }), (entries, again) => {
        const first = new IdIndex();
        for (const [id, entry] of entries) first.add(id, entry);
        const saved = first.toBuffer();
        const second = new IdIndex(saved);
        // Ids the saved records hold already, added again: both records stay, the saved one first.
        for (const [id, entry] of again) second.add(id, entry);
        const latest = new Map(entries);
        const byKey = (a: Buffer, b: Buffer): number => a.compare(b, 0, 16, 0, 16);
        expect(recordsOf(saved)).toEqual([...latest].map(([id, entry]) => recordOf(id, entry)).sort(byKey));
        expect(recordsOf(second.toBuffer())).toEqual([...recordsOf(saved), ...[...new Map(again)].map(([id, entry]) => recordOf(id, entry))].sort(byKey));
      }),
      { numRuns: 300 },
    );
  });

  it("taken from a whole log by the builder, holds what adding each id to an index holds, the last record of an id given twice (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom(...SHARING_FOUR_BYTES)), known), { maxLength: 3000 }), (entries) => {
        const builder = new IdIndexBuilder();
        const index = new IdIndex();
        for (const [id, entry] of entries) {
          builder.add(id, entry.content, entry.retraction, entry.learnedFrom);
          index.add(id, entry);
        }
        const built = builder.build();
        expect(built.toBuffer()).toEqual(index.toBuffer());
        for (const [id, entry] of new Map(entries)) expect(built.lookup(id)).toEqual<KnownId>(entry);
        expect(built.size).toBe(new Set(entries.map(([id]) => id)).size);
      }),
      { numRuns: 200 },
    );
  });
});
