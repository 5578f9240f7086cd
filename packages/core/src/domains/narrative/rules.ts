import { defineFigureRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { FocusAreaEstablished, GoalEstablished } from "../strategy/events.js";
import { requireThemes, themeDefinitionIssues, ThemeDefined } from "./themes.js";
import { NarrativeWritten } from "./events.js";
import { builtInFigures, inlineFigureProblems } from "./inline-figures.js";

interface NarrativeKnowledge {
  readonly references: KnownReferences;
  readonly goals: Set<string>;
  readonly focusAreas: Set<string>;
  /** narrativeId → the event writing it: a correction may restate its own target's narrative, never another's. */
  readonly narratives: Map<string, string>;
  /** The themes the log defines, by id (the event that defines each). */
  readonly themes: Map<string, string>;
  /** Narratives written so far, by section: a recorded zero must not share a section and period with content. */
  readonly bySection: Map<string, { readonly narrativeId: string; readonly kind: string; readonly from: string; readonly to: string }[]>;
}

/** A recorded zero and a narrative of content for the same section and overlapping periods contradict each other (footnotes aside). */
const contradiction = (known: NarrativeKnowledge, data: { narrativeId: string; kind: string; section: string; from: string; to: string }): Issue[] => {
  if (data.kind === "footnote") return [];
  const other = (known.bySection.get(data.section) ?? []).find(
    (entry) => entry.narrativeId !== data.narrativeId && entry.kind !== "footnote" && (entry.kind === "none-recorded") !== (data.kind === "none-recorded") && entry.from <= data.to && data.from <= entry.to,
  );
  return other === undefined ? [] : [issue("conflict", "data.kind", `narrative "${other.narrativeId}" (${other.kind}) is written for section "${data.section}" in an overlapping period; a recorded zero (none-recorded) and content cannot both hold`)];
};

/**
 * A narrative is scoped to a real period, and to goals, areas, focus areas and themes the log knows;
 * a theme is defined once; its placeholders name figures of the catalog it is checked with.
 */
export const narrativeIntegrity = defineFigureRule<NarrativeKnowledge>(builtInFigures, (catalogFigures) => ({
  name: "narrative-integrity",
  // Revision 2: the state holds the themes the log defines; 3: the event writing each narrative.
  revision: 3,
  learnsFrom: [...REFERENCE_FACTS, GoalEstablished.type, FocusAreaEstablished.type, ThemeDefined.type, NarrativeWritten.type],
  init: () => ({ references: new KnownReferences(), goals: new Set(), focusAreas: new Set(), narratives: new Map(), themes: new Map(), bySection: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (ThemeDefined.is(event)) known.themes.set(event.data.themeId, event.id);
    if (GoalEstablished.is(event)) known.goals.add(event.data.goalId);
    if (FocusAreaEstablished.is(event)) known.focusAreas.add(event.data.focusAreaId);
    if (NarrativeWritten.is(event)) {
      const { narrativeId, kind, section, from, to } = event.data;
      known.narratives.set(narrativeId, event.id);
      const entries = known.bySection.get(section) ?? [];
      const index = entries.findIndex((entry) => entry.narrativeId === narrativeId);
      if (index >= 0) entries.splice(index, 1);
      entries.push({ narrativeId, kind, from, to });
      known.bySection.set(section, entries);
    }
  },
  check: (known, event) => {
    if (ThemeDefined.is(event)) return themeDefinitionIssues(known.themes, event);
    if (!NarrativeWritten.is(event)) return [];
    const { narrativeId, from, to, goalId, areaId, focusAreaIds, themes } = event.data;
    const found = heldKeyIssues(known.narratives.get(narrativeId), event, { noun: "narrative", held: "written", key: narrativeId, path: "data.narrativeId" }, () => [
      issue("conflict", "data.narrativeId", `narrative "${narrativeId}" is already written; supersede it to change it`),
    ]);
    found.push(...contradiction(known, event.data));
    for (const problem of inlineFigureProblems(event.data.markdown, catalogFigures())) found.push(issue("invalid-field", "data.markdown", problem));
    if (from > to) found.push(issue("invalid-field", "data.to", "ends before the period starts", { expected: `on or after ${from}`, actual: to }));
    if (goalId !== undefined && !known.goals.has(goalId)) found.push(issue("unknown-reference", "data.goalId", `unknown goal "${goalId}"`, { actual: goalId }));
    if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
    (focusAreaIds ?? []).forEach((focusAreaId, index) => {
      if (!known.focusAreas.has(focusAreaId)) found.push(issue("unknown-reference", `data.focusAreaIds[${index}]`, `unknown focus area "${focusAreaId}"`, { actual: focusAreaId }));
    });
    found.push(...requireThemes(known.themes, themes, "data.themes"));
    return found;
  },
}));
