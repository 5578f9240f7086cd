import type { NarrativeEntry } from "../../domains/narrative/narrative.js";
import { narrativeProjection } from "../../domains/narrative/narrative.js";
import { listOfNames } from "../../domains/finance/funding-sources.js";
import { BUILT_IN_THEMES, BUILT_IN_THEMES_TOGETHER, isBuiltInTheme, type Theme } from "../../domains/narrative/themes.js";
import type { ReportBlock } from "../document/blocks.js";
import type { ReportFigure } from "../document/figure.js";
import { INLINE_FIGURE_READS, resolveInlineFigures } from "./inline-figures.js";
import { defineSection, nothing, resultOf, type BuiltSection, type Placement, type ReportBuildContext } from "./context.js";

/** The house heading of 1.1, where highlights and the year's focus areas go. */
export const HIGHLIGHTS_SECTION = "1.1";
export const HIGHLIGHTS_TITLE = "Viktiga händelser";

/**
 * The heading of a section of highlights tagged by themes: only an organisation that tags them has
 * it. It names the themes the log's texts tag with; the built-in ones alone are named as the first
 * organisation heads its 3 K, all three of them.
 */
export const themedHighlightsTitle = (themes: readonly Theme[]): string =>
  themes.every((theme) => isBuiltInTheme(theme.id))
    ? `${HIGHLIGHTS_TITLE} med koppling till ${BUILT_IN_THEMES_TOGETHER} - ${listOfNames(BUILT_IN_THEMES.map((theme) => theme.name))}`
    : `${HIGHLIGHTS_TITLE} med koppling till ${listOfNames(themes.map((theme) => theme.name))}`;

/** The house heading for a section holding only narratives of one kind, when the narrative gives none. */
const KIND_TITLES: Readonly<Record<string, string | null>> = {
  introduction: null,
  highlight: HIGHLIGHTS_TITLE,
  example: "Exempel på aktiviteter",
  analysis: "Analys",
  outlook: "Framtiden",
  footnote: null,
  // A recorded zero takes the heading the outline gives its section; it has no house heading of its own.
  "none-recorded": null,
};

/** The report period's texts written for this kind of document: those that name no kind are for every one. */
const narrativesOf = (context: ReportBuildContext): readonly NarrativeEntry[] =>
  (resultOf(context, narrativeProjection)?.entries ?? []).filter((entry) => entry.documents === undefined || entry.documents.includes(context.kind));

/**
 * Texts written for this kind of document by name (`documents`) whose period overlaps the report's
 * and is not it: a text is printed in the reports of exactly its period, so these are printed in
 * none of this kind for this period. Said beside the report, so a text is never lost unnoticed
 * (a plan's text written for its first year only, say).
 */
export const textsOfOtherPeriods = (context: Pick<ReportBuildContext, "kind" | "period" | "results">): string[] =>
  (context.results.get(narrativeProjection, "report")?.otherPeriods ?? [])
    .filter((entry) => entry.documents?.includes(context.kind) === true)
    .map((entry) => `the text "${entry.narrativeId}" (section ${entry.section}) is written for a ${context.kind} of ${entry.from}..${entry.to}, not of ${context.period.start}..${context.period.end}: a text is printed in the reports of exactly its period, so it is not in this one`);

/** The themes the log's texts tag with, in print order. */
const themesOf = (context: ReportBuildContext): readonly Theme[] => resultOf(context, narrativeProjection)?.themes ?? [];

const byOrder = (a: NarrativeEntry, b: NarrativeEntry): number => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || (a.narrativeId < b.narrativeId ? -1 : a.narrativeId > b.narrativeId ? 1 : 0);

/** A narrative as a paragraph: its figures computed from the facts, a recorded zero marked as such. */
const narrativeParagraph = (context: ReportBuildContext, entry: NarrativeEntry): ReportBlock => {
  const { markdown, figures } = resolveInlineFigures(context, entry.narrativeId, entry.markdown);
  return { kind: "paragraph", markdown, ...(figures.length === 0 ? {} : { figures }), ...(entry.kind === "none-recorded" ? { recordedZero: true as const } : {}) };
};

/** One list item per highlight: continuation lines indented so they stay inside the item. */
const listItem = (markdown: string): string => `- ${markdown.trim().split("\n").join("\n  ")}`;

