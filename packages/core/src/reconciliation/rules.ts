import { defineRule, type ConsistencyRule } from "../events/consistency.js";
import type { DomainEvent } from "../events/envelope.js";
import { issue, type Issue } from "../events/issues.js";
import { isPeriodParseError, parsePeriod } from "../time/period.js";
import { FigureStated } from "./events.js";
import type { FigureLookup } from "./figure-source.js";
import { paramsTaken, unknownFigureHint, unknownParamText } from "./figure-reference.js";
import { readSwedishPrinted } from "./printed.js";

/** A stated figure whose key the catalog lacks, or with a parameter the figure does not take: the audit could not compute it. */
const figureIssues = (figures: FigureLookup, data: { readonly figureKey: string; readonly params?: Readonly<Record<string, string>> | undefined }): Issue[] => {
  const source = figures.figure(data.figureKey);
  if (source === undefined) return [issue("unknown-reference", "data.figureKey", `unknown figure "${data.figureKey}"${unknownFigureHint(data.figureKey, figures)}`, { actual: data.figureKey })];
  return source.unknownParams(data.params ?? {}).map((name) =>
    issue("invalid-field", `data.params.${name}`, `${source.key} takes no parameter ${unknownParamText(source, name)}`, { expected: `a parameter it takes: ${paramsTaken(source)}`, actual: name }),
  );
};

/** The rule checking figure keys against these figures; against none when undefined (no catalog has bound it). */
const statedFigureRule = (figures: FigureLookup | undefined): ConsistencyRule<null> => ({
  name: "stated-figure-integrity",
  learnsFrom: [],
  init: () => null,
  learn: () => undefined,
  check: (_state: null, event: DomainEvent) => {
    if (!FigureStated.is(event)) return [];
    const found: Issue[] = figures === undefined ? [] : figureIssues(figures, event.data);
    const period = parsePeriod(event.data.period);
    if (isPeriodParseError(period)) found.push(issue("invalid-field", "data.period", period.message, { actual: event.data.period }));
    const reading = event.data.unit === "text" || event.data.read !== undefined ? undefined : readSwedishPrinted(event.data.printed);
    if (reading !== undefined && !reading.ok) found.push(issue("invalid-field", "data.printed", reading.message, { expected: reading.expected, actual: event.data.printed }));
    if (event.data.unit === "text" && event.data.read !== undefined) found.push(issue("invalid-field", "data.read", "a categorical figure (unit text) has no numeric reading", { expected: "no read field", actual: event.data.read }));
    return found;
  },
  withFigures: (catalog) => statedFigureRule(catalog),
});

/**
 * A stated figure names a figure of the catalog with parameters it takes (as a text's placeholder
 * does: both are refused at append rather than left to the audit), a real period, and a number
 * where its unit is numeric that the document's rules read unambiguously, unless the event gives
 * the value as the encoder read it. The figure is checked once a catalog binds the rule to its
 * figures (`createCatalog` does); a log written with another catalog's figures is still audited,
 * which names a figure it cannot compute.
 */
export const statedFigureIntegrity = defineRule(statedFigureRule(undefined));
