import type { ReportDocument, ReportSection } from "@tertial/core";
import { escapeHtml, slug, textHtml } from "./escape.js";
import type { HtmlRules } from "./rules.js";
import { CONTENT_SECURITY_POLICY } from "./rules.js";
import { SLIDE_STYLES } from "./slide-styles.js";

const lines = (parts: readonly string[]): string => parts.filter((part) => part !== "").join("\n");

interface Deck {
  readonly document: ReportDocument;
  readonly count: number;
}

/** Every slide's footer: what the deck is, and the slide's number of all ("Bild 3 av 6"). */
const footer = (deck: Deck, number: number): string => {
  const what = deck.document.title.organisation === null ? deck.document.title.title : `${deck.document.title.title} · ${deck.document.title.organisation}`;
  return `<footer class="slide-footer"><span>${escapeHtml(what)}</span><span class="slide-number">Bild ${number} av ${deck.count}</span></footer>`;
};

const provenanceText = (document: ReportDocument): string => {
  const source = document.provenance;
  const known = source.knownAt === null ? "allt som är registrerat" : `det som var registrerat ${escapeHtml(source.knownAt)}`;
  const hash = source.logHash === null ? "tom logg" : `loggens kontrollsumma <code>${escapeHtml(source.logHash)}</code>`;
  return `Framtagen av ${escapeHtml(source.generatedBy)} ur ${source.eventCount} händelser (${hash}), period ${escapeHtml(source.period.name)} (${escapeHtml(source.period.start)} – ${escapeHtml(source.period.end)}), utifrån ${known}.`;
};

/** Slide 1: organisation, title, period and where the figures come from. */
const titleSlide = (deck: Deck): string => {
  const title = deck.document.title;
  return lines([
    '<section class="slide slide-title" id="bild-1" aria-label="Bild 1">',
    '<div class="slide-inner">',
    '<div class="slide-cover">',
    title.organisation === null ? "" : `<p class="organisation">${escapeHtml(title.organisation)}</p>`,
    `<h1>${escapeHtml(title.title)}</h1>`,
    `<p class="period">${textHtml(title.periodLabel)}</p>`,
    ...title.lines.map((line) => `<p>${textHtml(line)}</p>`),
    `<p class="provenance">${provenanceText(deck.document)}</p>`,
    "</div>",
    footer(deck, 1),
    "</div>",
    "</section>",
  ]);
};

const slide = (deck: Deck, node: ReportSection, number: number, rules: HtmlRules): string =>
  lines([
    `<section class="slide" id="${escapeHtml(slug(node.id))}" aria-label="Bild ${number}">`,
    '<div class="slide-inner">',
    `<h2>${textHtml(node.title)}</h2>`,
    '<div class="slide-body">',
    ...node.blocks.map((child) => rules.block(child, rules)),
    "</div>",
    footer(deck, number),
    "</div>",
    "</section>",
  ]);

/** A slide document: one self-contained page of 16:9 slides, each block through the same rules as a report's. */
export const slidesHtml = (document: ReportDocument, rules: HtmlRules): string => {
  const deck: Deck = { document, count: document.sections.length + 1 };
  const pageTitle = document.title.organisation === null ? document.title.title : `${document.title.title} – ${document.title.organisation}`;
  return `${lines([
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(document.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(document.provenance.generatedBy)}">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(pageTitle)}</title>`,
    `<style>\n${SLIDE_STYLES}\n</style>`,
    "</head>",
    '<body class="slides">',
    "<main>",
    titleSlide(deck),
    ...document.sections.map((node, index) => slide(deck, node, index + 2, rules)),
    "</main>",
    "</body>",
    "</html>",
  ])}\n`;
};
