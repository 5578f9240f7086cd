import type { Outline } from "../../domains/publication/publication.js";
import { OUTLINE_BLOCKS } from "../../domains/publication/events.js";
import type { ReportBlock } from "../document/blocks.js";
import type { ReportSection } from "../document/document.js";
import { resultOf, type AppendixDraft, type Placement, type ReportBuildContext } from "./context.js";
import { reportGoalsProjection } from "./goals.js";
import { symbolLegend } from "./legend.js";

type OutlineSection = Outline["chapters"][number]["sections"][number];
type OutlineSubsection = NonNullable<OutlineSection["subsections"]>[number];
type BlockRef = OutlineSubsection["blocks"][number];

/** The placement slot an outline block names: the block, and its goal, narrative section or area when it takes one. */
export const slotOf = (ref: BlockRef): string => {
  const parameter = ref.goalId ?? ref.section ?? ref.area;
  return parameter === undefined ? ref.block : `${ref.block}:${parameter}`;
};

/** What the option "say-nothing-reported" prints in a section with no facts for the period: a fixed statement, never a guess. */
export const NOTHING_REPORTED = "Inget att rapportera för perioden.";

/** The heading printed for content the outline does not place, so no fact is silently dropped. */
export const UNPLACED_TITLE = "Övrigt utanför dispositionen";

interface Draft {
  readonly pinned: string | null;
  /** An unnumbered heading: printed without a number, and not counted. */
  readonly unnumbered?: boolean;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
  readonly sections: readonly Draft[];
}

const idOf = (number: string): string => `avsnitt-${number.replace(/[^0-9A-Za-z]+/g, "-")}`;

/** An anchor from a heading's words: letters without their marks ("Flerårsplan" → "flerarsplan"), the rest dashes. */
const slugOf = (title: string): string =>
  title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^0-9a-z]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * The blocks a section's placements give, in order: those before the first unnumbered heading
 * stand in the section itself, each heading opens an unnumbered subsection, and blocks after it
 * stand under it, as they would under any heading.
 */
export const headedDrafts = (placements: readonly Placement[]): { readonly blocks: ReportBlock[]; readonly parts: Draft[] } => {
  const blocks: ReportBlock[] = [];
  const parts: { pinned: null; unnumbered: true; title: string; blocks: ReportBlock[]; sections: Draft[] }[] = [];
  for (const placement of placements) {
    if (placement.heading !== undefined) parts.push({ pinned: null, unnumbered: true, title: placement.heading, blocks: [...placement.blocks], sections: [] });
    else (parts[parts.length - 1]?.blocks ?? blocks).push(...placement.blocks);
  }
  return { blocks, parts };
};

/** A printed number continues from a pinned one ("7" after pinned "6"); a pinned number that is no integer leaves the count as it was. */
const nextNumber = (pinned: string | null, counter: number): { printed: string; counter: number } => {
  if (pinned === null) return { printed: String(counter + 1), counter: counter + 1 };
  const last = Number(pinned.split(".").pop());
  return { printed: pinned, counter: Number.isInteger(last) ? last : counter };
};

/** An unnumbered section's anchor: its parent's and its heading's, made unique among its siblings. */
const unnumberedId = (parent: string | null, title: string, taken: Set<string>): string => {
  const base = `${parent === null ? "avsnitt" : idOf(parent)}-${slugOf(title) || "del"}`;
  let id = base;
  for (let index = 2; taken.has(id); index += 1) id = `${base}-${index}`;
  taken.add(id);
  return id;
};

/**
 * Numbers drafts in order: 1, 2, 3 (or 2.1, 2.2 under chapter 2, 4.1.1 under 4.1), skipping nothing, unless a draft pins its
 * number; an unnumbered heading gets no number and is not counted, so the numbered ones around it run on without a hole.
 */
export const numberDrafts = (drafts: readonly Draft[], parent: string | null): ReportSection[] => {
  let counter = 0;
  const taken = new Set<string>();
  return drafts.map((draft) => {
    if (draft.unnumbered === true) return { id: unnumberedId(parent, draft.title, taken), number: null, title: draft.title, blocks: [...draft.blocks], sections: numberDrafts(draft.sections, parent) };
    const next = nextNumber(draft.pinned, counter);
    counter = next.counter;
    const number = draft.pinned ?? (parent === null ? next.printed : `${parent}.${next.printed}`);
    return { id: idOf(number), number, title: draft.title, blocks: [...draft.blocks], sections: numberDrafts(draft.sections, number) };
  });
};

