import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bySwedishName, swedishKey } from "../../src/report/builders/names.js";

// The key made code unit by code unit through the table, as it was before one replace made it.
const TABLE: Readonly<Record<string, string>> = { å: "{", ä: "|", ö: "}", é: "e", ü: "y" };
const byUnits = (text: string): string =>
  text
    .toLowerCase()
    .split("")
    .map((char) => TABLE[char] ?? char)
    .join("");

const names = fc.oneof(fc.string({ unit: "grapheme" }), fc.stringMatching(/^[A-Za-zÅÄÖåäöÉéÜü -]{0,20}$/));

describe("Swedish alphabetical order", () => {
  it("keys a name as the code-unit mapping did, for any text", () => {
    fc.assert(fc.property(names, (name) => swedishKey(name) === byUnits(name)), { numRuns: 5000 });
  });

  it("sorts as comparing the keys at every step did, and puts å, ä, ö after z", () => {
    fc.assert(
      fc.property(fc.array(names, { maxLength: 30 }), (list) => {
        const expected = [...list].sort((a, b) => (byUnits(a) < byUnits(b) ? -1 : byUnits(a) > byUnits(b) ? 1 : 0));
        expect([...list].sort(bySwedishName((name) => name))).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
    expect(["Värnamo", "Vaggeryd", "Östra Göinge", "Vetlanda", "Åseda", "Zeta", "Ärla", "Z"].sort(bySwedishName((name) => name))).toEqual(["Vaggeryd", "Vetlanda", "Värnamo", "Z", "Zeta", "Åseda", "Ärla", "Östra Göinge"]);
  });
});
