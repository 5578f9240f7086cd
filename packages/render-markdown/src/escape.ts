/**
 * Escaping for GitHub-flavoured Markdown. Plain text (cells, headings, labels) is escaped so that
 * nothing in it is syntax; narratives keep their inline Markdown but lose every construct that
 * could break the outline or the page: headings, setext underlines, fences, raw HTML, tables,
 * images, link definitions and links to script or data URLs.
 */

const ENTITY = /&(?=#?[a-zA-Z0-9]+;)/g;

const INLINE_SPECIALS = /[\\`*_[\]|~#]/g;

/** Characters and line starts escapeText changes: most figures and labels have none, and are returned as they are. */
const NEEDS_ESCAPE = /[\r\n&\\`*_[\]|~#<>]|^\s*(?:[-+=]|\d+[.)])(?=\s|$)/;

/** Any text as one line of literal Markdown: no syntax survives, no line break escapes the cell or heading. */
export const escapeText = (text: string): string => (NEEDS_ESCAPE.test(text) ? escapeAll(text) : text);

const escapeAll = (text: string): string =>
  text
    .replace(/\r\n?|\n/g, " ")
    .replace(ENTITY, "&amp;")
    .replace(INLINE_SPECIALS, (char) => `\\${char}`)
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/, "$1\\$2");

const UNSAFE_SCHEME = /\]\((\s*<?\s*)(?=(?:javascript|vbscript|data|file):)/gi;

const neutraliseLine = (line: string): string =>
  line
    .replace(/^(\s{0,3})(#{1,6})(?=\s|$)/, "$1\\$2")
    .replace(/^(\s{0,3})(=+|-+)(\s*)$/, "$1\\$2$3")
    .replace(/^(\s{0,3})(`{3,}|~{3,})/, "$1\\$2")
    .replace(/^(\s{0,3})\[([^\]]*)\]:/, "$1\\[$2]:");

/** A narrative's Markdown, made safe to embed: inline emphasis, lists and web links remain. */
export const sanitizeMarkdown = (source: string): string =>
  source
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map(neutraliseLine)
    .join("\n")
    .replace(ENTITY, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/!\[/g, "\\![")
    .replace(UNSAFE_SCHEME, "]\\($1")
    .trim();

/** A narrative inside a table cell: sanitized, on one line. */
export const sanitizeInline = (source: string): string =>
  sanitizeMarkdown(source)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
