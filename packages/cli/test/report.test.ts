import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeReportDocument } from "@tertial/core";
import { EXAMPLE_DIR, EXAMPLE_LOG, tempDir, tertial } from "./report-helpers.js";

const reportArgs = ["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2"];

describe("tertial report", () => {
  it.each(["md", "html"])("renders the example log byte for byte to the checked-in %s (pnpm example:render rewrites it)", async (format) => {
    const dir = await tempDir();
    const out = join(dir, `delarsrapport-2020.${format}`);
    const { code, stderr } = await tertial([...reportArgs, "--format", format, "--out", out]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const golden = await readFile(join(EXAMPLE_DIR, `delarsrapport-2020.${format}`), "utf8");
    expect(await readFile(out, "utf8")).toBe(golden);
  });

  it("prints the same bytes every run, and JSON that decodes as a report document", async () => {
    const first = await tertial([...reportArgs, "--format", "json"]);
    const second = await tertial([...reportArgs, "--format", "json"]);
    expect(first.stdout).toBe(second.stdout);
    const decoded = decodeReportDocument(JSON.parse(first.stdout));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) expect(decoded.document.provenance).toMatchObject({ knownAt: null, period: { start: "2020-01-01", end: "2020-08-31" }, generatedBy: "tertial 0.1.0" });
  });

  it("reports as known at a date: before the staff facts were recorded there is no staff section", async () => {
    const { stdout } = await tertial([...reportArgs, "--known-at", "2020-09-01", "--format", "md"]);
    expect(stdout).not.toContain("Medarbetare");
    expect(stdout).toContain("Bilaga 1");
    const later = await tertial([...reportArgs, "--known-at", "2020-09-02", "--format", "md"]);
    expect(later.stdout).toContain("| 2020 - tertial 2 | 7,25 | 24,25 | 13,80 | 45,30 |");
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
    expect((await tertial([...reportArgs, "--format", "pdf"])).stderr).toContain("--format must be one of md, html, json");
    const wrongPeriod = await tertial(["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1"]);
    expect(wrongPeriod.code).toBe(2);
    expect(wrongPeriod.stderr).toContain("delårsrapport covers January–August");
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "arsrapport", "--period", "2020"])).code).toBe(2);
  });

  it("builds every kind: tertial 1, the interim report and the annual report", async () => {
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "tertialrapport", "--period", "2020-T1"])).stdout).toContain("# Tertialrapport 1 2020");
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "tertialrapport", "--period", "2020-T2"])).stdout).toContain("Tertial 1–2 2020, januari–augusti 2020");
    expect((await tertial(["report", EXAMPLE_LOG, "--kind", "verksamhetsberattelse", "--period", "2020"])).stdout).toContain("# Verksamhetsberättelse 2020");
  });
});