/** Renumbers sections already assembled (the built-in house), so left-out sections leave no holes. */
export const renumber = (sections: readonly ReportSection[]): ReportSection[] => {
  const toDraft = (section: ReportSection): Draft => ({ pinned: null, ...(section.number === null ? { unnumbered: true } : {}), title: section.title, blocks: section.blocks, sections: section.sections.map(toDraft) });
  return numberDrafts(sections.map(toDraft), null);
};

/**
 * The report's chapters and sections as the outline places them: each block takes the content
 * the builders produced for its slot; a section with none is left out (or, by the outline's
 * option, says that nothing is reported); numbers are computed unless pinned. Content no block
 * names ends up in a last chapter, so the outline can never hide a fact.
 */
export const outlineSections = (context: ReportBuildContext, outline: Outline, placements: readonly Placement[]): ReportSection[] => {
  const goals = resultOf(context, reportGoalsProjection)?.goals ?? [];
  const goalTitle = (goalId: string | undefined): string | undefined => goals.find((goal) => goal.goalId === goalId)?.title.replace(/\.$/, "");
  const used = new Set<string>();
  const take = (refs: readonly BlockRef[]): Placement[] =>
    refs.flatMap((ref) => {
      const slot = slotOf(ref);
      used.add(slot);
      return placements.filter((placement) => placement.slot === slot && placement.blocks.length > 0);
    });
  const sayNothing = outline.emptySections === "say-nothing-reported";
  const chapters: Draft[] = outline.chapters.flatMap((chapter): Draft[] => {
    const intro = take(chapter.blocks ?? []);
    // A section (or a subsection, one level down) is left out when neither it nor any of its subsections has content.
    const sectionDraft = (section: OutlineSection | OutlineSubsection): Draft[] => {
      const content = take(section.blocks ?? []);
      const subsections = "subsections" in section ? (section.subsections ?? []).flatMap(sectionDraft) : [];
      if (content.length === 0 && subsections.length === 0 && !sayNothing) return [];
      const title = section.heading ?? goalTitle(section.goalId) ?? content.find((placement) => placement.title !== null)?.title ?? "";
      const saysNothing = content.length === 0 && subsections.length === 0;
      const headed = headedDrafts(content);
      const blocks: ReportBlock[] = saysNothing ? [{ kind: "paragraph", markdown: NOTHING_REPORTED }] : headed.blocks;
      return [{ pinned: section.pinnedNumber ?? null, title, blocks, sections: [...headed.parts, ...subsections] }];
    };
    const sections = chapter.sections.flatMap(sectionDraft);
    const title = chapter.heading ?? goalTitle(chapter.goalId) ?? intro.find((placement) => placement.title !== null)?.title ?? "";
    // A chapter whose content is all its own (blocks, no sections) is an empty section like any other.
    if (intro.length === 0 && sections.length === 0) return sayNothing ? [{ pinned: chapter.pinnedNumber ?? null, title, blocks: [{ kind: "paragraph", markdown: NOTHING_REPORTED }], sections: [] }] : [];
    const headed = headedDrafts(intro);
    return [{ pinned: chapter.pinnedNumber ?? null, title, blocks: headed.blocks, sections: [...headed.parts, ...sections] }];
  });
  const unplaced = placements.filter((placement) => !used.has(placement.slot) && placement.blocks.length > 0);
  if (unplaced.length > 0) chapters.push({ pinned: null, title: UNPLACED_TITLE, blocks: [], sections: unplacedDrafts(unplaced, goalTitle) });
  return numberDrafts(chapters, null);
};

/**
 * One section per slot the outline does not place, in the order the slots first come: its
 * content's own title (an area's name) or a heading said from the slot, its parts under their
 * unnumbered headings, as they would stand where an outline placed them.
 */
const unplacedDrafts = (unplaced: readonly Placement[], goalTitle: (goalId: string) => string | undefined): Draft[] => {
  const bySlot = new Map<string, Placement[]>();
  for (const placement of unplaced) {
    const list = bySlot.get(placement.slot);
    if (list === undefined) bySlot.set(placement.slot, [placement]);
    else list.push(placement);
  }
  return [...bySlot].map(([slot, list]) => {
    const headed = headedDrafts(list);
    const title = list.find((placement) => placement.title !== null)?.title ?? unplacedTitle(slot, goalTitle);
    return { pinned: null, title, blocks: headed.blocks, sections: headed.parts };
  });
};

