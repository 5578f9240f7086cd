import type { Id } from "../../events/codecs.js";
import type { Outline } from "../../domains/publication/publication.js";
import type { Placement } from "./context.js";
import { chapterOf, compareSectionNumbers, type ReportGoal } from "./goals.js";

type Chapter = Outline["chapters"][number];
type Section = Chapter["sections"][number];
type BlockRef = NonNullable<Chapter["blocks"]>[number];
type Block = BlockRef["block"];

/** Goal and area ids here are read from the log, where they were validated as ids. */
const idOf = (text: string): Id => text as Id;

const ref = (block: Block, goalId?: string): BlockRef => (goalId === undefined ? { block } : { block, goalId: idOf(goalId) });
const narrative = (section: string): BlockRef => ({ block: "narrative", section });

/** The blocks a goal's chapter or section shows of its own: its metrics, the plan's targets for them, its activities. */
const GOAL_BLOCKS: readonly Block[] = ["metric-table", "plan-metric-targets", "activity-table"];

/** Blocks a builder ties to a goal by the number it places them at (grants and attendance: the goal whose metric their facts are evidence for). */
const GOAL_TIED: readonly string[] = ["grants", "attendance"];

/** A section key written as a number ("2", "2.4"): a text keyed to where the numbered house puts its section. */
const NUMBERED = /^\d+(\.\d+)*$/;

/** The number the builders place a goal's content at: an area goal's own, a strategic goal's chapter. */
const placedNumber = (goal: ReportGoal): string => (goal.kind === "area" ? goal.number : chapterOf(goal));

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The outline reference that takes a placement's slot back ("focus-areas:<area>" → the block with its area). */
const refOfSlot = (slot: string): BlockRef => {
  const at = slot.indexOf(":");
  if (at === -1) return { block: slot as Block };
  const block = slot.slice(0, at) as Block;
  const key = slot.slice(at + 1);
  return block === "focus-areas" ? { block, area: idOf(key) } : block === "narrative" ? narrative(key) : ref(block, key);
};

/** The chapters and sections that gather blocks no goal takes, when they are not placed by number. */
const FIXED: readonly { readonly heading: string; readonly sections: readonly { readonly heading?: string; readonly slots: (slot: string) => boolean }[] }[] = [
  { heading: "Verksamheten", sections: [{ heading: "Fokusområden", slots: (slot) => slot === "focus-areas" || slot.startsWith("focus-areas:") }, { slots: (slot) => slot === "staff" }] },
  { heading: "Ekonomi", sections: [{ slots: (slot) => slot === "economy-tables" }, { heading: "Budget mot utfall och prognos", slots: (slot) => slot === "plan-budget-outcome" }, { slots: (slot) => slot === "cost-effectiveness" }] },
  { heading: "Uppföljning av planen", sections: [{ slots: (slot) => slot === "plan-activities" }] },
  { heading: "Forskning", sections: ["research-studies", "research-dissemination", "research-scholarships", "research-doctoral-students"].map((block) => ({ slots: (slot: string) => slot === block })) },
  { heading: "Ansökningar om externa medel", sections: [{ slots: (slot) => slot === "grants" }] },
  { heading: "Deltagande i nätverk och möten", sections: [{ slots: (slot) => slot === "attendance" }] },
];

const isFixed = (slot: string): boolean => FIXED.some((chapter) => chapter.sections.some((section) => section.slots(slot)));

/** What the texts say of their section keys: those whose texts all close a report (analyses, outlooks), and the goal a key's texts all name (`goalId`). */
export interface TextKeys {
  readonly closing: ReadonlySet<string>;
  readonly goalOf: ReadonlyMap<string, string>;
}

const NO_TEXT_KEYS: TextKeys = { closing: new Set(), goalOf: new Map() };

