import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The example's tertial slides in Chromium, measured: every slide's content inside its 16:9 box
 * and above its footer at a desktop and a phone width, and printed one slide per 16 × 9 inch
 * page, every page numbered (the PDF's text per page through poppler's pdftotext).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = resolve(import.meta.dirname, "../../../artifacts");
const EXAMPLE = resolve(import.meta.dirname, "../../../examples/kommunal-utveckling-2020/resultatuppfoljning-2020-T2.html");

for (const tool of [CHROMIUM, "/usr/bin/pdftotext", "/usr/bin/pdfinfo"]) if (!existsSync(tool)) throw new Error(`no ${tool}: run scripts/ensure-chromium.sh (Chromium and poppler-utils)`);

let browser: Browser;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "tertial-slides-"));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  await mkdir(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
});

const openSlides = async (width: number, media: "screen" | "print" = "screen"): Promise<Page> => {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.emulateMedia({ media });
  await page.goto(pathToFileURL(EXAMPLE).href, { waitUntil: "load" });
  return page;
};

/**
 * Per slide: its 16:9 shape, and every visible element of its content that reaches outside the
 * slide or below the top of its footer (hidden chart-value tables, kept for screen readers, aside).
 */
const SLIDE_FIT = `(() => [...document.querySelectorAll("section.slide")].map((slide) => {
  const box = slide.getBoundingClientRect();
  const footer = slide.querySelector(".slide-footer").getBoundingClientRect();
  const outside = [];
  for (const element of slide.querySelectorAll(".slide-inner *")) {
    if (element.closest(".slide-footer") || element.closest(".table-wrap:has(table.chart-data)")) continue;
    const r = element.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > footer.top + 0.5) outside.push(element.tagName.toLowerCase() + ": " + (element.textContent || "").replace(/\\s+/g, " ").trim().slice(0, 40));
  }
  return { id: slide.id, ratio: Math.round((box.width / box.height) * 1000) / 1000, number: slide.querySelector(".slide-number")?.textContent ?? null, outside };
}))()`;

interface SlideFit {
  readonly id: string;
  readonly ratio: number;
  readonly number: string | null;
  readonly outside: readonly string[];
}

const expectSlidesFit = (fits: readonly SlideFit[]): void => {
  expect(fits.length).toBeGreaterThanOrEqual(5);
  fits.forEach((fit, index) => {
    expect(fit.ratio, fit.id).toBeCloseTo(16 / 9, 2);
    expect(fit.outside, fit.id).toEqual([]);
    expect(fit.number, fit.id).toBe(`Bild ${index + 1} av ${fits.length}`);
  });
};

describe("example slides layout", () => {
  it("at 1280 px: every slide 16:9, its content inside it and above its footer, every slide numbered; two slides kept as images", async () => {
    const page = await openSlides(1280);
    expectSlidesFit((await page.evaluate(SLIDE_FIT)) as SlideFit[]);
    await page.locator("section.slide").nth(2).screenshot({ path: join(ARTIFACTS, "resultatuppfoljning-2020-T2-bild-3.png") });
    await page.locator("section.slide").nth(5).screenshot({ path: join(ARTIFACTS, "resultatuppfoljning-2020-T2-bild-6.png") });
    await page.close();
  });

  it("at 375 px: the slides scale down whole, nothing spills out of a slide", async () => {
    const page = await openSlides(375);
    expectSlidesFit((await page.evaluate(SLIDE_FIT)) as SlideFit[]);
    await page.close();
  });

  it("printed: one slide per 16 × 9 inch page, each carrying its number, none spilling onto another page", async () => {
    const page = await openSlides(1536, "print");
    const fits = (await page.evaluate(SLIDE_FIT)) as SlideFit[];
    expectSlidesFit(fits);
    const pdf = join(work, "slides.pdf");
    await writeFile(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true }));
    await page.close();
    expect(execFileSync("/usr/bin/pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/^Page size:\s+1152 x 648 pts/m);
    const pages = execFileSync("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
    expect(pages).toHaveLength(fits.length);
    pages.forEach((text, index) => expect(text, `page ${index + 1}`).toContain(`Bild ${index + 1} av ${pages.length}`));
  });
});
