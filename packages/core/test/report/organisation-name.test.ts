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

  it("is never the example organisation's name written into the report builders: it comes from the log's profile", () => {
    const named = sourcesUnder(join(import.meta.dirname, "../../src/report")).filter((path) =>
      readFileSync(path, "utf8")
        .split("\n")
        .some((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line) && line.includes("Kommunal utveckling")),
    );
    expect(named).toEqual([]);
  });
});
