const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value as HTML: nothing in it is markup. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);

/** A safe id or class fragment from any text. */
export const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64) || "x";

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/** Escaped text in which no date breaks at its hyphens ("2019-06-|10"): each ISO date kept on one line. */
export const keepDatesWhole = (escaped: string): string => escaped.replace(ISO_DATE, (date) => `<span class="nowrap">${date}</span>`);

/** Text as HTML: escaped, dates kept whole. */
export const textHtml = (text: string): string => keepDatesWhole(escapeHtml(text));
