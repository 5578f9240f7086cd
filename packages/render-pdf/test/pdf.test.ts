import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run, type Io } from "@tertial/cli";
import { sampleDocument } from "../../core/test/report/sample-document.js";
import { ChromiumNotFoundError, findChromium, renderPdf, setPdfInfo } from "../src/index.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const EXAMPLE_LOG = join(ROOT, "examples/kommunal-utveckling-2020/events.jsonl");
const REPORT = ["report", EXAMPLE_LOG, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--known-at", "2020-10-15"];

for (const tool of ["/usr/bin/pdftotext", "/usr/bin/pdfinfo"]) if (!existsSync(tool)) throw new Error(`no ${tool}: run scripts/ensure-chromium.sh (installs poppler-utils)`);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "tertial-pdf-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const tertial = async (argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), stderrIsTty: false, cwd: ROOT, now: () => Date.UTC(2021, 0, 1) };
  return { code: await run(argv, io), stdout, stderr };
};

const poppler = (tool: "pdftotext" | "pdfinfo", file: string): string => execFileSync(`/usr/bin/${tool}`, tool === "pdftotext" ? ["-enc", "UTF-8", file, "-"] : ["-enc", "UTF-8", file], { encoding: "utf8" });

/** The catalog's /Lang, which pdfinfo does not print. */
const languageOf = (pdf: Buffer): string | undefined => /\/Lang \(([^)]*)\)/.exec(pdf.toString("latin1"))?.[1];

describe("PDF renderer", () => {
  it("prints the sample report tagged, with title, author, subject and language, and the same bytes twice", async () => {
    const first = await renderPdf(sampleDocument());
    const file = join(work, "sample.pdf");
    await writeFile(file, first);
    const info = poppler("pdfinfo", file);
    expect(info).toMatch(/^Title:\s+Delårsrapport januari–augusti 2020$/m);
    expect(info).toMatch(/^Author:\s+Kommunal utveckling$/m);
    expect(info).toMatch(/^Subject:\s+Tertial 1–2 2020$/m);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).not.toMatch(/CreationDate/);
    expect(languageOf(Buffer.from(first))).toBe("sv");
    expect(poppler("pdftotext", file)).toContain("45,30");
    expect(Buffer.from(await renderPdf(sampleDocument())).equals(Buffer.from(first))).toBe(true);
  });

  it("refuses a PDF whose layout it does not know rather than write a broken one", () => {
    expect(() => setPdfInfo(new TextEncoder().encode("%PDF-1.7\n%%EOF\n"), { title: "x", author: null, subject: "y", creator: "z" })).toThrow(/layout Tertial does not know/);
  });

  it("names the missing Chromium, as a missing file (exit 6 in the CLI)", () => {
    expect(() => findChromium({ CHROMIUM_PATH: "/no/such/chromium" })).toThrow(ChromiumNotFoundError);
    expect(() => findChromium({ CHROMIUM_PATH: "/no/such/chromium" })).toThrow(/CHROMIUM_PATH/);
  });
});

describe("tertial report --format pdf", () => {
  it("writes the example's interim report as a PDF whose text has the report's figures and whose metadata has title and language", async () => {
    const out = join(work, "delarsrapport.pdf");
    const result = await tertial([...REPORT, "--format", "pdf", "--out", out]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    const text = poppler("pdftotext", out);
    for (const figure of ["45,30", "22 100 tkr", "81 612 tkr", "Målvärde 80 %", "Sida 1 av"]) expect(text).toContain(figure);
    expect(poppler("pdfinfo", out)).toMatch(/^Title:\s+Delårsrapport januari–augusti 2020$/m);
    expect(languageOf(await readFile(out))).toBe("sv");
  });

  it("prints the tertial slides one per 16 × 9 inch page (the slides' own page size), with the three years' figures in the text", async () => {
    const out = join(work, "resultatuppfoljning.pdf");
    const result = await tertial(["report", EXAMPLE_LOG, "--kind", "resultatuppfoljning", "--period", "2020-T2", "--known-at", "2020-10-16", "--format", "pdf", "-o", out]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    const info = poppler("pdfinfo", out);
    expect(info).toMatch(/^Page size:\s+1152 x 648 pts/m);
    expect(info).toMatch(/^Title:\s+Resultatuppföljning tertial 2 2020$/m);
    const pages = poppler("pdftotext", out).split("\f").slice(0, -1);
    expect(pages).toHaveLength(6);
    const text = pages.join("\n").replace(/[\u00a0\u202f]/g, " ");
    for (const figure of ["45,30", "39 103 816 kronor", "23 460 356 kronor", "18 570 800 kronor", "72 %", "70 %", "79 %", "76 %", "91", "3 746", "−14 %", "−56 %", "Bild 6 av 6"]) expect(text).toContain(figure);
  });

  it("takes .pdf on --out as the format, needs --out for PDF, and fails with one line and exit 6 without Chromium", async () => {
    const out = join(work, "implicit.pdf");
    expect((await tertial([...REPORT, "--out", out])).code).toBe(0);
    expect((await readFile(out)).subarray(0, 5).toString()).toBe("%PDF-");
    const noOut = await tertial([...REPORT, "--format", "pdf"]);
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toBe("tertial report: --format pdf writes a binary file: give --out <file>.pdf\n");
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = "/no/such/chromium";
    try {
      const missing = await tertial([...REPORT, "--out", join(work, "never.pdf")]);
      expect(missing.code).toBe(6);
      expect(missing.stderr.split("\n")).toHaveLength(2);
      expect(missing.stderr).toContain("/no/such/chromium: no Chromium to print the PDF with");
      expect(existsSync(join(work, "never.pdf"))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
