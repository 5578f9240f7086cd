import { defaultCatalog, generateReport, jsonlStore, period, type ReportKind, type ReportSection } from "@tertial/core";
import { describe, expect, it } from "vitest";
import { EXAMPLE_LOG } from "./report-helpers.js";

/** Section numbers where each level counts 1, 2, 3 … from its parent with nothing skipped. */
const holes = (sections: readonly ReportSection[], parent: string | null): string[] =>
  sections.flatMap((section, index) => {
    const expected = parent === null ? String(index + 1) : `${parent}.${index + 1}`;
    return [...(section.number === expected ? [] : [`${section.number ?? "?"} where ${expected} was due`]), ...holes(section.sections, expected)];
  });

const numbered = async (kind: ReportKind, name: string, knownAt?: string): Promise<readonly ReportSection[]> => {
  const { document } = await generateReport(jsonlStore({ path: EXAMPLE_LOG, catalog: defaultCatalog }), defaultCatalog, { kind, period: period(name), generatedBy: "test", ...(knownAt === undefined ? {} : { knownAt }) });
  expect(document.appendices.map((appendix) => appendix.number)).toEqual(document.appendices.map((_, index) => `Bilaga ${index + 1}`));
  return document.sections;
};

describe("every report of the example year is numbered without holes", () => {
  it.each([
    ["delarsrapport", "2020-T1..T2", "2020-10-15"],
    ["tertialrapport", "2020-T1", "2020-10-15"],
    ["tertialrapport", "2020-T1..T2", undefined],
    ["verksamhetsberattelse", "2020", undefined],
  ] as const)("%s %s", async (kind, name, knownAt) => {
    const sections = await numbered(kind, name, knownAt);
    expect(sections.length).toBeGreaterThan(0);
    expect(holes(sections, null)).toEqual([]);
  });
});
