import { defineRule } from "../../events/consistency.js";
import { issue, type Issue } from "../../events/issues.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { DisseminationHeld, StudyCompleted, StudyProgressed, StudyStarted } from "./events.js";

interface ResearchKnowledge {
  readonly references: KnownReferences;
  /**
   * studyId → the event starting it and the event completing it: a correction may restate its own
   * target's study, never another's. Each event sets its own field and keeps the other, so the
   * state is the same whichever order the facts are learnt in: a rebuild learns a start's
   * correction after the completion that followed the start (its place in the log), validate in
   * the start's place (before it).
   */
  readonly studies: Map<string, { startedBy?: string; completedBy?: string }>;
}

const fundersAndArea = (known: ResearchKnowledge, funderIds: readonly string[] | undefined, areaId: string | undefined): Issue[] => [
  ...(funderIds ?? []).flatMap((funderId, index) => known.references.requireFunder(funderId, `data.funderIds[${index}]`)),
  ...(areaId === undefined ? [] : known.references.requireArea(areaId, "data.areaId")),
];

/** Studies start once, before they progress or complete, with known funders and areas. */
export const researchIntegrity = defineRule<ResearchKnowledge>({
  name: "research-integrity",
  learnsFrom: [...REFERENCE_FACTS, StudyStarted.type, StudyCompleted.type],
  // Revision 2: the state knows the events starting and completing each study. Revision 3: learning a
  // start keeps the study's completion (a corrected start no longer drops it on a rebuild).
  revision: 3,
  init: () => ({ references: new KnownReferences(), studies: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (StudyStarted.is(event)) known.studies.set(event.data.studyId, { ...known.studies.get(event.data.studyId), startedBy: event.id });
    if (StudyCompleted.is(event)) known.studies.set(event.data.studyId, { ...known.studies.get(event.data.studyId), completedBy: event.id });
  },
  check: (known, event) => {
    if (StudyStarted.is(event)) {
      const { studyId } = event.data;
      // Held by its start, or by its completion where no start is known (a retracted start): the study is known all the same.
      // Not against a correction: validate checks it without the start it restates, so the completion it finds may be that start's own.
      const study = known.studies.get(studyId);
      const found = heldKeyIssues(study?.startedBy ?? (event.supersedes === undefined ? study?.completedBy : undefined), event, { noun: "study", held: "started", key: studyId, path: "data.studyId" }, () => [issue("conflict", "data.studyId", `study "${studyId}" is already started`)]);
      return [...found, ...fundersAndArea(known, event.data.funderIds, event.data.areaId)];
    }
    if (StudyProgressed.is(event) || StudyCompleted.is(event)) {
      const study = known.studies.get(event.data.studyId);
      if (study === undefined) return [issue("unknown-reference", "data.studyId", `unknown study "${event.data.studyId}"`, { expected: "a study started earlier in the log", actual: event.data.studyId })];
      const completed = (): Issue[] => [issue("conflict", "data.studyId", `study "${event.data.studyId}" is already completed`)];
      // A progress report is no key: a correction of one may follow the completion. A completion is held once.
      if (StudyProgressed.is(event)) return study.completedBy !== undefined && event.supersedes === undefined ? completed() : [];
      return heldKeyIssues(study.completedBy, event, { noun: "study", held: "completed", key: event.data.studyId, path: "data.studyId" }, completed);
    }
    if (DisseminationHeld.is(event)) return fundersAndArea(known, event.data.funderIds, event.data.areaId);
    return [];
  },
});
