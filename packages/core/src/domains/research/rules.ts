import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { DisseminationHeld, StudyCompleted, StudyProgressed, StudyStarted } from "./events.js";

interface ResearchKnowledge {
  readonly references: KnownReferences;
  readonly studies: Map<string, { completed: boolean }>;
}

const fundersAndArea = (known: ResearchKnowledge, funderIds: readonly string[] | undefined, areaId: string | undefined): Issue[] => [
  ...(funderIds ?? []).flatMap((funderId, index) => known.references.requireFunder(funderId, `data.funderIds[${index}]`)),
  ...(areaId === undefined ? [] : known.references.requireArea(areaId, "data.areaId")),
];

/** Studies start once, before they progress or complete, with known funders and areas. */
export const researchIntegrity = defineRule<ResearchKnowledge>({
  name: "research-integrity",
  learnsFrom: [...REFERENCE_FACTS, StudyStarted.type, StudyCompleted.type],
  init: () => ({ references: new KnownReferences(), studies: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (StudyStarted.is(event)) known.studies.set(event.data.studyId, { completed: false });
    if (StudyCompleted.is(event)) known.studies.set(event.data.studyId, { completed: true });
  },
  check: (known, event) => {
    if (StudyStarted.is(event)) {
      const found: Issue[] = known.studies.has(event.data.studyId) && event.supersedes === undefined ? [issue("conflict", "data.studyId", `study "${event.data.studyId}" is already started`)] : [];
      return [...found, ...fundersAndArea(known, event.data.funderIds, event.data.areaId)];
    }
    if (StudyProgressed.is(event) || StudyCompleted.is(event)) {
      const study = known.studies.get(event.data.studyId);
      if (study === undefined) return [issue("unknown-reference", "data.studyId", `unknown study "${event.data.studyId}"`, { expected: "a study started earlier in the log", actual: event.data.studyId })];
      return study.completed && event.supersedes === undefined ? [issue("conflict", "data.studyId", `study "${event.data.studyId}" is already completed`)] : [];
    }
    if (DisseminationHeld.is(event)) return fundersAndArea(known, event.data.funderIds, event.data.areaId);
    return [];
  },
});
