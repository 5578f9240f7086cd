import {
  ACTIVITY_STATUS_SYMBOLS,
  METRIC_STATUS_SYMBOLS,
  TREND_SYMBOLS,
  BASIS_MARKS,
  basisFootnotes,
  basisMark,
  evidenceAnchor,
  reportFiguresOf,
  type ReportFigure,
  type ReportActivityTable,
  type ReportAlign,
  type ReportBlock,
  type ReportCell,
  type ReportChart,
  type ReportFootnote,
  type ReportLegend,
  type ReportMetricRow,
  type ReportMetricStatus,
  type ReportMetricTable,
  type ReportDocument,
  type ReportProvenance,
  type ReportSection,
  type ReportTable,
  type ReportTableRow,
  type ReportTitleBlock,
  hasMetricDescriptions,
  hasOtherComparisons,
  otherComparisons,
  renderReportBlock,
  type ReportBlockRules,
} from "@tertial/core";
import { svgChart } from "./chart/index.js";
import { escapeHtml, slug, textHtml } from "./escape.js";
import { narrativeHtml, narrativeInlineHtml } from "./narrative.js";
import { STYLES, pageHeaderStyles } from "./styles.js";

/**
 * The HTML renderer as a table of small rules, one per node kind (markdown-it style): a
 * plugin replaces one and keeps the rest. Every rule escapes what it prints.
 */
export interface HtmlRules extends ReportBlockRules {
  readonly document: (document: ReportDocument, rules: HtmlRules) => string;
  readonly head: (document: ReportDocument) => string;
  readonly title: (title: ReportTitleBlock, provenance: ReportProvenance) => string;
  readonly toc: (sections: readonly ReportSection[]) => string;
  readonly section: (section: ReportSection, depth: number, rules: HtmlRules) => string;
  readonly block: (block: ReportBlock, rules: HtmlRules) => string;
  readonly provenance: (provenance: ReportProvenance) => string;
}

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const lines = (parts: readonly string[]): string => parts.filter((part) => part !== "").join("\n");

const alignClass = (align: ReportAlign | undefined): string => (align === "right" ? ' class="num"' : align === "center" ? ' class="center"' : "");

const marksHtml = (cell: ReportCell): string => cell.marks.map((mark) => `<span class="mark">${escapeHtml(mark)}</span>`).join("");

/** A printed figure: its exact value for machines, its provenance mark, and a link to the facts behind it (no script). */
const figureHtml = (figure: ReportFigure | null): string => {
  if (figure === null) return "";
  const data = `<data value="${escapeHtml(figure.exact)}">${escapeHtml(figure.text)}</data>`;
  const mark = basisMark(figure);
  const marked = mark === "" ? "" : `<sup class="basis" title="${escapeHtml(BASIS_MARKS[figure.basis as "reconstructed" | "illustrative"].note)}">${escapeHtml(mark)}</sup>`;
  return (figure.evidence ?? []).length === 0 ? `${data}${marked}` : `<a class="figure-link" href="#${escapeHtml(evidenceAnchor(figure))}">${data}</a>${marked}`;
};

/** The provenance footnotes of a block that prints figures from reconstructed or illustrative facts. */
const basisNotesHtml = (node: ReportBlock): string => {
  const notes = basisFootnotes(node);
  return notes.length === 0 ? "" : `<div class="footnotes">${notes.map((entry) => `<p><span class="mark">${escapeHtml(entry.mark)}</span> ${escapeHtml(entry.note)}</p>`).join("")}</div>`;
};

/** Every figure's facts by anchor: the figure definition it was computed by and the events it rests on. */
const evidenceAppendix = (node: ReportDocument): string => {
  const entries = [...reportFiguresOf(node).values()].filter((entry) => (entry.figure.evidence ?? []).length > 0);
  if (entries.length === 0) return "";
  const item = ({ figure, section }: (typeof entries)[number]): string => {
    const definition = figure.definition === undefined ? "" : ` <code>${escapeHtml(figure.definition.key)}</code>`;
    const mark = basisMark(figure);
    return `<dt id="${escapeHtml(evidenceAnchor(figure))}">${escapeHtml(section)}: ${escapeHtml(figure.text)}${definition}${mark === "" ? "" : ` ${escapeHtml(mark)}`}</dt><dd>${(figure.evidence ?? []).map((id) => `<code>${escapeHtml(id)}</code>`).join(", ")}</dd>`;
  };
  return lines(['<section class="evidence" id="underlag">', "<h2>Underlag för siffrorna</h2>", "<p>Varje siffra i rapporten leder hit: figuren den är beräknad med och händelserna i loggen den bygger på.</p>", `<dl class="evidence-list">${entries.map(item).join("")}</dl>`, "</section>"]);
};

