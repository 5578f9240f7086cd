import { describe, expect, it } from "vitest";
import { EXAMPLE_LOG, tertial } from "./report-helpers.js";

const report = (format: string) => tertial(["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15", "--format", format]);

interface JsonFigure {
  readonly key: string;
  readonly basis?: string;
  readonly evidence?: readonly string[];
}

/** Every figure object in the JSON document, wherever it stands. */
const figuresIn = (value: unknown): JsonFigure[] => {
  if (Array.isArray(value)) return value.flatMap(figuresIn);
  if (typeof value !== "object" || value === null) return [];
  const record = value as Record<string, unknown>;
  const own = typeof record.key === "string" && typeof record.exact === "string" ? [record as unknown as JsonFigure] : [];
  return [...own, ...Object.values(record).flatMap(figuresIn)];
};

describe("provenance in the example's interim report", () => {
  it("marks a figure computed from reconstructed facts, with its footnote, in Markdown", async () => {
    const { code, stdout } = await report("md");
    expect(code).toBe(0);
    // Attendance rests on seat and meeting counts the example reconstructs (41-meetings.jsonl).
    // Linked to its facts in the evidence appendix, the mark after the link.
    expect(stdout).toMatch(/\| \[76[\s\u202f]%\]\(#underlag-[^)]+\)† \|/);
    expect(stdout).toContain("† Bygger delvis på rekonstruerade uppgifter.");
    // Money comes from recorded facts and carries no mark.
    expect(stdout).not.toMatch(/kronor†/);
  });

  it("links every figure in the HTML to its facts in an evidence appendix, without script", async () => {
    const { code, stdout } = await report("html");
    expect(code).toBe(0);
    expect(stdout).not.toContain("<script");
    const links = [...stdout.matchAll(/<a class="figure-link" href="#([^"]+)">/g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(300);
    for (const anchor of new Set(links)) expect(stdout).toContain(`<dt id="${anchor}">`);
    expect(stdout).toContain('<sup class="basis" title="Bygger delvis på rekonstruerade uppgifter.">†</sup>');
  });

  it("carries each figure's basis and evidence in the JSON", async () => {
    const { code, stdout } = await report("json");
    expect(code).toBe(0);
    const figures = figuresIn(JSON.parse(stdout));
    const defined = figures.filter((figure) => figure.basis !== undefined);
    expect(defined.length).toBeGreaterThan(300);
    expect(new Set(defined.map((figure) => figure.basis))).toEqual(new Set(["recorded", "reconstructed"]));
    for (const figure of defined) expect(Array.isArray(figure.evidence)).toBe(true);
  });
});
