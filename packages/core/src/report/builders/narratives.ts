import type { NarrativeEntry } from "../../domains/narrative/narrative.js";
import { narrativeProjection } from "../../domains/narrative/narrative.js";
import type { ReportBlock } from "../document/blocks.js";
import type { ReportFigure } from "../document/figure.js";
import { INLINE_FIGURE_READS, resolveInlineFigures } from "./inline-figures.js";
import { defineSection, nothing, resultOf, type BuiltSection, type Placement, type ReportBuildContext } from "./context.js";

/** The house heading of 1.1, where highlights and the year's focus areas go. */
export const HIGHLIGHTS_SECTION = "1.1";
export const HIGHLIGHTS_TITLE = "Viktiga händelser";
/** The heading of highlights tagged by the 3 K (`threeK`): only an organisation that tags them so has that heading. */
export const THREE_K_HIGHLIGHTS_TITLE = "Viktiga händelser med koppling till våra 3 K - kostnadseffektivitet, kompetenshöjning och kvalitetshöjning";

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

const THREE_K_TITLES: readonly (readonly [string, string])[] = [
  ["kostnadseffektivitet", "Kostnadseffektivitet"],
  ["kompetenshojning", "Kompetenshöjning"],
  ["kvalitetshojning", "Kvalitetshöjning"],
];

/** The report period's texts written for this kind of document: those that name no kind are for every one. */
const narrativesOf = (context: ReportBuildContext): readonly NarrativeEntry[] =>
  (resultOf(context, narrativeProjection)?.entries ?? []).filter((entry) => entry.documents === undefined || entry.documents.includes(context.kind));

const byOrder = (a: NarrativeEntry, b: NarrativeEntry): number => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || (a.narrativeId < b.narrativeId ? -1 : a.narrativeId > b.narrativeId ? 1 : 0);

/** A narrative as a paragraph: its figures computed from the facts, a recorded zero marked as such. */
const narrativeParagraph = (context: ReportBuildContext, entry: NarrativeEntry): ReportBlock => {
  const { markdown, figures } = resolveInlineFigures(context, entry.narrativeId, entry.markdown);
  return { kind: "paragraph", markdown, ...(figures.length === 0 ? {} : { figures }), ...(entry.kind === "none-recorded" ? { recordedZero: true as const } : {}) };
};

/** One list item per highlight: continuation lines indented so they stay inside the item. */
const listItem = (markdown: string): string => `- ${markdown.trim().split("\n").join("\n  ")}`;

/** Highlights grouped under the 3 K, in the house order; untagged ones last. */
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
  for (const [tag, title] of THREE_K_TITLES) {
    const matching = entries.filter((entry) => (entry.threeK ?? []).includes(tag as never));
    if (matching.length === 0) continue;
    matching.forEach((entry) => tagged.add(entry.narrativeId));
    blocks.push(group(matching, title));
  }
  const untagged = entries.filter((entry) => !tagged.has(entry.narrativeId));
  if (untagged.length > 0) blocks.push(group(untagged, null));
  return blocks;
};

const sectionPlacement = (context: ReportBuildContext, section: string, entries: readonly NarrativeEntry[]): Placement => {
  const sorted = [...entries].sort(byOrder);
  const titled = sorted.find((entry) => entry.title !== undefined && entry.kind !== "footnote");
  const kinds = new Set(sorted.map((entry) => entry.kind));
  const tagged = sorted.some((entry) => entry.kind === "highlight" && (entry.threeK?.length ?? 0) > 0);
  const onlyKind = kinds.size === 1 ? (tagged ? THREE_K_HIGHLIGHTS_TITLE : (KIND_TITLES[sorted[0]?.kind ?? ""] ?? null)) : null;
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
 * chapter, highlights grouped by the 3 K, examples, analyses and the outlook as paragraphs.
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
