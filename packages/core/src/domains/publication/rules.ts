import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { GoalEstablished } from "../strategy/events.js";
import { OutlineAdopted } from "./events.js";

interface PublicationKnowledge {
  readonly goals: Set<string>;
}

type BlockRef = { readonly block: string; readonly goalId?: string; readonly section?: string; readonly area?: string; readonly columns?: readonly string[] };

const GOAL_BLOCKS = new Set(["metric-table", "activity-table", "plan-metric-targets", "plan-goal-table"]);

/** The blocks only a plan (verksamhetsplan) prints; a follow-up's plan blocks (budget against outcome, targets, activities) are not among them. */
const PLAN_ONLY_BLOCKS = new Set(["plan-vision", "plan-strategic-goals", "plan-agenda-2030", "plan-staff", "plan-focus-areas", "plan-goal-table", "plan-budget", "plan-budget-years", "plan-available-funds", "plan-area", "plan-multi-year", "plan-budget-appendix"]);

/** What one placement shows: a block and the goal, section or area it is for (placed twice, it would print twice). */
const placementKey = (ref: BlockRef): string => `${ref.block}:${ref.goalId ?? ref.section ?? ref.area ?? ""}`;

/** Each block of an outline with its path, in the outline's order. */
const placementsOf = (data: OutlineData): { readonly ref: BlockRef; readonly path: string }[] => {
  const of = (blocks: readonly BlockRef[] | undefined, path: string) => (blocks ?? []).map((ref, index) => ({ ref, path: `${path}[${index}]` }));
  const ofSection = (section: SectionRef, path: string): { ref: BlockRef; path: string }[] => [
    ...of(section.blocks, `${path}.blocks`),
    ...(section.subsections ?? []).flatMap((subsection, index) => ofSection(subsection, `${path}.subsections[${index}]`)),
  ];
  return [
    ...data.chapters.flatMap((chapter, c) => [...of(chapter.blocks, `data.chapters[${c}].blocks`), ...chapter.sections.flatMap((section, s) => ofSection(section, `data.chapters[${c}].sections[${s}]`))]),
    ...(data.appendices ?? []).flatMap((appendix, a) => of(appendix.blocks, `data.appendices[${a}].blocks`)),
  ];
};

/** Blocks placed twice, and plan blocks in an outline of another kind of document. */
const placementIssues = (data: OutlineData): Issue[] => {
  const first = new Map<string, string>();
  return placementsOf(data).flatMap(({ ref, path }) => {
    const found: Issue[] = [];
    if (data.documentKind !== "verksamhetsplan" && PLAN_ONLY_BLOCKS.has(ref.block)) {
      found.push(issue("invalid-field", `${path}.block`, `"${ref.block}" is a block of the plan (verksamhetsplan), which a ${data.documentKind} does not print`, { expected: "a block of this kind of document", actual: ref.block }));
    }
    const key = placementKey(ref);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, path);
    else found.push(issue("conflict", path, `places ${ref.block}${key.endsWith(":") ? "" : ` for "${key.slice(ref.block.length + 1)}"`} a second time (first at ${earlier}): it would be printed twice`));
    return found;
  });
};

type OutlineData = { readonly documentKind: string; readonly chapters: readonly { readonly blocks?: readonly BlockRef[]; readonly sections: readonly SectionRef[] }[]; readonly appendices?: readonly { readonly blocks: readonly BlockRef[] }[] };

const blockIssues = (known: PublicationKnowledge, blocks: readonly BlockRef[], path: string): Issue[] =>
  blocks.flatMap((ref, index) => {
    const at = `${path}[${index}]`;
    if (GOAL_BLOCKS.has(ref.block) && ref.goalId === undefined) return [issue("invalid-field", `${at}.goalId`, `a ${ref.block} block names the goal it shows`, { expected: "a goalId", actual: "nothing" })];
    if (ref.block === "plan-area" && ref.section === undefined && ref.area === undefined) return [issue("invalid-field", `${at}.area`, "a plan-area block names the area it shows", { expected: "an area id (area)", actual: "nothing" })];
    if (ref.columns !== undefined && ref.block !== "metric-table") return [issue("invalid-field", `${at}.columns`, "only a metric-table block takes extra columns", { expected: "no columns on a " + ref.block + " block", actual: ref.columns.join(", ") })];
    if (ref.block === "narrative" && ref.section === undefined) return [issue("invalid-field", `${at}.section`, "a narrative block names the section key its narratives were written for", { expected: "a section key such as \"1.3\"", actual: "nothing" })];
    return goalIssue(known, ref.goalId, `${at}.goalId`);
  });

const goalIssue = (known: PublicationKnowledge, goalId: string | undefined, path: string): Issue[] =>
  goalId === undefined || known.goals.has(goalId) ? [] : [issue("unknown-reference", path, `unknown goal "${goalId}"`, { expected: "a goal established earlier in the log", actual: goalId })];

interface SectionRef {
  readonly goalId?: string;
  readonly blocks?: readonly BlockRef[];
  readonly subsections?: readonly SectionRef[];
}

/** A section shows blocks, nests subsections, or both: one with neither could never print anything. */
const sectionIssues = (known: PublicationKnowledge, section: SectionRef, path: string): Issue[] => [
  ...goalIssue(known, section.goalId, `${path}.goalId`),
  ...((section.blocks ?? []).length === 0 && section.subsections === undefined ? [issue("invalid-field", `${path}.blocks`, "a section shows blocks or nests subsections", { expected: "at least one block or a subsections list", actual: "neither" })] : []),
  ...blockIssues(known, section.blocks ?? [], `${path}.blocks`),
  ...(section.subsections ?? []).flatMap((subsection, index) => sectionIssues(known, subsection, `${path}.subsections[${index}]`)),
];

/** An outline names goals the log knows and gives every goal-bound and narrative block its parameter. */
export const outlineIntegrity = defineRule<PublicationKnowledge>({
  name: "outline-integrity",
  learnsFrom: [GoalEstablished.type],
  init: () => ({ goals: new Set() }),
  learn: (known, event) => {
    if (GoalEstablished.is(event)) known.goals.add(event.data.goalId);
  },
  check: (known, event) => {
    if (!OutlineAdopted.is(event)) return [];
    const { chapters, appendices } = event.data;
    return [
      ...chapters.flatMap((chapter, c) => [
        ...goalIssue(known, chapter.goalId, `data.chapters[${c}].goalId`),
        ...blockIssues(known, chapter.blocks ?? [], `data.chapters[${c}].blocks`),
        ...chapter.sections.flatMap((section, s) => sectionIssues(known, section, `data.chapters[${c}].sections[${s}]`)),
      ]),
      ...(appendices ?? []).flatMap((appendix, a) => blockIssues(known, appendix.blocks, `data.appendices[${a}].blocks`)),
      ...placementIssues(event.data),
    ];
  },
});
