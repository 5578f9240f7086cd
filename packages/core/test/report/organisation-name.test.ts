import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { genitive } from "../../src/report/builders/organisation.js";

const sourcesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : path.endsWith(".ts") ? [path] : [];
  });

describe("the organisation a report names", () => {
  it("is put in the genitive as Swedish does", () => {
    expect(["Kommunal utveckling", "Nordvik kulturråd", "Fjällbygdens samordningsförbund", "Region Kronoberg", "Kulturhus", "Fax", "Jazz"].map(genitive)).toEqual([
      "Kommunal utvecklings",
      "Nordvik kulturråds",
      "Fjällbygdens samordningsförbunds",
      "Region Kronobergs",
      "Kulturhus",
      "Fax",
      "Jazz",
    ]);
  });

  /** Where code (not a comment) under src/report writes the words. */
  const writtenInto = (words: string): string[] =>
    sourcesUnder(join(import.meta.dirname, "../../src/report")).filter((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .some((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line) && line.includes(words)),
    );

  it("is never the example organisation's name written into the report builders or slides: it comes from the log's profile", () => {
    expect(writtenInto("Kommunal utveckling")).toEqual([]);
  });

  it("never has the example organisation's course arranger, region or financing wording written into the builders or slides: the log names them", () => {
    for (const words of ["Kurs och konferens", "Kurs- och konferens", "RJL", "Kommunernas grundfinansiering"]) expect({ words, files: writtenInto(words) }).toEqual({ words, files: [] });
  });
});
