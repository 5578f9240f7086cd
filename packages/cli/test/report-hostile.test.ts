import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import type { EventDraft } from "@tertial/core";
import { snapshot, tempDir, tertial, writeLog } from "./report-helpers.js";

const HOSTILE = [
  "<script>alert('x')</script>",
  "[klicka](javascript:alert(1)) <javascript:alert(2)>",
  "a | b || c",
  "# Falsk rubrik\n\nFalsk\n===",
  "```\nkod som aldrig stängs",
  "x".repeat(10_000),
  "![spårare](https://example.org/pixel.png)",
  '<img src=x onerror="alert(3)">',
].join("\n\n");

const narrative = (id: string, section: string, kind: string, markdown: string, title?: string): EventDraft => ({
  id,
  type: "narrative.written",
  effectiveAt: "2020-08-31",
  recordedAt: "2020-09-03T08:00:00.000Z",
  data: { narrativeId: id, kind, from: "2020-01-01", to: "2020-08-31", section, markdown, ...(title === undefined ? {} : { title }) },
});

const hostileLog = (): Promise<string> =>
  tempDir().then((dir) =>
    writeLog(dir, [
      snapshot("snap", "2020-08-31", "2020-09-02T08:00:00.000Z", { tjanstekop: "7.25", tillsvidare: "24.25", visstid: "13.80" }, "45.30"),
      narrative("hostile-highlight", "1.1", "highlight", HOSTILE),
      narrative("hostile-outlook", "1.4", "outlook", HOSTILE, `Framtiden ${HOSTILE.replace(/\n/g, " ")}`),
    ]),
  );

const args = (log: string, format: string) => ["report", log, "--kind", "delarsrapport", "--period", "2020-T1..T2", "--format", format];

describe("hostile text in events", () => {
  it("cannot break the Markdown outline or tables, or smuggle HTML", async () => {
    const log = await hostileLog();
    const { code, stdout } = await tertial(args(log, "md"));
    expect(code).toBe(0);
    const reader = new MarkdownIt("default", { html: true });
    const tokens = reader.parse(stdout, {});
    const headings = tokens.filter((token) => token.type === "heading_open").map((token) => tokens[tokens.indexOf(token) + 1]?.content ?? "");
    // The title, the chapter with its three sections, Bilaga 1 and the evidence appendix ("Underlag för siffrorna").
    expect(headings).toHaveLength(7);
    expect(headings[6]).toBe("Underlag för siffrorna");
    expect(headings.slice(0, 4)).toEqual(["Delårsrapport januari–augusti 2020", "1 Inledning", expect.stringMatching(/^1\.1 Viktiga händelser/), "1.2 Medarbetare"]);
    // Numbered without holes: nothing fills 1.3, so the outlook written for 1.4 is printed as 1.3.
    expect(headings[4]).toMatch(/^1\.3 Framtiden/);
    expect(headings.some((heading) => heading.startsWith("Falsk"))).toBe(false);
    expect(tokens.filter((token) => token.type === "table_open")).toHaveLength(2);
    const html = reader.render(stdout);
    expect(html).not.toMatch(/<script|<img|<pre|href="javascript:/i);
  });

  it("is escaped in HTML: no script, no image, no javascript: link, no extra headings", async () => {
    const log = await hostileLog();
    const { code, stdout } = await tertial(args(log, "html"));
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/<script|<img|<pre|<a [^>]*href="javascript:/i);
    expect(stdout.match(/<h1[ >]/g)).toHaveLength(1);
    // The chapter, Bilaga 1 and the contents, and the evidence appendix ("Underlag för siffrorna").
    expect(stdout.match(/<h2[ >]/g)).toHaveLength(4);
    expect(stdout).toContain("&lt;script&gt;");
  });
});
