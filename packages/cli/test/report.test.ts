import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import MarkdownIt from "markdown-it";
import { decodeReportDocument, type ReportDocument, type ReportSection } from "@tertial/core";
import { EXAMPLE_LOG, snapshot, tempDir, tertial, writeLog } from "./report-helpers.js";

const reportArgs = ["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2"];

const TABLE_KINDS = new Set(["table", "metric-table", "activity-table", "chart"]);

/** The headings (number and title) and the number of tables a document says it has. */
const documentShape = (document: ReportDocument) => {
  const walk = (sections: readonly ReportSection[]): { headings: string[]; tables: number } =>
    sections.reduce(
      (shape, section) => {
        const inner = walk(section.sections);
        return {
          headings: [...shape.headings, `${section.number === null ? "" : `${section.number} `}${section.title}`, ...inner.headings],
          tables: shape.tables + section.blocks.filter((block) => TABLE_KINDS.has(block.kind)).length + inner.tables,
        };
      },
      { headings: [] as string[], tables: 0 },
    );
  const body = walk([...document.sections, ...document.appendices]);
  return { headings: [document.title.title, ...body.headings], tables: body.tables };
};

/** Markdown with each figure's link to the evidence appendix reduced to the figure as printed. */
const withoutEvidenceLinks = (markdown: string): string => markdown.replace(/\[([^\]]*)\]\(#underlag-[^)]*\)/g, "$1");

describe("tertial report", () => {
  it("prints the same bytes every run, and JSON that decodes as a report document", async () => {
    const first = await tertial([...reportArgs, "--format", "json"]);
    const second = await tertial([...reportArgs, "--format", "json"]);
    expect(first.stdout).toBe(second.stdout);
    const decoded = decodeReportDocument(JSON.parse(first.stdout));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.document.provenance).toMatchObject({ knownAt: null, period: { start: "2020-01-01", end: "2020-08-31" }, generatedBy: "tertial 0.1.0" });
  });

  it("writes Markdown whose headings and tables, read back with markdown-it, are the document's", async () => {
    const json = await tertial([...reportArgs, "--format", "json"]);
    const markdown = await tertial([...reportArgs, "--format", "md"]);
    const document = JSON.parse(json.stdout) as ReportDocument;
    const tokens = new MarkdownIt().parse(markdown.stdout, {});
    const headings = tokens.flatMap((token, index) => (token.type === "heading_open" ? [tokens[index + 1]?.content ?? ""] : []));
    const unescape = (text: string): string => text.replace(/\\(.)/g, "$1");
    // After the document's own sections, the evidence appendix the figures link to.
    expect(headings.map(unescape)).toEqual([...documentShape(document).headings, "Underlag för siffrorna"]);
    expect(tokens.filter((token) => token.type === "table_open")).toHaveLength(documentShape(document).tables);
    expect(documentShape(document).tables).toBeGreaterThan(10);
  });

  it("reports as known at a date: before the staff facts were recorded there is no staff section", async () => {
    const { stdout } = await tertial([...reportArgs, "--known-at", "2020-09-01", "--format", "md"]);
    expect(stdout).not.toContain("Medarbetare");
    expect(stdout).toContain("Bilaga 1");
    const later = await tertial([...reportArgs, "--known-at", "2020-09-02", "--format", "md"]);
    expect(withoutEvidenceLinks(later.stdout)).toContain("| 2020 - tertial 2 | 7,25 | 24,25 | 13,80 | 45,30 |");
  });

  it("loads a third-party renderer by path (named export `renderer` or default export)", async () => {
    const named = await tertial([...reportArgs, "--renderer", "./packages/cli/test/fixtures/outline-renderer.mjs"]);
    expect(named.code).toBe(0);
    expect(named.stdout).toMatch(/^OUTLINE Delårsrapport januari–augusti 2020\n1 Inledning\n/);
    expect(named.stdout).toContain("\n  1.2 Medarbetare\n");
    expect(named.stdout).toContain("\nBilaga 1 Symbolförteckning för mätetal och aktiviteter\n");
    const byDefault = await tertial([...reportArgs, "--renderer", join(import.meta.dirname, "fixtures/default-renderer.mjs")]);
    expect(byDefault.stdout).toMatch(/^sections: \d+\n$/);
  });

  it("refuses a module that is not a renderer, an unknown format and a period the kind does not cover", async () => {
    const notRenderer = await tertial([...reportArgs, "--renderer", "./packages/cli/test/fixtures/not-a-renderer.mjs"]);
    expect(notRenderer.code).toBe(2);
    expect(notRenderer.stderr).toContain("must default-export or export `renderer`");
    const missing = await tertial([...reportArgs, "--renderer", "./no/such/renderer.mjs"]);
    expect(missing.code).toBe(2);
    expect((await tertial([...reportArgs, "--format", "docx"])).stderr).toContain("--format must be one of md, html, json, pdf");
    const wrongPeriod = await tertial(["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1"]);
    expect(wrongPeriod.code).toBe(2);
    expect(wrongPeriod.stderr).toContain("delårsrapport covers January–August");
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "arsrapport", "--period", "2020"])).code).toBe(2);
  });

  it("refuses a TypeScript renderer up front, before the log is read, saying what --renderer takes", async () => {
    const dir = await tempDir();
    // A renderer that would run, written to a .ts file: a loader that reads TypeScript (this test runner) must not make it pass here and fail under Node.
    for (const name of ["renderer.ts", "renderer.mts", "renderer.cts"]) {
      const path = join(dir, name);
      await writeFile(path, await readFile(join(import.meta.dirname, "fixtures/outline-renderer.mjs"), "utf8"));
      for (const log of [EXAMPLE_LOG, join(dir, "no-such-log.jsonl")]) {
        const result = await tertial(["report", log, "--kind", "tertialrapport", "--period", "2020-T1", "--renderer", path]);
        expect({ code: result.code, stdout: result.stdout, stderr: result.stderr }).toEqual({
          code: 2,
          stdout: "",
          stderr: `tertial report: --renderer ${path}: a TypeScript file, which Node cannot import; compile it and give the JavaScript file (--renderer takes a package name, or a path to a JavaScript module (.js, .mjs or .cjs))\n`,
        });
      }
    }
  });

  it("builds every kind: tertial 1, the interim report and the annual report", async () => {
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "tertialrapport", "--period", "2020-T1"])).stdout).toContain("# Tertialrapport 1 2020");
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "tertialrapport", "--period", "2020-T2"])).stdout).toContain("Tertial 1–2 2020, januari–augusti 2020");
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "verksamhetsberattelse", "--period", "2020"])).stdout).toContain("# Verksamhetsberättelse 2020");
  });

  it("shows progress on stderr only when it is a terminal, and --out writes relative to the working directory", async () => {
    const dir = await tempDir();
    const drafts = Array.from({ length: 1200 }, (_, index) =>
      snapshot(`s${index}`, "2020-08-31", new Date(Date.UTC(2020, 8, 2, 0, 0, index)).toISOString(), { tjanstekop: "1.00", tillsvidare: "2.00", visstid: "3.00" }, "6.00"),
    );
    const log = await writeLog(dir, drafts);
    let clock = 0;
    // A clock that moves 2 s each time it is read: the run is already past its quiet first second.
    const slow = { elapsed: () => (clock += 2000) };
    const onTerminal = await tertial(["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--out", "report.md"], dir, true, slow);
    expect(onTerminal.stderr).toMatch(/^\rreport \[#+-*\] +\d+ % {2}1000 events/);
    expect(onTerminal.stderr.endsWith("\r\x1b[K")).toBe(true);
    const quick = await tertial(["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2"], dir, true, { elapsed: () => 0 });
    expect(quick.stderr).toBe("");
    expect(withoutEvidenceLinks(await readFile(join(dir, "report.md"), "utf8"))).toContain("| 2020 - tertial 2 | 1,00 | 2,00 | 3,00 | 6,00 |");
    const piped = await tertial(["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2"], dir, false);
    expect(piped.stderr).toBe("");
  });
});

