/**
 * The slide sheet: every slide a 16:9 box whose type scales with its width (container units),
 * so a slide that fits on a laptop fits on a projector and on the printed 16 × 9 inch page.
 * Screen: slides one under another; print: one slide per page, no page margins.
 */
export const SLIDE_STYLES = `
:root { color-scheme: light; --ink: #1d1d1b; --muted: #5b5b57; --rule: #c9c7c0; --accent: #1b5e8a; }
* { box-sizing: border-box; }
body.slides { margin: 0; padding: 1rem; background: #e8e6e1; font-family: "Source Sans Pro", "Segoe UI", Arial, sans-serif; color: var(--ink); }
.slide { container-type: inline-size; position: relative; width: min(100%, 1536px); aspect-ratio: 16 / 9; margin: 0 auto 1rem; background: #fff; overflow: hidden; box-shadow: 0 1px 4px rgba(0, 0, 0, .2); }
.slide-inner { position: absolute; inset: 0; display: flex; flex-direction: column; padding: 3cqw 4cqw 1.5cqw; font-size: 1.35cqw; line-height: 1.3; }
.slide h1 { font-size: 4cqw; color: var(--accent); margin: 0 0 1.5cqw; line-height: 1.15; }
.slide h2 { font-size: 2.3cqw; color: var(--accent); margin: 0 0 1.2cqw; padding-bottom: .4cqw; border-bottom: .2cqw solid var(--accent); line-height: 1.2; }
.slide-cover { flex: 1; display: flex; flex-direction: column; justify-content: center; padding-left: 4cqw; }
.slide-title p { margin: .4cqw 0; font-size: 1.8cqw; color: var(--muted); }
.slide-title .organisation { font-weight: 700; color: var(--ink); text-transform: uppercase; letter-spacing: .05em; }
.slide-title .provenance { font-size: .9cqw; margin-top: 3cqw; max-width: 70cqw; }
.slide-body { flex: 1; min-height: 0; display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 3cqw; align-content: start; }
.slide-body > * { min-width: 0; }
.slide-body > .table-wrap:has(table.wide), .slide-body > p { grid-column: 1 / -1; }
.slide-body p { margin: .5cqw 0; font-size: 1.1cqw; color: var(--muted); }
.slide .table-wrap { margin: 0 0 1.2cqw; overflow: visible; }
.slide table { border-collapse: collapse; width: 100%; font-size: 1.15cqw; }
.slide table.wide { font-size: 1.05cqw; }
.slide caption { text-align: left; font-weight: 700; padding-bottom: .4cqw; caption-side: top; }
.slide th, .slide td { border-bottom: .08cqw solid var(--rule); padding: .3cqw .5cqw; vertical-align: top; text-align: left; }
.slide thead th { border-bottom: .15cqw solid var(--ink); }
.slide tbody th { font-weight: 400; }
.slide tfoot td, .slide tfoot th { border-top: .15cqw solid var(--ink); font-weight: 700; }
.slide .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.slide thead th.num { white-space: normal; }
.slide .unit-note { color: var(--muted); font-weight: 400; }
.slide .mark { font-size: .75em; vertical-align: super; }
.slide .footnotes { font-size: .9cqw; color: var(--muted); }
.slide figure.chart-figure { margin: 0; }
.slide figure.chart-figure figcaption { font-weight: 700; margin-bottom: .4cqw; }
.slide svg.chart { display: block; width: 100%; height: auto; max-height: 24cqw; }
.slide svg.chart-narrow { display: none; }
/* The chart's values stay in the document for screen readers; the table beside it prints them already. */
.slide .table-wrap:has(table.chart-data) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.slide-footer { display: flex; justify-content: space-between; gap: 2cqw; border-top: .08cqw solid var(--rule); padding-top: .5cqw; font-size: .95cqw; color: var(--muted); }
@page { size: 16in 9in; margin: 0; }
@media print {
  body.slides { padding: 0; background: #fff; }
  .slide { width: 16in; height: 9in; aspect-ratio: auto; margin: 0; box-shadow: none; break-after: page; break-inside: avoid; }
  .slide:last-child { break-after: auto; }
}
`.trim();
