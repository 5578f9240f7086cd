import * as t from "io-ts";
import { Id, IsoDateC, NonEmptyString, PositiveInteger, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

export const NARRATIVE_KINDS = ["introduction", "highlight", "example", "analysis", "outlook", "footnote"] as const;
export const NarrativeKind = oneOf("NarrativeKind", NARRATIVE_KINDS);
export type NarrativeKind = t.TypeOf<typeof NarrativeKind>;

/** The 3 K: kostnadseffektivitet, kompetenshöjning, kvalitetshöjning. */
export const THREE_K = ["kostnadseffektivitet", "kompetenshojning", "kvalitetshojning"] as const;
export const ThreeK = oneOf("ThreeK", THREE_K);

export const NarrativeWritten = defineEvent({
  type: "narrative.written",
  description:
    "A piece of authored text in Markdown (analysis, highlight, example, outlook, footnote…) for a period (from..to) and a report section, optionally bound to a goal and area, tagged with the 3 K and focus areas. Rendered later by markdown-it.",
  data: strictObject(
    "NarrativeWritten",
    { narrativeId: Id, kind: NarrativeKind, from: IsoDateC, to: IsoDateC, section: NonEmptyString, markdown: NonEmptyString },
    { title: NonEmptyString, goalId: Id, areaId: Id, threeK: listOf(ThreeK), focusAreaIds: listOf(Id), order: PositiveInteger },
  ),
});

export const narrativeEvents = [NarrativeWritten] as const;
