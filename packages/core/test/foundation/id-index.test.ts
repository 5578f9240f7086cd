import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdIndex, type KnownId } from "../../src/log/id-index.js";

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
});
