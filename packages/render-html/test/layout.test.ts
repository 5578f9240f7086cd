import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Layout, measured rather than compared by pixels: the example report in Chromium at a desktop
 * width, a phone width and printed on A4 (the PDF's text per page through poppler's pdftotext).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = resolve(import.meta.dirname, "../../../artifacts");
const EXAMPLE = resolve(import.meta.dirname, "../../../examples/kommunal-utveckling-2020/delarsrapport-2020.html");
/** A4 minus the print sheet's 18 mm side margins, in CSS pixels (96 per inch). */
const A4_CONTENT_WIDTH = Math.floor(((210 - 36) / 25.4) * 96);

for (const tool of [CHROMIUM, "/usr/bin/pdftotext", "/usr/bin/pdftoppm"]) if (!existsSync(tool)) throw new Error(`no ${tool}: run scripts/ensure-chromium.sh (Chromium and poppler-utils)`);

let browser: Browser;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "tertial-layout-"));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

const openExample = async (width: number, media: "screen" | "print" = "screen"): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.emulateMedia({ media });
  await page.goto(pathToFileURL(EXAMPLE).href, { waitUntil: "load" });
  return page;
};

/** Every text of every chart whose box reaches outside its SVG's box. */
const TEXT_OUTSIDE_CHART = `(() => {
  const out = [];
  for (const svg of document.querySelectorAll("svg.chart")) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0) continue; // the drawing for the other screen size, not shown
    for (const text of svg.querySelectorAll("text")) {
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) out.push(svg.closest("figure").id + ": " + text.textContent);
    }
  }
  return out;
})()`;

/** Tables wider than their container: allowed only inside a box that scrolls sideways, unless `mustFit`. */
const overflowingTables = (mustFit: boolean): string => `(() => {
  const out = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) out.push("the page itself scrolls sideways: " + root.scrollWidth + " > " + root.clientWidth);
  for (const table of document.querySelectorAll("table")) {
    const container = table.parentElement;
    const overflowX = getComputedStyle(container).overflowX;
    const scrolls = overflowX === "auto" || overflowX === "scroll";
    const name = (table.caption ? table.caption.textContent : table.id).slice(0, 60);
    if (table.getBoundingClientRect().width > container.clientWidth + 1 && (${mustFit} || !scrolls)) out.push(name + ": " + Math.round(table.getBoundingClientRect().width) + " > " + container.clientWidth);
    if (container.getBoundingClientRect().right > root.clientWidth + 1) out.push(name + ": its box ends outside the page");
  }
  return out;
})()`;

/** Words split across two lines: pieces between spaces, hyphens, slashes and dashes that have boxes on two lines. */
const BROKEN_WORDS = `(() => {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    // A checksum is not a word: it may break anywhere.
    if (node.parentElement === null || node.parentElement.closest("svg, style, title, code") !== null) continue;
    const word = /[^\\s\\-\\/\\u2013\\u2014]+/g;
    for (let match = word.exec(node.data); match !== null; match = word.exec(node.data)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) out.push(match[0]);
    }
  }
  return out;
})()`;

/** What must never end a page: headings, table captions, and a table's head row (its last cell closes the head). */
const LEADS = `[...document.querySelectorAll("main h2, main h3, main h4, main caption, main thead tr:last-child th:last-child")].map((h) => h.textContent.replace(/\\s+/g, " ").trim())`;
/** The table of contents ends with the last entry, which is also a heading's text: pages up to there are not checked for stranded headings. */
const LAST_TOC_ENTRY = `[...document.querySelectorAll("nav.toc a")].map((a) => a.textContent.replace(/\\s+/g, " ").trim()).pop()`;

describe("example report layout", () => {
  it("at 1280 px: chart texts inside their charts, every table fits its column without scrolling; screenshots of every chart", async () => {
    const page = await openExample(1280);
    expect(await page.evaluate(TEXT_OUTSIDE_CHART)).toEqual([]);
    expect(await page.evaluate(overflowingTables(true))).toEqual([]);
    const charts = page.locator("figure.chart-figure");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (let index = 0; index < (await charts.count()); index += 1) {
      const figure = charts.nth(index);
      await figure.screenshot({ path: join(ARTIFACTS, `chart-${(await figure.getAttribute("id")) ?? String(index)}.png`) });
    }
    await page.close();
  });

  it("at 375 px: chart texts inside their charts, wide tables scroll in their own box, no word broken", async () => {
    const page = await openExample(375);
    expect(await page.evaluate(TEXT_OUTSIDE_CHART)).toEqual([]);
    expect(await page.evaluate(overflowingTables(false))).toEqual([]);
    expect(await page.evaluate(BROKEN_WORDS)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, "delarsrapport-2020-375px.png") });
    const charts = page.locator("svg.chart-narrow");
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (let index = 0; index < (await charts.count()); index += 1) await charts.nth(index).screenshot({ path: join(ARTIFACTS, `chart-${index + 1}-375px.png`) });
    await page.close();
  });

  it("on A4: tables fit the page width, no heading, caption or table head ends a page, every page carries its number, none nearly empty; first three pages kept as images", async () => {
    const page = await openExample(A4_CONTENT_WIDTH, "print");
    expect(await page.evaluate(TEXT_OUTSIDE_CHART)).toEqual([]);
    expect(await page.evaluate(overflowingTables(true))).toEqual([]);
    const headings = (await page.evaluate(LEADS)) as string[];
    const lastTocEntry = (await page.evaluate(LAST_TOC_ENTRY)) as string;
    const pdf = join(work, "report.pdf");
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true }));
    await page.close();
    const pages = execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
    expect(pages.length).toBeGreaterThan(3);
    const stranded: string[] = [];
    let inToc = true;
    pages.forEach((text, index) => {
      expect(text, `page ${index + 1}`).toContain(`Sida ${index + 1} av ${pages.length}`);
      const content = text
        .split("\n")
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter((line) => line !== "" && !/^Sida \d+ av \d+$/.test(line));
      const last = content[content.length - 1] ?? "";
      if (inToc) {
        inToc = !(lastTocEntry === last || lastTocEntry.endsWith(` ${last}`));
        return;
      }
      // A lead that wrapped is its last few lines joined.
      const endings = [1, 2, 3, 4].map((count) => content.slice(-count).join(" "));
      if (index < pages.length - 1 && headings.some((heading) => endings.includes(heading))) stranded.push(`page ${index + 1} ends with "${last}"`);
    });
    expect(stranded).toEqual([]);
    // The old print sheet left pages of five lines or fewer; the cover and the last page may be short.
    const nearlyEmpty = pages.map((text, index) => ({ page: index + 1, lines: text.split("\n").filter((line) => line.trim() !== "").length })).filter((entry) => entry.page > 1 && entry.page < pages.length && entry.lines < 10);
    expect(nearlyEmpty).toEqual([]);
    execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "70", "-f", "1", "-l", "3", pdf, join(ARTIFACTS, "delarsrapport-2020-a4-page")]);
    expect((await readdir(ARTIFACTS)).filter((name) => name.startsWith("delarsrapport-2020-a4-page-")).length).toBeGreaterThanOrEqual(3);
  });

  it("keeps the example's HTML self-contained: no script, the Content-Security-Policy in place", async () => {
    const html = await readFile(EXAMPLE, "utf8");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:"');
  });
});
