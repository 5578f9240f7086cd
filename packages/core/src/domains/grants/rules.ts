import { defineRule } from "../../events/consistency.js";
import type { EventOf } from "../../events/definition.js";
import type { DomainEvent } from "../../events/envelope.js";
import { issue, type Issue } from "../../events/issues.js";
import { effectiveDateOf } from "../../time/effective.js";
import { KnownReferences, REFERENCE_FACTS } from "../reference/known-references.js";
import { heldKeyIssues } from "../restated-keys.js";
import { ApplicationDecided, ApplicationSubmitted } from "./events.js";

interface GrantsKnowledge {
  readonly references: KnownReferences;
  /**
   * applicationId → when it was submitted, the event submitting it (a correction may restate its own
   * target's application, never another's) and the event deciding it. Each event sets its own
   * fields and keeps the others, so the state is the same whichever order the facts are learnt in:
   * a rebuild learns a submission's correction after the decision that followed the submission (its
   * place in the log), validate in the submission's place (before it). An application with no
   * submission known (it was retracted) is unknown to a decision.
   */
  readonly applications: Map<string, { submitted?: string; submittedBy?: string; decidedBy?: string }>;
}

const checkSubmitted = (known: GrantsKnowledge, event: EventOf<typeof ApplicationSubmitted>): Issue[] => {
  const found = known.references.requireFunder(event.data.funderId, "data.funderId");
  if (event.data.areaId !== undefined) found.push(...known.references.requireArea(event.data.areaId, "data.areaId"));
  const { applicationId } = event.data;
  found.push(
    ...heldKeyIssues(known.applications.get(applicationId)?.submittedBy, event, { noun: "application", held: "submitted", key: applicationId, path: "data.applicationId" }, () => [
      issue("conflict", "data.applicationId", `application "${applicationId}" is already submitted`),
    ]),
  );
  const date = effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;
  if (event.data.submittedFrom !== undefined && event.data.submittedFrom > date) found.push(issue("invalid-field", "data.submittedFrom", "is after the submission date", { expected: `a date on or before ${date}`, actual: event.data.submittedFrom }));
  return found;
};

const checkDecided = (known: GrantsKnowledge, event: DomainEvent): Issue[] => {
  if (!ApplicationDecided.is(event)) return [];
  const application = known.applications.get(event.data.applicationId);
  if (application?.submitted === undefined) return [issue("unknown-reference", "data.applicationId", `unknown application "${event.data.applicationId}"`, { expected: "an application submitted earlier in the log", actual: event.data.applicationId })];
  const found: Issue[] = [];
  if (application.decidedBy !== undefined && event.supersedes !== application.decidedBy) {
    found.push(issue("conflict", "data.applicationId", `application "${event.data.applicationId}" is already decided (event ${application.decidedBy}); supersede that decision to change it`));
  }
  if (event.data.decision === "granted" && event.data.amountGranted === undefined) found.push(issue("invalid-field", "data.amountGranted", "a granted application needs the amount granted", { expected: "a non-negative decimal string" }));
  if (event.data.decision === "rejected" && event.data.amountGranted !== undefined) found.push(issue("invalid-field", "data.amountGranted", "a rejected application has no amount granted"));
  const date = effectiveDateOf(event.effectiveAt) ?? event.effectiveAt;
  if (date < application.submitted) found.push(issue("invalid-field", "effectiveAt", `is before the application was submitted (${application.submitted})`, { actual: event.effectiveAt }));
  return found;
};

/** Applications are submitted once to a known funder; each gets one decision, after it was sent. */
export const grantsIntegrity = defineRule<GrantsKnowledge>({
  name: "grants-integrity",
  learnsFrom: [...REFERENCE_FACTS, ApplicationSubmitted.type, ApplicationDecided.type],
  // Revision 2: the state knows the event submitting each application. Revision 3: learning a
  // submission keeps the application's decision, and a decision is kept before its submission is
  // known (a corrected submission no longer drops the decision on a rebuild).
  revision: 3,
  init: () => ({ references: new KnownReferences(), applications: new Map() }),
  learn: (known, event) => {
    known.references.learn(event);
    if (ApplicationSubmitted.is(event)) {
      const { applicationId } = event.data;
      known.applications.set(applicationId, { ...known.applications.get(applicationId), submitted: event.data.submittedFrom ?? effectiveDateOf(event.effectiveAt) ?? event.effectiveAt, submittedBy: event.id });
    }
    if (ApplicationDecided.is(event)) known.applications.set(event.data.applicationId, { ...known.applications.get(event.data.applicationId), decidedBy: event.id });
  },
  check: (known, event) => (ApplicationSubmitted.is(event) ? checkSubmitted(known, event) : checkDecided(known, event)),
});