const cellContent = (cell: ReportCell): string => {
  switch (cell.kind) {
    case "text":
      return textHtml(cell.text) + marksHtml(cell);
    case "figure":
      return `${figureHtml(cell.figure)}${marksHtml(cell)}`;
    case "blank":
      return marksHtml(cell);
  }
};

const tableRow = (row: ReportTableRow, align: readonly ReportAlign[], headerCells: boolean): string =>
  `<tr>${row.cells
    .map((cell, index) => {
      const tag = headerCells ? "th" : index === 0 && cell.kind === "text" ? "th" : "td";
      const scope = tag === "th" ? (headerCells ? ' scope="col"' : ' scope="row"') : "";
      return `<${tag}${scope}${alignClass(align[index])}>${cellContent(cell)}</${tag}>`;
    })
    .join("")}</tr>`;

const footnotesHtml = (notes: readonly ReportFootnote[]): string =>
  notes.length === 0 ? "" : `<div class="footnotes">${notes.map((note) => `<p><span class="mark">${escapeHtml(note.mark)}</span> ${narrativeInlineHtml(note.markdown)}</p>`).join("")}</div>`;

/** Tables of six columns or more print in smaller type, so they fit an A4 page and a desktop window without scrolling. */
const WIDE_TABLE_COLUMNS = 6;
/**
 * A table of up to this many rows (a third of an A4 page) moves whole to the next page rather
 * than leave its caption and head alone at a page's foot; a longer one breaks between rows.
 */
const SHORT_TABLE_ROWS = 15;

const tableClasses = (classes: readonly string[], columns: number, rows: number): string => {
  const all = [...classes, ...(columns >= WIDE_TABLE_COLUMNS ? ["wide"] : []), ...(rows <= SHORT_TABLE_ROWS ? ["short"] : [])];
  return all.length === 0 ? "" : ` class="${all.join(" ")}"`;
};

const columnCount = (block: ReportTable): number => Math.max(0, ...[...block.head, ...block.body].map((row) => row.cells.length));

const table = (block: ReportTable): string =>
  lines([
    `<div class="table-wrap"><table id="${escapeHtml(`table-${slug(block.id)}`)}"${tableClasses([], columnCount(block), block.body.length + block.foot.length)}>`,
    `<caption>${textHtml(block.caption)}${block.unitNote === null ? "" : ` <span class="unit-note">(${escapeHtml(block.unitNote)})</span>`}</caption>`,
    block.head.length === 0 ? "" : `<thead>${block.head.map((row) => tableRow(row, block.align, true)).join("")}</thead>`,
    `<tbody>${block.body.map((row) => tableRow(row, block.align, false)).join("")}</tbody>`,
    block.foot.length === 0 ? "" : `<tfoot>${block.foot.map((row) => tableRow(row, block.align, false)).join("")}</tfoot>`,
    "</table></div>",
    footnotesHtml(block.footnotes),
    basisNotesHtml(block),
  ]);

/** A status symbol with its meaning as the accessible name, and also as a tooltip. */
export const symbolHtml = (symbol: string, label: string, className: string): string =>
  `<span class="status ${className}" role="img" aria-label="${escapeHtml(label)}" title="${escapeHtml(label)}">${escapeHtml(symbol)}</span>`;

const metricSymbol = (status: ReportMetricStatus | null): string => (status === null ? "" : symbolHtml(METRIC_STATUS_SYMBOLS[status].symbol, METRIC_STATUS_SYMBOLS[status].label, `status-${status}`));

const metricStatusHtml = (metric: ReportMetricRow): string =>
  metric.derivedStatus === null || metric.derivedStatus === metric.status
    ? metricSymbol(metric.status)
    : `${metricSymbol(metric.status)} <small>(enligt regeln: ${metricSymbol(metric.derivedStatus)})</small>`;

const trendHtml = (metric: ReportMetricRow): string => {
  if (metric.trend === null) return "";
  const trend = TREND_SYMBOLS[metric.trend];
  const comparison = metric.comparison === null ? "" : ` <small>(${escapeHtml(metric.comparison.label)}: ${figureHtml(metric.comparison.figure)})</small>`;
  return `${symbolHtml(trend.symbol, trend.label, `trend-${metric.trend}`)}${comparison}`;
};


const comparisonsHtml = (metric: ReportMetricRow): string => otherComparisons(metric).map((entry) => `${escapeHtml(entry.label)}: ${figureHtml(entry.figure)}`).join("<br>");