/** What the built-in blocks placed per goal or area hold, as a reader says it. */
/** What each block holds, in the reports' language: the heading of content no outline placed (every block has one, so no reader meets a block's id). */
const BLOCK_LABELS: Readonly<Record<(typeof OUTLINE_BLOCKS)[number], string>> = {
  narrative: "Text",
  "focus-areas": "Fokusområden",
  staff: "Medarbetare",
  "cost-effectiveness": "Kostnadseffektivitet",
  grants: "Externa projektmedel",
  attendance: "Deltagande i nätverk och möten",
  "metric-table": "Mätetal",
  "activity-table": "Aktiviteter",
  "economy-tables": "Ekonomi",
  "research-studies": "Forskningsstudier",
  "research-dissemination": "Spridning av forskning",
  "research-scholarships": "Stipendier",
  "research-doctoral-students": "Doktorand- och licentiatstudier",
  "symbol-legend": "Symbolförteckning",
  "course-participation": "Deltagande på kurser",
  "survey-results": "Enkätresultat",
  "plan-vision": "Vision",
  "plan-strategic-goals": "Strategiska mål",
  "plan-agenda-2030": "Agenda 2030",
  "plan-staff": "Medarbetare",
  "plan-focus-areas": "Fokusområden",
  "plan-goal-table": "Mål och mätetal",
  "plan-budget": "Budget",
  "plan-budget-years": "Budget per år",
  "plan-available-funds": "Disponibla medel",
  "plan-area": "Område",
  "plan-multi-year": "Flerårsplan",
  "plan-budget-appendix": "Budget per område",
  "plan-budget-outcome": "Budget och utfall mot planen",
  "plan-metric-targets": "Mätetal mot planen",
  "plan-activities": "Planens aktiviteter",
};

const isOutlineBlock = (block: string): block is (typeof OUTLINE_BLOCKS)[number] => (OUTLINE_BLOCKS as readonly string[]).includes(block);

/**
 * A heading for content the outline does not place and that brings no title of its own: what it
 * holds and whose it is ("Mätetal: Starka bibliotek"), a text's section as its author keyed it
 * ("Sammanfattning"); never the slot's id, which no reader should meet.
 */
const unplacedTitle = (slot: string, goalTitle: (goalId: string) => string | undefined): string => {
  const at = slot.indexOf(":");
  const block = at === -1 ? slot : slot.slice(0, at);
  const key = at === -1 ? "" : slot.slice(at + 1);
  if (block === "narrative") return capitalised(key.replace(/[-_]+/g, " "));
  const label = isOutlineBlock(block) ? BLOCK_LABELS[block] : undefined;
  const owner = key === "" ? undefined : goalTitle(key) ?? key;
  if (label === undefined) return capitalised((owner ?? block).replace(/[-_]+/g, " "));
  return owner === undefined ? label : `${label}: ${owner}`;
};

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const appendix = (index: number, id: string, title: string, blocks: readonly ReportBlock[]): ReportSection => ({ id, number: `Bilaga ${index}`, title, blocks: [...blocks], sections: [] });

const legendDraft = (): AppendixDraft => {
  const legend = symbolLegend();
  return { slot: "symbol-legend", id: legend.id, title: legend.title, blocks: legend.blocks };
};

const namesLegend = (outline: Outline | undefined): boolean => outline?.appendices?.some((entry) => entry.blocks.some((ref) => ref.block === "symbol-legend")) === true;

/**
 * Appendices numbered Bilaga 1, 2 … in the outline's order (or the house order without one), those
 * with content only. The symbol legend comes only where the house or the outline asks for it: a
 * plan has no metric or activity symbols to explain.
 */
export const appendixSections = (outline: Outline | undefined, drafts: readonly AppendixDraft[], houseLegend: boolean): ReportSection[] => {
  const legend = houseLegend || namesLegend(outline) ? [legendDraft()] : [];
  const all = [...legend, ...drafts].filter((draft) => draft.blocks.length > 0);
  const chosen =
    outline?.appendices === undefined
      ? all.map((draft) => ({ draft, heading: undefined as string | undefined }))
      : outline.appendices.flatMap((entry) => {
          const slots = entry.blocks.map(slotOf);
          const found = all.filter((draft) => slots.includes(draft.slot));
          const first = found[0];
          return first === undefined ? [] : [{ draft: { ...first, blocks: found.flatMap((draft) => draft.blocks) }, heading: entry.heading }];
        });
  // An appendix the outline does not name still comes last: an outline never hides a fact.
  const named = new Set(chosen.map(({ draft }) => draft.slot));
  const rest = outline?.appendices === undefined ? [] : all.filter((draft) => !named.has(draft.slot) && !outline.appendices?.some((entry) => entry.blocks.some((ref) => slotOf(ref) === draft.slot)));
  return [...chosen, ...rest.map((draft) => ({ draft, heading: undefined }))].map(({ draft, heading }, index) => appendix(index + 1, draft.id, heading ?? draft.title, draft.blocks));
};
