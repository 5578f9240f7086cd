/**
 * The one stylesheet, inline: screen from phone to desktop, and an A4 print layout with a cover,
 * page numbers and a running title in the page margins (CSS margin boxes, Chromium 131 and later).
 * No web fonts, nothing remote.
 */
export const STYLES = `
:root { color-scheme: light; --ink: #1d1d1b; --muted: #5b5b57; --rule: #c9c7c0; --accent: #1b5e8a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 16px/1.5 "Source Sans Pro", "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; overflow-wrap: break-word; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; color: var(--accent); }
h1 { font-size: 2rem; margin: 0 0 .5rem; }
h2 { font-size: 1.5rem; margin-top: 2.5rem; border-bottom: 2px solid var(--accent); padding-bottom: .2rem; }
h3 { font-size: 1.2rem; margin-top: 1.75rem; }
.title-page { border-bottom: 1px solid var(--rule); padding-bottom: 1.5rem; margin-bottom: 1.5rem; }
.title-page p { margin: .25rem 0; color: var(--muted); }
.title-page .organisation { font-weight: 700; color: var(--ink); text-transform: uppercase; letter-spacing: .05em; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc ol ol { padding-left: 1.5rem; }
nav.toc a { color: var(--ink); text-decoration: none; }
.nowrap { white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
caption { text-align: left; font-weight: 700; padding-bottom: .4rem; caption-side: top; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; vertical-align: top; overflow-wrap: normal; }
table.wide { font-size: .8rem; }
table.wide th, table.wide td { padding: .25rem .35rem; }
.table-wrap { overflow-x: auto; margin: 1rem 0; }
.table-wrap > table { margin: 0; }
thead th { border-bottom: 2px solid var(--ink); text-align: left; }
tbody th { text-align: left; font-weight: 400; }
tfoot th { text-align: left; }
table.metrics tbody th, table.activities tbody th { font-weight: 600; }
tfoot td, tfoot th { border-top: 2px solid var(--ink); font-weight: 700; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
thead th.num { white-space: normal; }
.center { text-align: center; }
.mark { font-size: .75em; vertical-align: super; line-height: 0; }
/* A figure links to its facts without looking like a web link: the number reads as a number, the link shows on hover or focus. */
a.figure-link { color: inherit; text-decoration: none; }
a.figure-link:hover, a.figure-link:focus-visible { color: var(--accent); text-decoration: underline dotted; text-underline-offset: .15em; }
/* † reconstructed, ‡ illustrative: a small raised mark after the figure, never widening its column. */
sup.basis { font-size: .7em; line-height: 0; vertical-align: super; margin-left: .1em; color: var(--muted); font-weight: 400; }
/* Underlag för siffrorna: a reference list, compact and small; the entry a figure links to is highlighted. */
section.evidence { font-size: .8rem; color: var(--muted); }
section.evidence h2 { font-size: 1.2rem; }
section.evidence p { margin: .25rem 0 .75rem; }
dl.evidence-list { margin: 0; columns: 2 24rem; column-gap: 2rem; }
dl.evidence-list dt { color: var(--ink); font-weight: 600; margin-top: .35rem; break-after: avoid; break-inside: avoid; }
dl.evidence-list dd { margin: 0 0 0 1rem; break-inside: avoid; }
dl.evidence-list code { font-size: .95em; font-weight: 400; overflow-wrap: anywhere; }
dl.evidence-list dt:target { background: #fff3c4; outline: 2px solid #fff3c4; }
.unit-note { color: var(--muted); font-weight: 400; }
/* Footnotes and unit notes are the size of a caption, never larger than the table they explain. */
.footnotes, .provenance { color: var(--muted); font-size: .9rem; }
.footnotes p { margin: .25rem 0; }
.notice { font-style: italic; color: var(--muted); }
.status { font-size: 1.1em; }
.status-met { color: #2e7d32; } .status-partly-met { color: #b7791f; } .status-not-met { color: #c62828; } .status-no-result { color: #6b6b6b; }
.activity-done { color: #2e7d32; } .activity-on-track { color: #1b5e8a; } .activity-delayed, .activity-issues { color: #b7791f; }
.activity-serious-issues, .activity-cancelled { color: #c62828; } .activity-not-started { color: #6b6b6b; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
figure.chart-figure { margin: 1.5rem 0; }
figure.chart-figure figcaption { font-weight: 700; margin-bottom: .5rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.chart-narrow { display: none; }
table.chart-data { font-size: .8rem; }
dl.legend dt { float: left; clear: left; width: 2rem; font-size: 1.2em; }
dl.legend dd { margin: 0 0 .3rem 2.5rem; }
@media (max-width: 40rem) {
  body { padding: 1rem .75rem 3rem; }
  svg.chart-wide { display: none; }
  svg.chart-narrow { display: block; }
  h1 { font-size: 1.6rem; }
  h2 { font-size: 1.3rem; }
}
@page { size: A4; margin: 20mm 18mm 22mm; @bottom-right { content: "Sida " counter(page) " av " counter(pages); font: 8pt Arial, sans-serif; color: #5b5b57; } }
@page :first { @top-left { content: none; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .title-page { break-after: page; border: 0; min-height: 235mm; padding-top: 50mm; display: flex; flex-direction: column; }
  .title-page h1 { font-size: 26pt; margin: 0 0 8mm; }
  .title-page p { font-size: 13pt; }
  .title-page .report-date { margin-top: auto; font-size: 11pt; }
  nav.toc { break-after: page; }
  h2 { margin-top: 1.5rem; }
  h2, h3, h4, h5, h6, caption, figcaption { break-after: avoid; break-inside: avoid; }
  tr, figure, dl.legend, .footnotes p, table.short { break-inside: avoid; }
  /* A chart and the short table of its values are read together: no page between them (a long one may break, after its first rows). */
  figure.chart-figure:has(+ .table-wrap > table.chart-data.short) { break-after: avoid; }
  thead, tbody tr:first-child, tbody tr:nth-child(2) { break-after: avoid; }
  tbody tr:first-child, tbody tr:nth-child(2) { break-before: avoid; }
  .table-wrap { overflow: visible; }
  svg.chart-wide { display: block; }
  svg.chart-narrow { display: none; }
  table { font-size: 8.5pt; }
  table.wide { font-size: 7.5pt; }
  caption, .footnotes, .provenance { font-size: 8.5pt; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  section.evidence { font-size: 7pt; }
  section.evidence h2 { font-size: 12pt; margin-top: 0; }
  dl.evidence-list { columns: 2; column-gap: 6mm; }
  dl.evidence-list dt { margin-top: 1mm; }
}
`.trim();

/** A CSS string literal for any text: every character outside plain ASCII letters, digits and spaces as an escape. */
export const cssString = (text: string): string => `"${[...text].map((char) => (/[A-Za-z0-9 ]/.test(char) ? char : `\\${(char.codePointAt(0) ?? 0).toString(16)} `)).join("")}"`;

/** The running title in the top margin of every printed page but the cover. */
export const pageHeaderStyles = (title: string): string => `@page { @top-left { content: ${cssString(title)}; font: 8pt Arial, sans-serif; color: #5b5b57; } }`;