/**
 * The outline a follow-up report gets when its log adopts none for the document kind: built from
 * the log's own goals and from what the builders placed, so any organisation gets a sound report
 * without writing an outline, and none gets another organisation's headings.
 *
 *  - first, a chapter for each section key of texts that is no number and no goal's, in the
 *    order of the keys, headed by the texts' title or the key ("sammanfattning" → "Sammanfattning");
 *    keys whose texts are all analysis or outlook (`texts.closing`) close the report instead, and a
 *    key that is no number, every text of which names a goal (`goalId`), is that goal's;
 *  - then the numbered chapters in order: one per strategic goal (its texts, metrics and
 *    activities, a section per area goal), and one per number that texts are keyed to and no goal
 *    has ("1", "1.1" …: a log written for the numbered house keeps its structure);
 *  - a block the builders place at a number such a text or goal has (the staff at "1.2", grants
 *    with the goal their facts are evidence for) stands there; the rest under fixed headings:
 *    "Verksamheten" (focus areas, staff; after the texts that open the report), "Ekonomi",
 *    "Uppföljning av planen", "Forskning" and the rest;
 *  - the appendices: symbols, course participation, survey results.
 *
 * Empty chapters and sections are left out, as with any outline; whatever this outline does not
 * name still comes last, under "Övrigt utanför dispositionen".
 */
