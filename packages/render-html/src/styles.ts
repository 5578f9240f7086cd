/** The one stylesheet, inline: screen and an A4 print layout. No web fonts, nothing remote. */
export const STYLES = `
:root { color-scheme: light; --ink: #1d1d1b; --muted: #5b5b57; --rule: #c9c7c0; --accent: #1b5e8a; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 16px/1.5 "Source Sans Pro", "Segoe UI", Arial, sans-serif; color: var(--ink); background: #fff; overflow-wrap: anywhere; }
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
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
caption { text-align: left; font-weight: 700; padding-bottom: .4rem; caption-side: top; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; vertical-align: top; min-width: 4.5em; }
th:first-child, td:first-child { min-width: 11em; }
table.metrics td:first-child, table.activities td:first-child, table.metrics th:first-child, table.activities th:first-child { min-width: 3em; }
thead th { overflow-wrap: normal; }
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
.mark { font-size: .75em; vertical-align: super; }
.unit-note, .footnotes, .provenance { color: var(--muted); font-size: .85rem; }
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
details summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
dl.legend dt { float: left; clear: left; width: 2rem; font-size: 1.2em; }
dl.legend dd { margin: 0 0 .3rem 2.5rem; }
@page { size: A4; margin: 20mm 18mm 22mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-before: page; }
  .title-page { break-after: page; border: 0; }
  table, figure, dl.legend { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 8.5pt; }
  thead { display: table-header-group; }
  details > *:not(summary) { display: block; }
  details summary { display: none; }
  a { color: inherit; text-decoration: none; }
}
`.trim();
