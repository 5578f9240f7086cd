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

/** The kinds of document a text can be written for: every kind of report (a test holds the list to the report's). */
export const NARRATIVE_DOCUMENTS = ["tertialrapport", "delarsrapport", "verksamhetsberattelse", "resultatuppfoljning", "verksamhetsplan"] as const;
export const NarrativeDocument = oneOf("NarrativeDocument", NARRATIVE_DOCUMENTS);

const narrativeRequired = { narrativeId: Id, kind: NarrativeKind, from: IsoDateC, to: IsoDateC, section: NonEmptyString, markdown: NonEmptyString };
const narrativeOptional = { title: NonEmptyString, goalId: Id, areaId: Id, threeK: listOf(ThreeK), focusAreaIds: listOf(Id), order: PositiveInteger };
const NarrativeWrittenV1 = strictObject("NarrativeWrittenV1", narrativeRequired, narrativeOptional);

/**
 * Version 2 adds `documents`: the kinds of document a text is written for (the plan and the
 * annual report of one year share its period, not its texts); without it a text belongs to every
 * document of its period, as every version 1 text does.
 */
export const NarrativeWritten = defineEvent({
  type: "narrative.written",
  description:
    "A piece of authored text in Markdown (analysis, highlight, example, outlook, footnote, or a recorded zero `none-recorded`: nothing of a kind this period) for a period (from..to: it is printed in the reports of exactly that period) and a report section, optionally bound to a goal and area, tagged with the 3 K and focus areas, and (`documents`) for some kinds of document only. Rendered later by markdown-it. A figure written as `{{figure.key param=value unit=… decimals=… suffix=nej sign=nej words=en}}` is computed from the facts when the report is built, never typed in; for the report's period, or with `compare=previous-year` (`same-period-last-year`, `previous-tertial`) for that period relative to it. A footnote's `title` ends in \"fotnot <mark>\"; with `areaId` the mark stands on that area's row, with \"kolumn <heading>, fotnot <mark>\" on that column's heading.",
  data: strictObject("NarrativeWritten", narrativeRequired, { ...narrativeOptional, documents: listOf(NarrativeDocument, 1) }),
  older: [{ version: 1, data: NarrativeWrittenV1, upcast: (data: t.TypeOf<typeof NarrativeWrittenV1>) => data }],
});

export const narrativeEvents = [NarrativeWritten] as const;