describe("tertial report --kind verksamhetsplan for years no plan covers", () => {
  const PLAN_LOG = join(import.meta.dirname, "../../../examples/kommunal-utveckling-2022-plan/events.jsonl");

  it("prints nothing, says on one stderr line which plan there is, exits 2 and writes no file", async () => {
    const dir = await tempDir();
    const out = join(dir, "plan.md");
    const result = await tertial(["report", PLAN_LOG, "--kind", "verksamhetsplan", "--period", "2023", "-o", out]);
    expect(result).toEqual({
      code: 2,
      stdout: "",
      stderr: "tertial report: no adopted plan for 2023: a verksamhetsplan is printed for a plan's years or the year it details (vp-2022-2024 covers 2022-2024 and details 2022)\n",
    });
    await expect(readFile(out, "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("names the cut-off when the plan was not yet known then, and prints the plan for its own years", async () => {
    const before = await tertial(["report", PLAN_LOG, "--kind", "verksamhetsplan", "--period", "2022..2024", "--known-at", "2020-01-01"]);
    expect(before.code).toBe(2);
    expect(before.stderr).toContain("no adopted plan for 2022-2024: a verksamhetsplan is printed for a plan's years or the year it details, and no plan in the log covers 2024 (as known at 2020-01-01)");
    const own = await tertial(["report", PLAN_LOG, "--kind", "verksamhetsplan", "--period", "2022..2024"]);
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("# Verksamhetsplan 2022-2024");
  });
});
