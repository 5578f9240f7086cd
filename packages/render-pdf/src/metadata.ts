/**
 * The PDF's document information, set by rewriting the one Info dictionary Chromium (Skia) writes
 * as object 1 and shifting the cross-reference offsets behind it. Chromium fills Title from
 * `<title>` and Lang from `<html lang>` but has no Author, and stamps the wall clock into the
 * dates; here Author and Subject are added, Creator names Tertial, and the dates are left out, so
 * the same document printed by the same Chromium gives the same bytes.
 */
export interface PdfInfo {
  readonly title: string;
  readonly author: string | null;
  readonly subject: string;
  readonly creator: string;
}

export class PdfStructureError extends Error {}

/** A PDF text string: UTF-16BE with a byte-order mark, hex-encoded, so å, ä, ö and – survive any reader. */
const pdfText = (text: string): string => {
  let hex = "FEFF";
  for (let index = 0; index < text.length; index += 1) hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, "0");
  return `<${hex}>`;
};

const infoObject = (info: PdfInfo): string =>
  [
    "1 0 obj",
    `<</Title ${pdfText(info.title)}`,
    ...(info.author === null ? [] : [`/Author ${pdfText(info.author)}`]),
    `/Subject ${pdfText(info.subject)}`,
    `/Creator ${pdfText(info.creator)}`,
    "/Producer (Chromium, Skia/PDF)>>",
    "endobj",
    "",
  ].join("\n");

/** Latin-1 view of the bytes: one character per byte, so string offsets are byte offsets. */
const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("latin1");

const INFO = /^(%PDF-1\.\d\n(?:%[^\n]*\n)?)1 0 obj\n<<[\s\S]*?>>\nendobj\n/;
const XREF = /\nxref\n0 (\d+)\n((?:\d{10} \d{5} [fn] ?\n)+)trailer\n<<[\s\S]*?\/Info 1 0 R[\s\S]*?>>\nstartxref\n(\d+)\n%%EOF\s*$/;

export const setPdfInfo = (pdf: Uint8Array, info: PdfInfo): Uint8Array => {
  const text = latin1(pdf);
  const head = INFO.exec(text);
  const tail = XREF.exec(text);
  if (head === null || tail === null || tail.index === undefined) throw new PdfStructureError("Chromium wrote a PDF of a layout Tertial does not know (no Info object 1 or no classic cross-reference table); the PDF's metadata cannot be set");
  const [oldInfo, header = ""] = head;
  const replacement = infoObject(info);
  const delta = replacement.length - (oldInfo.length - header.length);
  const infoEnd = oldInfo.length;
  const entries = (tail[2] ?? "").replace(/(\d{10}) (\d{5}) n/g, (entry, offset: string, generation: string) => {
    const at = Number(offset);
    return at >= infoEnd ? `${String(at + delta).padStart(10, "0")} ${generation} n` : entry;
  });
  const startxref = Number(tail[3]) + delta;
  const xref = tail[0].replace(tail[2] ?? "", entries).replace(/startxref\n\d+/, `startxref\n${startxref}`);
  const out = header + replacement + text.slice(infoEnd, tail.index) + xref;
  return Buffer.from(out, "latin1");
};
