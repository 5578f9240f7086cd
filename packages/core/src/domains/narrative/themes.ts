import { Id, NonEmptyString, strictObject } from "../../events/codecs.js";
import { defineEvent } from "../../events/definition.js";
import type { DomainEvent } from "../../events/envelope.js";
import { placeTerm, termDefinitionIssues, unknownTermIssues, type DefinedTermIds, type KnownTermIds, type TermVocabulary } from "../../events/defined-terms.js";
import type { Issue } from "../../events/issues.js";

/**
 * A theme: a cross-cutting aim an organisation tags its work with (texts, planned activities),
 * beside its goals. The first organisation's three are its "3 K".
 */
export interface Theme {
  readonly id: string;
  /** The theme as a sentence names it, in lower case ("kompetenshöjning"). */
  readonly name: string;
  /** The heading of its group of highlights ("Kompetenshöjning"). */
  readonly label: string;
}

/** The themes every log knows, in the order the report prints them: the first organisation's 3 K. */
export const BUILT_IN_THEMES: readonly Theme[] = [
  { id: "kostnadseffektivitet", name: "kostnadseffektivitet", label: "Kostnadseffektivitet" },
  { id: "kompetenshojning", name: "kompetenshöjning", label: "Kompetenshöjning" },
  { id: "kvalitetshojning", name: "kvalitetshöjning", label: "Kvalitetshöjning" },
];

/** How a heading names the built-in themes together, as the first organisation calls them. */
export const BUILT_IN_THEMES_TOGETHER = "våra 3 K";

export const isBuiltInTheme = (id: string): boolean => BUILT_IN_THEMES.some((theme) => theme.id === id);

/**
 * A theme's id in the events that tag with it: a built-in one or one defined by
 * `narrative.theme-defined`. The codec takes any id; the rules refuse one that is neither, since
 * only the log so far knows which ids are defined.
 */
export const ThemeId = Id;

export const ThemeDefined = defineEvent({
  type: "narrative.theme-defined",
  description:
    "A theme of the organisation's own: a cross-cutting aim it tags its work with (\"hållbarhet\", \"delaktighet\"), beside the built-in `kostnadseffektivitet`, `kompetenshojning` and `kvalitetshojning` (the first organisation's 3 K); from then on a text (`narrative.written` version 3) and a planned activity (`activities.activity-planned` version 3) may name `themeId` in their `themes`. `name` is the theme as a sentence names it, in lower case: the heading of a section of tagged highlights lists the names of the themes the log's texts name (\"Viktiga händelser med koppling till hållbarhet och delaktighet\"; the built-in themes alone are headed as the first organisation heads its 3 K); `label` heads the theme's group of highlights (\"Hållbarhet\"). Highlights are grouped by theme, the built-in ones first in their fixed order, then the defined ones in the order they were defined. A theme is defined once; supersede the definition to rename it.",
  data: strictObject("ThemeDefined", { themeId: ThemeId, name: NonEmptyString, label: NonEmptyString }),
});

/** What a fold knows of the themes: those the log defined, in order, and the ids its facts name. */
export interface ThemeUse {
  defined: Theme[];
  used: Record<string, true>;
}

export const emptyThemeUse = (): ThemeUse => ({ defined: [], used: {} });

/** Learns a theme's definition; mutates the use it is given and says whether the event was one. */
export const learnThemeDefinition = (use: ThemeUse, event: DomainEvent): boolean => {
  if (!ThemeDefined.is(event)) return false;
  const { themeId, name, label } = event.data;
  placeTerm(use.defined, { id: themeId, name, label });
  return true;
};

/** Learns the themes a fact tags with; mutates the use it is given. */
export const learnThemesUsed = (use: ThemeUse, ids: readonly string[] | undefined): void => {
  for (const id of ids ?? []) use.used[id] = true;
};

/** The themes the log's facts name, in print order: the built-in ones in their fixed order, then the defined ones in the order defined. */
export const themesInUse = (use: ThemeUse): Theme[] => [...BUILT_IN_THEMES, ...use.defined].filter((theme) => use.used[theme.id] === true);

/** The themes as a vocabulary a log extends (`narrative.theme-defined`). */
export const THEMES: TermVocabulary = { noun: "theme", definedBy: ThemeDefined.type, builtIn: BUILT_IN_THEMES.map((theme) => theme.id) };

/** A fact may tag with a theme only once the log knows it: built in, or defined before (`defined` by id). Issues at `<path>[<index>]`. */
export const requireThemes = (defined: KnownTermIds, ids: readonly string[] | undefined, path: string): Issue[] => (ids ?? []).flatMap((id, index) => unknownTermIssues(THEMES, defined, id, `${path}[${index}]`));

/** A theme is defined once (`defined`: the event defining each id), under an id no built-in theme has; a correction supersedes the definition. */
export const themeDefinitionIssues = (defined: DefinedTermIds, event: DomainEvent): Issue[] =>
  ThemeDefined.is(event) ? termDefinitionIssues(THEMES, defined, event.data.themeId, event.supersedes, "data.themeId") : [];
