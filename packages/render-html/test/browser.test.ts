import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlRenderer } from "@tertial/render-html";
import { hostileText, sampleDocument } from "../../core/test/report/sample-document.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = resolve(import.meta.dirname, "../../../artifacts");
const EXAMPLE = resolve(import.meta.dirname, "../../../examples/kommunal-utveckling-2020/delarsrapport-2020.html");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run scripts/ensure-chromium.sh or set CHROMIUM_PATH`);

let profile: string;
let context: BrowserContext;

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), "tertial-chromium-"));
  context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: { width: 1000, height: 1400 } });
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await rm(profile, { recursive: true, force: true });
});

/** Opens an HTML file and collects every console error, page error and failed request. */
const open = async (html: string, name: string) => {
  const file = join(profile, `${name}.html`);
  await writeFile(file, html);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("dialog", (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  return { page, problems };
};

describe("HTML report in headless Chromium", () => {
  it("opens the sample report without console errors and keeps screenshots of the first page and a chart", async () => {
    const { page, problems } = await open(htmlRenderer.render(sampleDocument()), "sample");
    expect(await page.locator("h1").count()).toBe(1);
    expect(await page.locator("svg.chart-wide").count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, "report-sample-first-page.png") });
    await page.locator("svg.chart-wide").first().screenshot({ path: join(ARTIFACTS, "report-sample-chart.png") });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs nothing from hostile text", async () => {
    const { page, problems } = await open(htmlRenderer.render(sampleDocument(hostileText)), "hostile");
    expect(await page.locator("script, img, iframe, object").count()).toBe(0);
    expect(await page.locator("h1").count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens the example report and keeps screenshots of it, page by page as printed on A4", async () => {
    const { readFile } = await import("node:fs/promises");
    const { page, problems } = await open(await readFile(EXAMPLE, "utf8"), "example");
    await page.screenshot({ path: join(ARTIFACTS, "delarsrapport-2020-first-page.png") });
    const chart = page.locator("svg.chart-wide").first();
    expect(await chart.count()).toBe(1);
    await chart.screenshot({ path: join(ARTIFACTS, "delarsrapport-2020-chart.png") });
    const attendance = page.locator("#figure-narvaro-per-natverk svg.chart-wide");
    if ((await attendance.count()) > 0) await attendance.screenshot({ path: join(ARTIFACTS, "delarsrapport-2020-attendance-chart.png") });
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: join(ARTIFACTS, "delarsrapport-2020.pdf"), format: "A4" });
    // A4 at 96 dpi, the print stylesheet applied: one screenshot per page-sized slice.
    await page.setViewportSize({ width: 794, height: 1123 });
    const height = Number(await page.evaluate("document.documentElement.scrollHeight"));
    const pages = Math.ceil(height / 1123);
    expect(pages).toBeGreaterThan(3);
    for (let index = 0; index < pages; index += 1) {
      await page.evaluate(`window.scrollTo(0, ${index * 1123})`);
      await page.screenshot({ path: join(ARTIFACTS, `delarsrapport-2020-page-${String(index + 1).padStart(2, "0")}.png`) });
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
