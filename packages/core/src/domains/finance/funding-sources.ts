import type { DomainEvent } from "../../events/envelope.js";
import { placeTerm, termDefinitionIssues, unknownTermIssues, type DefinedTermIds, type KnownTermIds, type TermVocabulary } from "../../events/defined-terms.js";
import type { Issue } from "../../events/issues.js";
import { BalanceRecorded, CostBooked, FundingSourceDefined, FundsReceived, INTERNAL_FINANCING } from "./events.js";

/** A financing source as the money tables print it. */
export interface FundingSource {
  readonly id: string;
  /** The source as a sentence names it, in lower case ("staten", "regionen"). */
  readonly name: string;
  /** Its column heading in the money tables ("Tillförda medel staten"). */
  readonly label: string;
  /** Where a sentence ends a list of financiers with it and the short name would read as "the others". */
  readonly inFull?: string;
  /** A row of the source's funds as a plan's closing-balance table heads it ("Statsbidrag"); without it, the name capitalised. */
  readonly balanceLabel?: string;
  /** Whether the external financing share (`finance.external-share`) counts its money: from outside the organisation's own members. */
  readonly external: boolean;
}

/** The sources every log knows, in the order the tables print them: the first organisation's, and plain enough for any. */
export const BUILT_IN_SOURCES: readonly FundingSource[] = [
  { id: "kommunerna", name: "kommunerna", label: "Tillförda medel kommunerna", balanceLabel: "Länets kommuner", external: false },
  { id: "staten", name: "staten", label: "Tillförda medel staten", balanceLabel: "Statsbidrag", external: true },
  { id: "ovriga", name: "övriga", label: "Tillförda medel övriga", balanceLabel: "Övriga", inFull: "övriga finansiärer", external: true },
];

/** Ids no source may be defined under: the cost that other areas finance, and the tally of costs with no source given. */
export const RESERVED_SOURCE_IDS: readonly string[] = [INTERNAL_FINANCING, "unknown"];

/** What a fold knows of the sources: those the log defined, in order, and the ids its facts name. */
export interface FundingSourceUse {
  defined: FundingSource[];
  used: Record<string, true>;
}

export const emptySourceUse = (): FundingSourceUse => ({ defined: [], used: {} });

/** The source ids a fact names: a flow's source, a balance's split. */
const namedSources = (event: DomainEvent): readonly string[] => {
  if (FundsReceived.is(event) || CostBooked.is(event)) return event.data.source === undefined || event.data.source === INTERNAL_FINANCING ? [] : [event.data.source];
  if (BalanceRecorded.is(event)) return Object.keys(event.data.bySource ?? {});
  return [];
};

/** Learns a definition, or the sources a fact names; mutates the use it is given. */
export const learnSources = (use: FundingSourceUse, event: DomainEvent): void => {
  if (FundingSourceDefined.is(event)) {
    const { sourceId, name, label, external } = event.data;
    placeTerm(use.defined, { id: sourceId, name, label, external: external === true });
    return;
  }
  for (const id of namedSources(event)) use.used[id] = true;
};

/**
 * The sources the log's facts name, in print order: the built-in ones in their fixed order, then
 * the defined ones in the order they were defined. A source no fact names gets no column.
 */
export const sourcesInUse = (use: FundingSourceUse): FundingSource[] => [...BUILT_IN_SOURCES, ...use.defined].filter((source) => use.used[source.id] === true);

/** A source's name at the start of a chart label or a sentence: its first letter capitalised. */
export const capitalised = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/** How a row of the source's funds is headed in a plan's closing-balance table: its balance label, else its name capitalised. */
export const balanceLabelOf = (source: FundingSource): string => source.balanceLabel ?? capitalised(source.name);

/** A source's balance label by id: a built-in source's own, a defined one's name (`definedNames` by id) capitalised. */
export const balanceLabelById = (id: string, definedNames: Readonly<Record<string, string>>): string => {
  const builtIn = BUILT_IN_SOURCES.find((source) => source.id === id);
  return builtIn === undefined ? capitalised(definedNames[id] ?? id) : balanceLabelOf(builtIn);
};

/** Names joined as a Swedish list: "a", "a och b", "a, b och c". */
export const listOfNames = (names: readonly string[]): string => (names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} och ${names[names.length - 1] ?? ""}`);

/** The financiers of a table as a sentence lists them, the last one in full where it needs to be. */
export const financiersPhrase = (sources: readonly FundingSource[]): string =>
  listOfNames(sources.map((source, index) => (index === sources.length - 1 ? source.inFull ?? source.name : source.name)));

/** The financing sources as a vocabulary a log extends (`finance.funding-source-defined`). */
export const FUNDING_SOURCES: TermVocabulary = {
  noun: "financing source",
  definedBy: FundingSourceDefined.type,
  builtIn: BUILT_IN_SOURCES.map((source) => source.id),
  reserved: { ids: RESERVED_SOURCE_IDS, because: 'a cost\'s source "internal" means the other areas, "unknown" the costs with no source given' },
};

/** A fact may name a source only once the log knows it: built in, or defined before (`defined` by id). */
export const requireFundingSource = (defined: KnownTermIds, source: string | undefined, path: string): Issue[] => unknownTermIssues(FUNDING_SOURCES, defined, source, path);

/** A source is defined once, under an id no built-in or reserved name has; a correction supersedes the definition. */
export const fundingSourceDefinitionIssues = (defined: DefinedTermIds, sourceId: string, supersedes: string | undefined): Issue[] =>
  termDefinitionIssues(FUNDING_SOURCES, defined, sourceId, supersedes, "data.sourceId");
