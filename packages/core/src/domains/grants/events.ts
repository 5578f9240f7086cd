import * as t from "io-ts";
import { Id, IsoDateC, NonEmptyString, NonNegativeDecimal, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

export const ApplicationSubmitted = defineEvent({
  type: "grants.application-submitted",
  description:
    "An application for external funding was sent to a funder, for an amount. The effective date is the submission date; when only a span is known (\"under tertial 1-2\"), the span's last day, with `submittedFrom` its first. An application belongs to the period it was submitted in, whenever it is decided.",
  data: strictObject(
    "ApplicationSubmitted",
    { applicationId: Id, title: NonEmptyString, funderId: Id, amount: NonNegativeDecimal },
    {
      submittedFrom: IsoDateC,
      call: NonEmptyString,
      /** Who sent it when not the organisation itself (e.g. "Högskolan, Jönköping University"). */
      submitter: NonEmptyString,
      partners: listOf(NonEmptyString),
      areaId: Id,
      project: NonEmptyString,
    },
  ),
});

export const DECISIONS = ["granted", "rejected"] as const;
export const Decision = oneOf("Decision", DECISIONS);
export type Decision = t.TypeOf<typeof Decision>;

export const ApplicationDecided = defineEvent({
  type: "grants.application-decided",
  description: "A funder decided an application: granted (with the amount granted) or rejected. The effective date is the decision date (or the last day of the span it is known to fall in).",
  data: strictObject("ApplicationDecided", { applicationId: Id, decision: Decision }, { amountGranted: NonNegativeDecimal, decidedFrom: IsoDateC, note: NonEmptyString }),
});

export const grantsEvents = [ApplicationSubmitted, ApplicationDecided] as const;
