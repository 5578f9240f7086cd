import {
  ACTIVITY_STATUS_SYMBOLS,
  basisFootnotes,
  basisMark,
  evidenceAnchor,
  type ReportFigure,
  METRIC_STATUS_SYMBOLS,
  TREND_SYMBOLS,
  type ReportActivityTable,
  type ReportAlign,
  type ReportBlock,
  type ReportCell,
  type ReportChart,
  type ReportFootnote,
  type ReportLegend,
  type ReportMetricRow,
  type ReportMetricTable,
  type ReportDocument,
  type ReportProvenance,
  type ReportSection,
  type ReportTable,
  type ReportTitleBlock,
  hasMetricDescriptions,
  hasOtherComparisons,
  otherComparisons,
  renderReportBlock,
  reportFiguresOf,
  type ReportBlockRules,
} from "@tertial/core";
import { escapeText, sanitizeInline, sanitizeMarkdown } from "./escape.js";

/**
 * The Markdown renderer as a table of small rules, one per node kind (markdown-it style): a
 * plugin replaces one rule and keeps the rest. Each rule returns whole blocks of Markdown,
 * without the blank line that separates them.
 */
export interface MarkdownRules extends ReportBlockRules {
  readonly document: (document: ReportDocument, rules: MarkdownRules) => string;
  readonly title: (title: ReportTitleBlock, rules: MarkdownRules) => string;
  readonly section: (section: ReportSection, depth: number, rules: MarkdownRules) => string;
  readonly heading: (section: ReportSection, depth: number) => string;
  readonly block: (block: ReportBlock, rules: MarkdownRules) => string;
  readonly provenance: (provenance: ReportProvenance) => string;
  /** The evidence appendix ("Underlag för siffrorna"): every figure's definition and the events it rests on. */
  readonly evidence: (document: ReportDocument) => string;
}

/**
 * Joined with `+`, not `Array.join`: V8 keeps a `+` as a rope and copies the characters once, when
 * the page is written; a join copies them again at every level of the outline, and the evidence
 * appendix alone is most of a report's bytes.
 */
const joinWith = (parts: readonly string[], separator: string): string => {
  let joined = "";
  for (const part of parts) {
    if (part === "") continue;
    joined = joined === "" ? part : joined + separator + part;
  }
  return joined;
};

const joinBlocks = (parts: readonly string[]): string => joinWith(parts, "\n\n");

/** Lines that are never empty (list items), one after another. */
const lines = (items: readonly string[]): string => joinWith(items, "\n");

const DELIMITER: Record<ReportAlign, string> = { left: ":---", right: "---:", center: ":---:" };

const row = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;

/** A GFM table; the first row is its header. Cells must already be escaped. */
export const gfmTable = (rows: readonly (readonly string[])[], align: readonly ReportAlign[]): string => {
  const [header = [], ...body] = rows;
  const width = Math.max(align.length, ...rows.map((cells) => cells.length));
  const pad = (cells: readonly string[]): string[] => Array.from({ length: width }, (_, index) => cells[index] ?? "");
  return [row(pad(header)), row(pad([]).map((_, index) => DELIMITER[align[index] ?? "left"])), ...body.map((cells) => row(pad(cells)))].join("\n");
};


const hasEvidence = (figure: ReportFigure): boolean => (figure.evidence ?? []).length > 0;