const planTargetHtml = (metric: ReportMetricRow): string => (metric.planTarget === undefined || metric.planTarget === null ? "" : metric.planTarget.figure === null ? escapeHtml(metric.planTarget.text) : figureHtml(metric.planTarget.figure));

const metricRow = (metric: ReportMetricRow, withComparisons: boolean, withDescription: boolean, withPlanTarget: boolean): string =>
  `<tr><td class="center">${metricStatusHtml(metric)}</td><th scope="row">${textHtml(metric.name)}</th><td class="num">${metric.target === null ? "" : escapeHtml(metric.target.text)}</td>${withPlanTarget ? `<td class="num">${planTargetHtml(metric)}</td>` : ""}<td class="num">${figureHtml(metric.result)}</td><td>${trendHtml(metric)}</td>${withComparisons ? `<td>${comparisonsHtml(metric)}</td>` : ""}${withDescription ? `<td>${narrativeInlineHtml(metric.description)}</td>` : ""}</tr>`;

const metricTable = (block: ReportMetricTable): string => {
  // A column no row fills is left out rather than shown empty.
  const withDescription = hasMetricDescriptions(block);
  const withComparisons = hasOtherComparisons(block);
  // The plan's target for the year, where the outline asked for it, stands beside the metric's own target.
  const planHeading = block.planTargetHeading;
  const withPlanTarget = planHeading !== undefined;
  return lines([
    `<div class="table-wrap"><table${tableClasses(["metrics"], 5 + (withPlanTarget ? 1 : 0) + (withComparisons ? 1 : 0) + (withDescription ? 1 : 0), block.rows.length)} id="${escapeHtml(`metrics-${slug(block.id)}`)}">`,
    `<thead><tr><th scope="col">Status</th><th scope="col">Mätetal</th><th scope="col" class="num">Målvärde</th>${withPlanTarget ? `<th scope="col" class="num">${escapeHtml(planHeading)}</th>` : ""}<th scope="col" class="num">Resultat</th><th scope="col">Trend</th>${withComparisons ? `<th scope="col">Övriga jämförelser</th>` : ""}${withDescription ? `<th scope="col">Beskrivning av resultat</th>` : ""}</tr></thead>`,
    `<tbody>${block.rows.map((metric) => metricRow(metric, withComparisons, withDescription, withPlanTarget)).join("")}</tbody>`,
    "</table></div>",
    footnotesHtml(block.footnotes),
    basisNotesHtml(block),
  ]);
};

const activityTable = (block: ReportActivityTable): string =>
  lines([
    `<div class="table-wrap"><table${tableClasses(["activities"], 3, block.rows.length)} id="${escapeHtml(`activities-${slug(block.id)}`)}">`,
    '<thead><tr><th scope="col"><span class="symbol-column" title="Symbol"></span></th><th scope="col">Aktiviteter</th><th scope="col">Status</th></tr></thead>',
    `<tbody>${block.rows
      .map((row) => {
        const status = ACTIVITY_STATUS_SYMBOLS[row.status];
        return `<tr><td class="center">${symbolHtml(status.symbol, status.label, `activity-${row.status}`)}</td><th scope="row">${textHtml(row.activity)}</th><td>${narrativeInlineHtml(row.statusText)}</td></tr>`;
      })
      .join("")}</tbody>`,
    "</table></div>",
  ]);

const chartData = (block: ReportChart): string => {
  const head = `<tr><th scope="col">${escapeHtml(block.labels.category)}</th>${block.series.map((series) => `<th scope="col" class="num">${escapeHtml(series.name)}</th>`).join("")}</tr>`;
  const body = block.categories
    .map((category, index) => `<tr><th scope="row">${escapeHtml(category)}</th>${block.series.map((series) => `<td class="num">${figureHtml(series.values[index] ?? null)}</td>`).join("")}</tr>`)
    .join("");
  // Printed, not folded away: the values are there for screen readers, for print and for anyone who reads figures rather than bars.
  return `<div class="table-wrap"><table${tableClasses(["chart-data"], block.series.length + 1, block.categories.length)}><caption>${escapeHtml(block.title)}: diagrammets värden</caption><thead>${head}</thead><tbody>${body}</tbody></table></div>`;
};

const chart = (block: ReportChart): string =>
  lines([`<figure class="chart-figure" id="${escapeHtml(`figure-${slug(block.id)}`)}">`, `<figcaption>${textHtml(block.title)}</figcaption>`, svgChart(block), "</figure>", chartData(block), basisNotesHtml(block)]);

