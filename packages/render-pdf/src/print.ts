import { checkChromium, ChromiumUnusableError, findChromium, launchFailureReason } from "./chromium.js";

export interface PrintOptions {
  /** A Chromium binary; default CHROMIUM_PATH, else /usr/bin/chromium. */
  readonly chromiumPath?: string;
}

/**
 * Prints one self-contained HTML page to PDF with the machine's Chromium, as the page's own print
 * stylesheet lays it out, on the page size its `@page` names (A4 for a report, with margin boxes
 * for the page number and running title; 16 × 9 inches for slides, one slide per page):
 * tagged (a structure tree for screen readers, selectable text) and with an outline of headings.
 */
export const printHtml = async (html: string, options: PrintOptions = {}): Promise<Uint8Array> => {
  const executablePath = options.chromiumPath === undefined ? findChromium() : checkChromium(options.chromiumPath);
  // Chromium refuses to start as root with its sandbox on; only then is it turned off.
  const args = process.getuid?.() === 0 ? ["--no-sandbox"] : [];
  // Loaded only when printing: playwright-core is large, and every other command of the CLI imports this package.
  const { chromium } = await import("playwright-core");
  // Only the launch's failure is the Chromium's: said as one line naming it. Any later error is a bug, and stays one.
  const browser = await chromium.launch({ executablePath, headless: true, args }).catch((error: unknown) => {
    throw new ChromiumUnusableError(executablePath, launchFailureReason(error));
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return new Uint8Array(pdf);
  } finally {
    await browser.close();
  }
};