/** A figure as printed, linked to its facts in the evidence appendix, with its provenance mark when its facts are partly reconstructed or illustrative. */
const figureText = (figure: ReportFigure): string => {
  const text = escapeText(figure.text);
  return `${hasEvidence(figure) ? `[${text}](#${evidenceAnchor(figure)})` : text}${escapeText(basisMark(figure))}`;
};

/**
 * Every figure with facts behind it, by anchor, in document order: where it stands, as printed,
 * the figure definition it was computed by, and the ids of the events it rests on. The anchor is
 * an empty HTML anchor, the one construct Markdown has for a link target that is not a heading.
 */
const evidence = (node: ReportDocument): string => {
  const entries = [...reportFiguresOf(node).values()].filter((entry) => hasEvidence(entry.figure));
  if (entries.length === 0) return "";
  const item = ({ figure, section }: (typeof entries)[number]): string => {
    const definition = figure.definition === undefined ? "" : ` (\`${figure.definition.key}\`)`;
    const mark = basisMark(figure);
    const ids = figure.evidence === undefined || figure.evidence.length === 0 ? "" : `\`${figure.evidence.join("`, `")}\``;
    return `- <a id="${evidenceAnchor(figure)}"></a>${escapeText(section)}: ${escapeText(figure.text)}${definition}${mark === "" ? "" : ` ${escapeText(mark)}`}: ${ids}`;
  };
  return joinBlocks(["## Underlag för siffrorna", "Varje länkad siffra i rapporten leder hit: figuren den är beräknad med och händelserna i loggen den bygger på.", lines(entries.map(item))]);
};

/** The provenance footnotes of a block, one line per kind of mark it uses. */
const basisNotes = (node: ReportBlock): string => joinBlocks(basisFootnotes(node).map((entry) => `${escapeText(entry.mark)} ${escapeText(entry.note)}`));

const marksOf = (cell: ReportCell): string => (cell.marks.length === 0 ? "" : ` ${cell.marks.map(escapeText).join(" ")}`);

export const cellText = (cell: ReportCell): string => {
  switch (cell.kind) {
    case "text":
      return `${escapeText(cell.text)}${marksOf(cell)}`;
    case "figure":
      return `${figureText(cell.figure)}${marksOf(cell)}`;
    case "blank":
      return marksOf(cell).trim();
  }
};

const bold = (text: string): string => (text === "" ? "" : `**${text}**`);

const footnotes = (notes: readonly ReportFootnote[]): string => joinBlocks(notes.map((note) => `${escapeText(note.mark)} ${sanitizeMarkdown(note.markdown)}`));

const table = (block: ReportTable): string => {
  const [header = { cells: [] }, ...extraHeads] = block.head;
  const rows = [
    header.cells.map(cellText),
    ...extraHeads.map((extra) => extra.cells.map((cell) => bold(cellText(cell)))),
    ...block.body.map((body) => body.cells.map(cellText)),
    ...block.foot.map((foot) => foot.cells.map((cell) => bold(cellText(cell)))),
  ];
  const unit = block.unitNote === null ? "" : ` (${escapeText(block.unitNote)})`;
  return joinBlocks([`**${escapeText(block.caption)}**${unit}`, gfmTable(rows, block.align), footnotes(block.footnotes), basisNotes(block)]);
};

const statusCell = (status: ReportMetricRow["status"]): string => (status === null ? "" : `${METRIC_STATUS_SYMBOLS[status].symbol} ${METRIC_STATUS_SYMBOLS[status].label}`);

const metricStatus = (metric: ReportMetricRow): string =>
  metric.derivedStatus === null || metric.derivedStatus === metric.status ? statusCell(metric.status) : `${statusCell(metric.status)} (enligt regeln: ${statusCell(metric.derivedStatus)})`;

const metricResult = (metric: ReportMetricRow): string => (metric.result === null ? "" : figureText(metric.result));

const metricTrend = (metric: ReportMetricRow): string => {
  if (metric.trend === null) return "";
  const trend = `${TREND_SYMBOLS[metric.trend].symbol} ${TREND_SYMBOLS[metric.trend].label}`;
  return metric.comparison === null ? trend : `${trend} (${escapeText(metric.comparison.label)}: ${figureText(metric.comparison.figure)})`;
};

const planTargetText = (metric: ReportMetricRow): string => (metric.planTarget === undefined || metric.planTarget === null ? "" : metric.planTarget.figure === null ? escapeText(metric.planTarget.text) : figureText(metric.planTarget.figure));

const metricTable = (block: ReportMetricTable): string => {
  // A column no row fills is left out rather than shown empty.
  const withDescription = hasMetricDescriptions(block);
  const withComparisons = hasOtherComparisons(block);
  // The plan's target for the year, where the outline asked for it, stands beside the metric's own target.
  const planHeading = block.planTargetHeading;
  const header = ["Status", "Mätetal", "Målvärde", ...(planHeading === undefined ? [] : [escapeText(planHeading)]), "Resultat", "Trend", ...(withComparisons ? ["Övriga jämförelser"] : []), ...(withDescription ? ["Beskrivning av resultat"] : [])];
  const rows = block.rows.map((metric) => [
    metricStatus(metric),
    escapeText(metric.name),
    metric.target === null ? "" : escapeText(metric.target.text),
    ...(planHeading === undefined ? [] : [planTargetText(metric)]),
    metricResult(metric),
    metricTrend(metric),
    ...(withComparisons ? [otherComparisons(metric).map((entry) => `${escapeText(entry.label)}: ${figureText(entry.figure)}`).join("; ")] : []),
    ...(withDescription ? [sanitizeInline(metric.description)] : []),
  ]);
  const align: ReportAlign[] = ["left", "left", "right", ...(planHeading === undefined ? [] : ["right" as const]), "right", "left", "left", "left"];
  return joinBlocks([gfmTable([header, ...rows], align.slice(0, header.length)), footnotes(block.footnotes), basisNotes(block)]);
};

const activityTable = (block: ReportActivityTable): string => {
  const rows = block.rows.map((activity) => {
    const status = ACTIVITY_STATUS_SYMBOLS[activity.status];
    return [`${status.symbol} ${status.label}`, escapeText(activity.activity), sanitizeInline(activity.statusText)];
  });
  return gfmTable([["", "Aktiviteter", "Status"], ...rows], ["left", "left", "left"]);
};

/** A chart in Markdown is its data: one row per category, one column per series. */
const chart = (block: ReportChart): string => {
  const header = [escapeText(block.labels.category), ...block.series.map((series) => escapeText(series.name))];
  const rows = block.categories.map((category, index) => [escapeText(category), ...block.series.map((series) => { const value = series.values[index]; return value === null || value === undefined ? "" : figureText(value); })]);
  const targets = block.targetLines.map((line) => `${escapeText(line.label)}: ${escapeText(line.figure.text)}`).join(", ");
  return joinBlocks([`**Diagram: ${escapeText(block.title)}**`, gfmTable([header, ...rows], ["left", ...block.series.map((): ReportAlign => "right")]), targets === "" ? "" : `*${targets}*`, basisNotes(block)]);
};

const legend = (block: ReportLegend): string =>
  joinBlocks(block.groups.map((group) => joinBlocks([`**${escapeText(group.title)}**`, group.entries.map((entry) => `- ${escapeText(entry.symbol)} ${escapeText(entry.text)}`).join("\n")])));

const provenance = (source: ReportProvenance): string => {
  const known = source.knownAt === null ? "allt som är registrerat" : `det som var registrerat ${escapeText(source.knownAt)}`;
  const hash = source.logHash === null ? "tom logg" : `loggens kontrollsumma \`${source.logHash}\``;
  return joinBlocks(["---", `*Framtagen av ${escapeText(source.generatedBy)} ur ${source.eventCount} händelser (${hash}), period ${escapeText(source.period.name)} (${escapeText(source.period.start)} – ${escapeText(source.period.end)}), utifrån ${known}.*`]);
};

const heading = (section: ReportSection, depth: number): string => {
  const text = section.number === null ? section.title : `${section.number} ${section.title}`;
  return `${"#".repeat(Math.min(depth, 6))} ${escapeText(text)}`;
};

const block = (node: ReportBlock, rules: MarkdownRules): string => renderReportBlock(node, rules);

const section = (node: ReportSection, depth: number, rules: MarkdownRules): string =>
  joinBlocks([rules.heading(node, depth), ...node.blocks.map((child) => rules.block(child, rules)), ...node.sections.map((child) => rules.section(child, depth + 1, rules))]);

const title = (block: ReportTitleBlock): string =>
  joinBlocks([`# ${escapeText(block.title)}`, block.organisation === null ? "" : `**${escapeText(block.organisation)}**`, escapeText(block.periodLabel), ...block.lines.map(escapeText)]);

const document = (node: ReportDocument, rules: MarkdownRules): string =>
  `${joinBlocks([rules.title(node.title, rules), ...node.sections.map((child) => rules.section(child, 2, rules)), ...node.appendices.map((child) => rules.section(child, 2, rules)), rules.evidence(node), rules.provenance(node.provenance)])}\n`;

export const defaultMarkdownRules: MarkdownRules = {
  document,
  title,
  section,
  heading,
  block,
  // A paragraph's own figures are printed in its text already; only their provenance note is added.
  paragraph: (node) => joinBlocks([sanitizeMarkdown(node.markdown), basisNotes(node)]),
  notice: (node) => `*${escapeText(node.text)}*`,
  table,
  metricTable,
  activityTable,
  chart,
  legend,
  provenance,
  evidence,
};
