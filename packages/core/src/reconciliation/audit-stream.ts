import type { Catalog } from "../events/catalog.js";
import type { EventOf } from "../events/definition.js";
import type { DomainFold, ProjectionContext } from "../projection/projection.js";
import { countingEvents } from "../projection/replay.js";
import type { EventSource } from "../projection/source.js";
import type { Period } from "../time/period.js";
import { auditFindings, FigureComputer, summarise, type AuditFinding, type AuditOptions, type AuditSummary, type FoldStates } from "./audit.js";
import { contradictionExplainer } from "./contradictions.js";
import { FigureStated } from "./events.js";

type Stated = EventOf<typeof FigureStated>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyFold = DomainFold<any>;

interface Wanted {
  readonly fold: AnyFold;
  readonly context: ProjectionContext;
}

const keyOf = (fold: AnyFold, period: Period): string => `${fold.name}\u0000${period.name}`;

/** The stated figures that count as known at the cut-off: all the audit keeps of the log. */
const statedFigures = async (source: EventSource, catalog: Catalog, knownAt: string | undefined): Promise<Stated[]> => {
  const stated: Stated[] = [];
  for await (const event of countingEvents(source, catalog, knownAt)) if (FigureStated.is(event)) stated.push(event);
  return stated;
};

/** Folds every wanted (fold, period) over one read of the log. */
const foldAll = async (source: EventSource, catalog: Catalog, knownAt: string | undefined, wanted: ReadonlyMap<string, Wanted>, into: Map<string, unknown>): Promise<void> => {
  const running = [...wanted].map(([key, { fold, context }]) => ({ key, fold, context, state: fold.init(context) as unknown }));
  for await (const event of countingEvents(source, catalog, knownAt)) for (const entry of running) entry.state = entry.fold.evolve(entry.state, event, entry.context);
  for (const entry of running) into.set(entry.key, entry.state);
};

/**
 * Which fold states the figures ask for, learnt by running the audit over the states known so
 * far with empty ones in place of the rest: a figure may ask for more once it has real results,
 * so the caller repeats until nothing new is asked for.
 */
const missingStates = (stated: readonly Stated[], catalog: Catalog, options: AuditOptions, known: ReadonlyMap<string, unknown>): Map<string, Wanted> => {
  const missing = new Map<string, Wanted>();
  const provisional: FoldStates = (fold, period, context) => {
    const key = keyOf(fold, period);
    if (known.has(key)) return known.get(key);
    missing.set(key, { fold, context });
    return fold.init(context);
  };
  const computer = new FigureComputer(provisional, options.knownAt);
  for (const _finding of auditFindings(stated, computer, catalog, options)) {
    // Only the requests matter here.
  }
  return missing;
};

export interface AuditStream {
  readonly summary: AuditSummary;
  /** The findings in report order, computed as they are read; each may be written and dropped. */
  readonly findings: () => AsyncIterable<AuditFinding>;
}

/**
 * The audit of a log, streamed: memory holds the stated figures and the domain folds' states,
 * never the log's events nor the list of findings. The log is read once for the stated figures
 * and once per round of folds the figures ask for (usually one); the findings are then computed
 * twice from those states, once for the counts the output starts with and once to be written.
 */
export const auditLog = async (source: EventSource, catalog: Catalog, options: AuditOptions = {}): Promise<AuditStream> => {
  const stated = await statedFigures(source, catalog, options.knownAt);
  const states = new Map<string, unknown>();
  for (let missing = missingStates(stated, catalog, options, states); missing.size > 0; missing = missingStates(stated, catalog, options, states)) {
    await foldAll(source, catalog, options.knownAt, missing, states);
  }
  const computer = new FigureComputer((fold, period) => states.get(keyOf(fold, period)), options.knownAt);
  // First pass: the counts and which stated figures disagree (ids only); second: each finding explained and handed on.
  const disagreeing = new Set<string>();
  const summary = summarise(
    (function* () {
      for (const found of auditFindings(stated, computer, catalog, options)) {
        if (found.kind === "disagreement") disagreeing.add(found.statedEventId);
        yield found;
      }
    })(),
    stated,
    options,
  );
  const explain = contradictionExplainer(disagreeing, stated, catalog);
  return {
    summary,
    findings: async function* () {
      for (const found of auditFindings(stated, computer, catalog, options)) yield explain(found);
    },
  };
};