const legend = (block: ReportLegend): string =>
  lines(
    block.groups.map(
      (group) =>
        `<h3>${escapeHtml(group.title)}</h3><dl class="legend">${group.entries.map((entry) => `<dt><span aria-hidden="true">${escapeHtml(entry.symbol)}</span></dt><dd>${escapeHtml(entry.text)}</dd>`).join("")}</dl>`,
    ),
  );

const headingText = (section: ReportSection): string => (section.number === null ? section.title : `${section.number} ${section.title}`);

const sectionId = (section: ReportSection): string => `s-${slug(section.id)}`;

const section = (node: ReportSection, depth: number, rules: HtmlRules): string =>
  lines([
    `<section id="${escapeHtml(sectionId(node))}">`,
    `<h${Math.min(depth, 6)}>${textHtml(headingText(node))}</h${Math.min(depth, 6)}>`,
    ...node.blocks.map((child) => rules.block(child, rules)),
    ...node.sections.map((child) => rules.section(child, depth + 1, rules)),
    "</section>",
  ]);

const block = (node: ReportBlock, rules: HtmlRules): string => renderReportBlock(node, rules);

/** The table of contents lists numbered headings only, as a printed one does; an unnumbered sub-heading stays in the text. */
const tocEntries = (all: readonly ReportSection[]): string => {
  const sections = all.filter((node) => node.number !== null);
  return sections.length === 0 ? "" : tocList(sections);
};

const tocList = (sections: readonly ReportSection[]): string =>
  `<ol>${sections.map((node) => `<li><a href="#${escapeHtml(sectionId(node))}">${escapeHtml(headingText(node))}</a>${node.sections.length === 0 ? "" : tocEntries(node.sections)}</li>`).join("")}</ol>`;

const toc = (sections: readonly ReportSection[]): string => (sections.length === 0 ? "" : `<nav class="toc" aria-labelledby="toc-title"><h2 id="toc-title">Innehållsförteckning</h2>${tocEntries(sections)}</nav>`);

/** The cover: what the document carries (organisation, title, period, further lines) and the date its facts are as known at. */
const title = (block: ReportTitleBlock, source: ReportProvenance): string =>
  lines([
    '<header class="title-page">',
    block.organisation === null ? "" : `<p class="organisation">${escapeHtml(block.organisation)}</p>`,
    `<h1>${escapeHtml(block.title)}</h1>`,
    `<p class="period">${textHtml(block.periodLabel)}</p>`,
    ...block.lines.map((line) => `<p>${textHtml(line)}</p>`),
    source.knownAt === null ? "" : `<p class="report-date">Uppgifter registrerade till och med ${textHtml(source.knownAt)}</p>`,
    "</header>",
  ]);

const provenance = (source: ReportProvenance): string => {
  const known = source.knownAt === null ? "allt som är registrerat" : `det som var registrerat ${escapeHtml(source.knownAt)}`;
  const hash = source.logHash === null ? "tom logg" : `loggens kontrollsumma <code>${escapeHtml(source.logHash)}</code>`;
  return `<footer class="provenance"><p>Framtagen av ${escapeHtml(source.generatedBy)} ur ${source.eventCount} händelser (${hash}), period ${escapeHtml(source.period.name)} (${escapeHtml(source.period.start)} – ${escapeHtml(source.period.end)}), utifrån ${known}.</p></footer>`;
};

const head = (document: ReportDocument): string =>
  lines([
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${escapeHtml(document.provenance.generatedBy)}">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(document.title.organisation === null ? document.title.title : `${document.title.title} – ${document.title.organisation}`)}</title>`,
    `<style>\n${STYLES}\n${pageHeaderStyles(document.title.title)}\n</style>`,
    "</head>",
  ]);

const document = (node: ReportDocument, rules: HtmlRules): string =>
  `${lines([
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(node.language)}">`,
    rules.head(node),
    "<body>",
    rules.title(node.title, node.provenance),
    rules.toc([...node.sections, ...node.appendices]),
    "<main>",
    ...node.sections.map((child) => rules.section(child, 2, rules)),
    ...node.appendices.map((child) => rules.section(child, 2, rules)),
    evidenceAppendix(node),
    "</main>",
    rules.provenance(node.provenance),
    "</body>",
    "</html>",
  ])}\n`;

export const defaultHtmlRules: HtmlRules = {
  document,
  head,
  title,
  toc,
  section,
  block,
  // A paragraph's own figures are printed in its text already; only their provenance note is added.
  paragraph: (node) => lines([narrativeHtml(node.markdown), basisNotesHtml(node)]),
  notice: (node) => `<p class="notice">${escapeHtml(node.text)}</p>`,
  table,
  metricTable,
  activityTable,
  chart,
  legend,
  provenance,
};
