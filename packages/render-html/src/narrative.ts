import MarkdownIt from "markdown-it";
import { keepDatesWhole } from "./escape.js";

const UNSAFE_URL = /^\s*(?:javascript|vbscript|data|file):/i;

/**
 * Narratives through markdown-it with raw HTML off, no linkify, no images (nothing remote may
 * load), no headings (a narrative cannot break the outline), no code blocks (an unclosed fence
 * cannot swallow the text after it) and only http(s), mailto and
 * relative links.
 */
const createNarrativeParser = (): MarkdownIt => {
  const md = new MarkdownIt("default", { html: false, linkify: false, typographer: false });
  md.disable(["heading", "lheading", "image", "html_block", "html_inline", "fence", "code"]);
  md.validateLink = (url: string): boolean => !UNSAFE_URL.test(url);
  md.renderer.rules.text = (tokens, index) => keepDatesWhole(md.utils.escapeHtml(tokens[index]?.content ?? ""));
  return md;
};

const parser = createNarrativeParser();

/** Markdown source as block HTML (paragraphs, lists). */
export const narrativeHtml = (markdown: string): string => parser.render(markdown).trimEnd();

/** Markdown source as inline HTML, for a table cell. */
export const narrativeInlineHtml = (markdown: string): string => parser.renderInline(markdown.replace(/\s*\n\s*/g, " "));