export const defaultFollowUpOutline = (kind: Outline["documentKind"], year: number, goals: readonly ReportGoal[], placements: readonly Placement[], texts: TextKeys = NO_TEXT_KEYS): Outline => {
  const byNumber = [...goals].sort((a, b) => compareSectionNumbers(a.number, b.number));
  const strategic = byNumber.filter((goal) => goal.kind === "strategic");
  const areaGoals = byNumber.filter((goal) => goal.kind === "area");
  const closingKeys = texts.closing;
  const ownerOf = new Map<string, ReportGoal>();
  for (const goal of byNumber) if (!ownerOf.has(placedNumber(goal))) ownerOf.set(placedNumber(goal), goal);
  for (const goal of byNumber) ownerOf.set(goal.goalId, goal);
  // A key written as a number keeps the numbered structure it was keyed for, whatever goal its texts name.
  for (const [key, goalId] of texts.goalOf) {
    const goal = byNumber.find((each) => each.goalId === goalId);
    if (goal !== undefined && !ownerOf.has(key) && !NUMBERED.test(key)) ownerOf.set(key, goal);
  }
  const narrativeKeys = [...new Set(placements.filter((placement) => placement.slot.startsWith("narrative:")).map((placement) => placement.slot.slice("narrative:".length)))];
  const numberedKeys = narrativeKeys.filter((key) => NUMBERED.test(key) && !ownerOf.has(key));
  const goalChapters = new Map(strategic.map((goal) => [chapterOf(goal), goal] as const));
  const textChapters = [...new Set(numberedKeys.map((key) => key.split(".")[0] as string))].filter((chapter) => !goalChapters.has(chapter));
  // Where a block the builders number goes: with a numbered text or a goal at its number, or as its
  // own section at its number in a chapter that only numbered texts make.
  const placedAt = new Map<string, string[]>();
  const ownSections = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const placement of placements) {
    if (!isFixed(placement.slot) || taken.has(placement.slot)) continue;
    const owner = ownerOf.get(placement.number);
    const at = numberedKeys.includes(placement.number) ? placement.number : owner !== undefined && GOAL_TIED.includes(placement.slot) ? placedNumber(owner) : undefined;
    const inTextChapter = at === undefined && placement.number.includes(".") && textChapters.includes(placement.number.split(".")[0] as string);
    if (at === undefined && !inTextChapter) continue;
    const into = at === undefined ? ownSections : placedAt;
    const number = at ?? placement.number;
    into.set(number, [...(into.get(number) ?? []), placement.slot]);
    taken.add(placement.slot);
  }
  const extras = (number: string): BlockRef[] => (placedAt.get(number) ?? []).map(refOfSlot);
  const goalBlocks = (goal: ReportGoal): BlockRef[] => [...narrativeKeys.filter((key) => ownerOf.get(key) === goal).map(narrative), ...GOAL_BLOCKS.map((block) => ref(block, goal.goalId)), ...extras(placedNumber(goal))];
  const keyed = (key: string): { readonly number: string; readonly section: Section } => ({ number: key, section: { blocks: [narrative(key), ...extras(key)] } });
  const sectionsUnder = (chapter: string, goal: ReportGoal | undefined): Section[] =>
    [
      ...areaGoals.filter((each) => goal !== undefined && each.parentGoalId === goal.goalId).map((each) => ({ number: each.number, section: { goalId: idOf(each.goalId), blocks: goalBlocks(each) } as Section })),
      ...numberedKeys.filter((key) => key.startsWith(`${chapter}.`)).map(keyed),
      ...[...ownSections].filter(([number]) => number.startsWith(`${chapter}.`)).map(([number, slots]) => ({ number, section: { blocks: slots.map(refOfSlot) } as Section })),
    ]
      .sort((a, b) => compareSectionNumbers(a.number, b.number))
      .map((entry) => entry.section);
  const firstGoalChapter = [...goalChapters.keys()].sort(compareSectionNumbers)[0];
  const textTitled = (key: string): boolean => placements.some((placement) => placement.slot === `narrative:${key}` && placement.title !== null);
  const numbered: { readonly number: string; readonly chapter: Chapter }[] = [
    ...strategic.map((goal) => ({ number: chapterOf(goal), chapter: { goalId: idOf(goal.goalId), blocks: goalBlocks(goal), sections: sectionsUnder(chapterOf(goal), goal) } as Chapter })),
    ...textChapters.map((chapter) => {
      const heading = textTitled(chapter) ? undefined : firstGoalChapter === undefined || compareSectionNumbers(chapter, firstGoalChapter) < 0 ? "Inledning" : `Avsnitt ${chapter}`;
      const blocks = numberedKeys.includes(chapter) ? [narrative(chapter), ...extras(chapter)] : extras(chapter);
      return { number: chapter, chapter: { ...(heading === undefined ? {} : { heading }), blocks, sections: sectionsUnder(chapter, undefined) } as Chapter };
    }),
  ].sort((a, b) => compareSectionNumbers(a.number, b.number));
  // Area goals under no strategic goal of the log: each its own chapter, after the numbered ones.
  const orphans = areaGoals.filter((goal) => !strategic.some((parent) => parent.goalId === goal.parentGoalId)).map((goal): Chapter => ({ goalId: idOf(goal.goalId), blocks: goalBlocks(goal), sections: [] }));
  const textChapter = (key: string): Chapter => ({ ...(textTitled(key) ? {} : { heading: capitalised(key.replace(/[-_]+/g, " ")) }), blocks: [narrative(key)], sections: [] });
  const freeKeys = narrativeKeys.filter((key) => !NUMBERED.test(key) && !ownerOf.has(key));
  const free = freeKeys.filter((key) => !closingKeys.has(key)).map(textChapter);
  const closing = freeKeys.filter((key) => closingKeys.has(key)).map(textChapter);
  const slots = [...new Set(placements.map((placement) => placement.slot))].filter((slot) => !taken.has(slot));
  const titled = (slot: string): boolean => placements.some((placement) => placement.slot === slot && placement.title !== null);
  const fixed = FIXED.map((chapter): Chapter => {
    // A block with no heading of its own or given here stands in the chapter itself, not under an empty heading.
    const untitled = chapter.sections.flatMap((section) => (section.heading === undefined ? slots.filter((slot) => section.slots(slot) && !titled(slot)) : []));
    return {
      heading: chapter.heading,
      blocks: untitled.map(refOfSlot),
      sections: chapter.sections.flatMap((section): Section[] => {
        const blocks = slots.filter((slot) => section.slots(slot) && !untitled.includes(slot)).map(refOfSlot);
        return blocks.length === 0 ? [] : [{ ...(section.heading === undefined ? {} : { heading: section.heading }), blocks }];
      }),
    };
  });
  const [introduction, ...rest] = fixed;
  // Texts keyed "1", "1.1" … before the first goal make the introduction: the staff and focus areas join it rather than stand apart.
  const opening = numbered.find((entry) => entry.chapter.heading === "Inledning");
  const chapters = numbered.map((entry) => (entry === opening && introduction !== undefined ? { ...entry.chapter, blocks: [...(entry.chapter.blocks ?? []), ...(introduction.blocks ?? [])], sections: [...entry.chapter.sections, ...introduction.sections] } : entry.chapter));
  return {
    outlineId: idOf(`tertial-default-${kind}`),
    documentKind: kind,
    fromYear: year,
    chapters: [...free, ...(opening === undefined && introduction !== undefined ? [introduction] : []), ...chapters, ...orphans, ...rest, ...closing],
    appendices: [{ blocks: [ref("symbol-legend")] }, { blocks: [ref("course-participation")] }, { blocks: [ref("survey-results")] }],
  };
};
