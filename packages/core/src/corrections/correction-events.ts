import * as t from "io-ts";
import { NonEmptyString, strictObject } from "../events/codecs.js";
import { defineEvent } from "../events/definition.js";

/**
 * The event that takes an earlier one back. It carries the id in its envelope's `retracts`
 * field and a reason here; projections never see it, only its effect.
 */
export const EventRetracted = defineEvent({
  type: "log.event-retracted",
  description: "An earlier event is taken back: from its recording on, it no longer counts. Put the earlier event's id in the envelope's `retracts`.",
  data: strictObject("EventRetracted", { reason: NonEmptyString }),
});

export type RetractionData = t.TypeOf<typeof EventRetracted.latest.data>;
