import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences } from "../reference/known-references.js";
import { FocusAreaEstablished, GoalEstablished } from "../strategy/events.js";
import { NarrativeWritten } from "./events.js";

interface NarrativeKnowledge {
  readonly references: KnownReferences;
  readonly goals: Set<string>;
  readonly focusAreas: Set<string>;
  readonly narratives: Set<string>;
}

/** A narrative is scoped to a real period, and to goals, areas and focus areas the log knows. */
export const narrativeIntegrity = defineRule<NarrativeKnowledge>({
  name: "narrative-integrity",
  init: () => ({ references: new KnownReferences(), goals: new Set(), focusAreas: new Set(), narratives: new Set() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (GoalEstablished.is(event)) known.goals.add(event.data.goalId);
    if (FocusAreaEstablished.is(event)) known.focusAreas.add(event.data.focusAreaId);
    if (NarrativeWritten.is(event)) known.narratives.add(event.data.narrativeId);
  },
  check: (known, event) => {
    if (!NarrativeWritten.is(event)) return [];
    const { narrativeId, from, to, goalId, areaId, focusAreaIds } = event.data;
    const found: Issue[] = known.narratives.has(narrativeId) && event.supersedes === undefined ? [issue("conflict", "data.narrativeId", `narrative "${narrativeId}" is already written; supersede it to change it`)] : [];
    if (from > to) found.push(issue("invalid-field", "data.to", "ends before the period starts", { expected: `on or after ${from}`, actual: to }));
    if (goalId !== undefined && !known.goals.has(goalId)) found.push(issue("unknown-reference", "data.goalId", `unknown goal "${goalId}"`, { actual: goalId }));
    if (areaId !== undefined) found.push(...known.references.requireArea(areaId, "data.areaId"));
    (focusAreaIds ?? []).forEach((focusAreaId, index) => {
      if (!known.focusAreas.has(focusAreaId)) found.push(issue("unknown-reference", `data.focusAreaIds[${index}]`, `unknown focus area "${focusAreaId}"`, { actual: focusAreaId }));
    });
    return found;
  },
});