/** Highlights grouped under their themes' labels, in the themes' print order; untagged ones last. */
const highlightBlocks = (context: ReportBuildContext, entries: readonly NarrativeEntry[]): ReportBlock[] => {
  const blocks: ReportBlock[] = [];
  const item = (entry: NarrativeEntry) => resolveInlineFigures(context, entry.narrativeId, entry.markdown);
  const group = (members: readonly NarrativeEntry[], heading: string | null): ReportBlock => {
    const items = members.map(item);
    const figures = items.flatMap((entry) => entry.figures);
    const list = items.map((entry) => listItem(entry.markdown)).join("\n");
    return { kind: "paragraph", markdown: heading === null ? list : `**${heading}**\n\n${list}`, ...(figures.length === 0 ? {} : { figures }) };
  };
  const tagged = new Set<string>();
  for (const theme of themesOf(context)) {
    const matching = entries.filter((entry) => (entry.themes ?? []).some((id) => id === theme.id));
    if (matching.length === 0) continue;
    matching.forEach((entry) => tagged.add(entry.narrativeId));
    blocks.push(group(matching, theme.label));
  }
  const untagged = entries.filter((entry) => !tagged.has(entry.narrativeId));
  if (untagged.length > 0) blocks.push(group(untagged, null));
  return blocks;
};

const sectionPlacement = (context: ReportBuildContext, section: string, entries: readonly NarrativeEntry[]): Placement => {
  const sorted = [...entries].sort(byOrder);
  const titled = sorted.find((entry) => entry.title !== undefined && entry.kind !== "footnote");
  const kinds = new Set(sorted.map((entry) => entry.kind));
  const themes = themesOf(context);
  // Tagged by a theme the log knows: a tag whose definition was retracted heads nothing.
  const tagged = sorted.some((entry) => entry.kind === "highlight" && (entry.themes ?? []).some((id) => themes.some((theme) => theme.id === id)));
  const onlyKind = kinds.size === 1 ? (tagged ? themedHighlightsTitle(themes) : (KIND_TITLES[sorted[0]?.kind ?? ""] ?? null)) : null;
  const highlights = sorted.filter((entry) => entry.kind === "highlight");
  const others = sorted.filter((entry) => entry.kind !== "highlight");
  return {
    slot: `narrative:${section}`,
    number: section,
    title: titled?.title ?? onlyKind,
    blocks: [...others.map((entry) => narrativeParagraph(context, entry)), ...highlightBlocks(context, highlights)],
  };
};

/**
 * Narratives as written, placed in the section they were written for: introductions at the
 * chapter, highlights grouped by their themes, examples, analyses and the outlook as paragraphs.
 * Footnotes of sections whose tables take them (`claimedFootnotes`) are left to those tables.
 */
export const narrativeSections = (claimedFootnotes: readonly string[] = []) =>
  defineSection({ name: "narratives", reads: [narrativeProjection, ...INLINE_FIGURE_READS], build: (context: ReportBuildContext): BuiltSection => {
    const entries = narrativesOf(context);
    if (entries.length === 0) return nothing;
    const bySection = new Map<string, NarrativeEntry[]>();
    for (const entry of entries) {
      if (entry.kind === "footnote" && claimedFootnotes.includes(entry.section)) continue;
      bySection.set(entry.section, [...(bySection.get(entry.section) ?? []), entry]);
    }
    const placements = [...bySection.entries()].map(([section, entries]) => sectionPlacement(context, section, entries));
    return { placements, appendices: [], evidence: {} };
  } });

/** A footnote written for a table: its mark, text (figures computed), the table it names, and the row (area) or column it marks. */
export interface TableFootnote {
  readonly mark: string;
  readonly markdown: string;
  readonly figures: readonly ReportFigure[];
  readonly title: string;
  readonly areaId: string | null;
  /** The column heading the mark stands on ("… kolumn Varav kvarvarande fonderade statliga medel, fotnot ***"), or null. */
  readonly column: string | null;
}

/**
 * Footnotes written for a section, as table footnotes: the mark is the title's last word ("… fotnot
 * *"), else "*". A footnote with an area marks that area's row; one whose title names a column
 * ("kolumn <heading>") marks that column's heading. The reading builder must declare
 * `INLINE_FIGURE_READS` when its footnotes may carry figures.
 */
export const footnotesFor = (context: ReportBuildContext, section: string): TableFootnote[] => {
  return narrativesOf(context)
    .filter((entry) => entry.kind === "footnote" && entry.section === section)
    .sort(byOrder)
    .map((entry) => {
      const { markdown, figures } = resolveInlineFigures(context, entry.narrativeId, entry.markdown);
      const title = entry.title ?? "";
      return { mark: /fotnot\s+(\S+)\s*$/.exec(title)?.[1] ?? "*", markdown, figures, title, areaId: entry.areaId ?? null, column: /\bkolumn\s+(.+?),\s*fotnot\s+\S+\s*$/i.exec(title)?.[1] ?? null };
    });
};
