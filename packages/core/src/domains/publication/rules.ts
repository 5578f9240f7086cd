import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { GoalEstablished } from "../strategy/events.js";
import { OutlineAdopted } from "./events.js";

interface PublicationKnowledge {
  readonly goals: Set<string>;
}

type BlockRef = { readonly block: string; readonly goalId?: string; readonly section?: string; readonly columns?: readonly string[] };

const GOAL_BLOCKS = new Set(["metric-table", "activity-table"]);

const blockIssues = (known: PublicationKnowledge, blocks: readonly BlockRef[], path: string): Issue[] =>
  blocks.flatMap((ref, index) => {
    const at = `${path}[${index}]`;
    if (GOAL_BLOCKS.has(ref.block) && ref.goalId === undefined) return [issue("invalid-field", `${at}.goalId`, `a ${ref.block} block names the goal it shows`, { expected: "a goalId", actual: "nothing" })];
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
    ];
  },
});
