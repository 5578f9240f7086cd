import * as t from "io-ts";
import { Id, IsoDateC, NonEmptyString, PositiveInteger, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";

/**
 * `none-recorded` is a recorded zero: the organisation states that nothing of a kind happened in
 * the period ("Inget gemensamt projekt startades under året"). It is printed where the outline
 * places its section, unlike a blank (no fact at all), which leaves the section out or lets the
 * report say only that nothing is reported.
 */
export const NARRATIVE_KINDS = ["introduction", "highlight", "example", "analysis", "outlook", "footnote", "none-recorded"] as const;
export const NarrativeKind = oneOf("NarrativeKind", NARRATIVE_KINDS);
export type NarrativeKind = t.TypeOf<typeof NarrativeKind>;

/** The 3 K: kostnadseffektivitet, kompetenshöjning, kvalitetshöjning. */
export const THREE_K = ["kostnadseffektivitet", "kompetenshojning", "kvalitetshojning"] as const;
export const ThreeK = oneOf("ThreeK", THREE_K);

export const NarrativeWritten = defineEvent({
  type: "narrative.written",
  description:
    "A piece of authored text in Markdown (analysis, highlight, example, outlook, footnote, or a recorded zero `none-recorded`: nothing of a kind this period) for a period (from..to: it is printed in the reports of exactly that period) and a report section, optionally bound to a goal and area, tagged with the 3 K and focus areas. Rendered later by markdown-it. A figure written as `{{figure.key param=value unit=… decimals=… suffix=nej sign=nej words=en}}` is computed from the facts when the report is built, never typed in; for the report's period, or with `compare=previous-year` (`same-period-last-year`, `previous-tertial`) for that period relative to it. A footnote's `title` ends in \"fotnot <mark>\"; with `areaId` the mark stands on that area's row, with \"kolumn <heading>, fotnot <mark>\" on that column's heading.",
  data: strictObject(
    "NarrativeWritten",
    { narrativeId: Id, kind: NarrativeKind, from: IsoDateC, to: IsoDateC, section: NonEmptyString, markdown: NonEmptyString },
    { title: NonEmptyString, goalId: Id, areaId: Id, threeK: listOf(ThreeK), focusAreaIds: listOf(Id), order: PositiveInteger },
  ),
});

export const narrativeEvents = [NarrativeWritten] as const;
