import * as t from "io-ts";
import { Id, IsoDateC, NonEmptyString, PositiveInteger, listOf, oneOf, strictObject } from "../../events/codecs.js";
import { defineEvent, unchanged } from "../../events/definition.js";
import { ThemeDefined, ThemeId } from "./themes.js";

/**
 * `none-recorded` is a recorded zero: the organisation states that nothing of a kind happened in
 * the period ("Inget gemensamt projekt startades under året"). It is printed where the outline
 * places its section, unlike a blank (no fact at all), which leaves the section out or lets the
 * report say only that nothing is reported.
 */
export const NARRATIVE_KINDS = ["introduction", "highlight", "example", "analysis", "outlook", "footnote", "none-recorded"] as const;
export const NarrativeKind = oneOf("NarrativeKind", NARRATIVE_KINDS);
export type NarrativeKind = t.TypeOf<typeof NarrativeKind>;

/** Version 1 and 2 tag a text with the 3 K only, the first organisation's built-in themes, under `threeK`. */
export const THREE_K = ["kostnadseffektivitet", "kompetenshojning", "kvalitetshojning"] as const;
export const ThreeK = oneOf("ThreeK", THREE_K);

/** The kinds of document a text can be written for: every kind of report (a test holds the list to the report's). */
export const NARRATIVE_DOCUMENTS = ["tertialrapport", "delarsrapport", "verksamhetsberattelse", "resultatuppfoljning", "verksamhetsplan"] as const;
export const NarrativeDocument = oneOf("NarrativeDocument", NARRATIVE_DOCUMENTS);

const narrativeRequired = { narrativeId: Id, kind: NarrativeKind, from: IsoDateC, to: IsoDateC, section: NonEmptyString, markdown: NonEmptyString };
const narrativeScope = { title: NonEmptyString, goalId: Id, areaId: Id };
const narrativePlace = { focusAreaIds: listOf(Id), order: PositiveInteger };
const NarrativeWrittenV1 = strictObject("NarrativeWrittenV1", narrativeRequired, { ...narrativeScope, threeK: listOf(ThreeK), ...narrativePlace });
const NarrativeWrittenV2 = strictObject("NarrativeWrittenV2", narrativeRequired, { ...narrativeScope, threeK: listOf(ThreeK), ...narrativePlace, documents: listOf(NarrativeDocument, 1) });

const NarrativeWrittenV3 = strictObject("NarrativeWritten", narrativeRequired, { ...narrativeScope, themes: listOf(ThemeId), ...narrativePlace, documents: listOf(NarrativeDocument, 1) });

/**
 * Version 2's 3 K are version 3's built-in themes: `threeK` becomes `themes`, the other fields stay
 * as they are. A 3 K tag (letters only) is an id as it stands.
 */
const threeKAsThemes = ({ threeK, ...rest }: t.TypeOf<typeof NarrativeWrittenV2>): t.TypeOf<typeof NarrativeWrittenV3> => ({ ...rest, ...(threeK === undefined ? {} : { themes: threeK as readonly string[] as readonly Id[] }) });

/**
 * Version 2 adds `documents`: the kinds of document a text is written for (the plan and the
 * annual report of one year share its period, not its texts); without it a text belongs to every
 * document of its period, as every version 1 text does. Version 3 tags a text with `themes`, the
 * built-in ones (the first organisation's 3 K, version 2's `threeK`) or the log's own
 * (`narrative.theme-defined`).
 */
export const NarrativeWritten = defineEvent({
  type: "narrative.written",
  description:
    "A piece of authored text in Markdown (analysis, highlight, example, outlook, footnote, or a recorded zero `none-recorded`: nothing of a kind this period) for a period (from..to: it is printed in the reports of exactly that period) and a report section, optionally bound to a goal and area, tagged with themes and focus areas, and (`documents`) for some kinds of document only. Rendered later by markdown-it. A figure written as `{{figure.key param=value unit=… decimals=… suffix=nej sign=nej words=en}}` is computed from the facts when the report is built, never typed in; for the report's period, or with `compare=previous-year` (`same-period-last-year`, `previous-tertial`) for that period relative to it. A footnote's `title` ends in \"fotnot <mark>\"; with `areaId` the mark stands on that area's row, with \"kolumn <heading>, fotnot <mark>\" on that column's heading. Version 3 names its themes `themes`: a built-in theme (`kostnadseffektivitet`, `kompetenshojning`, `kvalitetshojning`, the first organisation's 3 K, version 1 and 2's `threeK`) or one the log defines (`narrative.theme-defined`); highlights are grouped under their themes' labels.",
  data: NarrativeWrittenV3,
  older: [
    { version: 1, data: NarrativeWrittenV1, upcast: unchanged },
    { version: 2, data: NarrativeWrittenV2, upcast: threeKAsThemes },
  ],
});

export const narrativeEvents = [ThemeDefined, NarrativeWritten] as const;
