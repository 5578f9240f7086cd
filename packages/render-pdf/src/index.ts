import type { ReportDocument } from "@tertial/core";
import { htmlRenderer } from "@tertial/render-html";
import { printHtml, type PrintOptions } from "./print.js";
import { setPdfInfo } from "./metadata.js";

export { ChromiumNotFoundError, ChromiumUnusableError, DEFAULT_CHROMIUM, findChromium } from "./chromium.js";
export { PdfStructureError, setPdfInfo, type PdfInfo } from "./metadata.js";
export { printHtml, type PrintOptions } from "./print.js";

/**
 * A renderer whose output is bytes, produced asynchronously (a browser prints it). Core's
 * `Renderer` returns text synchronously, so a PDF renderer is a kind of its own.
 */
export interface BinaryRenderer {
  readonly id: string;
  readonly mediaType: string;
  readonly extension: string;
  readonly render: (document: ReportDocument) => Promise<Uint8Array>;
}

/** The report as the HTML renderer lays it out, printed to a tagged A4 PDF with title, author (the organisation) and language. */
export const renderPdf = async (document: ReportDocument, options: PrintOptions = {}): Promise<Uint8Array> => {
  const pdf = await printHtml(htmlRenderer.render(document), options);
  return setPdfInfo(pdf, {
    title: document.title.title,
    author: document.title.organisation,
    subject: document.title.periodLabel,
    creator: document.provenance.generatedBy,
  });
};

export const pdfRenderer: BinaryRenderer = { id: "pdf", mediaType: "application/pdf", extension: "pdf", render: (document) => renderPdf(document) };

export default pdfRenderer;
