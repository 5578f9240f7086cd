import type { Catalog } from "../events/catalog.js";
import { replayMany, type ReplayManyResult, type ReportProjectionNeed } from "./replay-many.js";
import { LogBrokenError } from "../log/jsonl-store.js";
import type { ReplaySnapshots } from "../snapshots/fold.js";
import type { EventSource } from "../projection/source.js";
import type { Period } from "../time/period.js";
import { REPORT_KINDS, type ReportKind, type ReportProvenance } from "./document/document.js";
import { knownAtOptionProblem, periodOptionProblem } from "../projection/replay.js";
import { issue, showValue } from "../events/issues.js";
import { didYouMean } from "../events/suggest.js";
import { buildReportDocument, houseNeeds, type BuiltReport, type ReportHouse } from "./builders/house.js";
import { defaultHouse } from "./builders/default-house.js";
import { planHouse } from "./plan/house.js";
import { reportPeriod } from "./builders/kinds.js";
import { isSlideDocument } from "./document/document.js";
import { generateSlides } from "./slides/run.js";
import { TextComparisons } from "./text-comparisons.js";
import { catalogTextReads, comparisonsNamed } from "./builders/inline-figures.js";
import { textsOfOtherPeriods } from "./builders/narratives.js";
import { budgetFollowUpProjection } from "../domains/finance/budget-follow-up.js";
import { carryNotes } from "../domains/finance/carry-checks.js";

export class ReportError extends Error {}

/** The needs, each once, in the order first named. */
const withoutRepeats = (needs: readonly ReportProjectionNeed[]): ReportProjectionNeed[] =>
  needs.filter((need, index) => needs.findIndex((other) => other.projection === need.projection && other.period === need.period) === index);

type Head = ReplayManyResult["head"];

/** The log's lines up to the first pass's head were not the same when read again: it was changed (not appended to) meanwhile. */
const logChangedBetweenPasses = (first: Head, second: Head): LogBrokenError =>
  new LogBrokenError([
    issue("chain-broken", "", `the log changed while the report read it: its head was ${first.hash ?? "empty"} after ${first.lines} line(s), then ${second.hash ?? "empty"} after ${second.lines}; run tertial verify`),
  ]);

export interface ReportOptions {
  readonly kind: ReportKind;
  /** Any period ending where the report ends; the report is cumulative from 1 January. */
  readonly period: Period;
  readonly knownAt?: string;
  /** "tertial 0.1.0": printed in the provenance; no clock, so no date. */
  readonly generatedBy: string;
  readonly organisation?: string;
  readonly house?: ReportHouse;
  /** Called now and then with the number of log lines read, for progress on a terminal. */
  readonly onProgress?: (linesRead: number) => void;
  /** Resume from the nearest snapshot of this report's folds, and take new ones as asked. */
  readonly snapshots?: ReplaySnapshots;
}

/** What is wrong with the options, said as the field, what was given and what was expected; undefined when nothing is. */
const optionsProblem = (options: unknown): string | undefined => {
  if (typeof options !== "object" || options === null) return `options are ${options === undefined ? "missing" : `${showValue(options)}, not an object`}; expected { kind, period, generatedBy, knownAt? }`;
  const given = options as Partial<Record<keyof ReportOptions, unknown>>;
  const kinds: readonly string[] = REPORT_KINDS;
  const { kind } = given;
  if (typeof kind !== "string" || !kinds.includes(kind)) {
    // The command line folds Swedish letters (delårsrapport); the kinds here are exactly as typed, and the near one is named.
    const hint = typeof kind === "string" ? didYouMean(kind, kinds) : "";
    return `kind is ${kind === undefined ? "missing" : showValue(kind)}${hint}; expected one of ${kinds.join(", ")}`;
  }
  const timing = periodOptionProblem(given.period) ?? knownAtOptionProblem(given.knownAt);
  if (timing !== undefined) return timing.text;
  if (typeof given.generatedBy !== "string") return `generatedBy is ${given.generatedBy === undefined ? "missing" : showValue(given.generatedBy)}; expected text for the provenance, e.g. "tertial 0.1.0"`;
  if (given.organisation !== undefined && typeof given.organisation !== "string") return `organisation is ${showValue(given.organisation)}; expected text, or no organisation`;
  if (given.onProgress !== undefined && typeof given.onProgress !== "function") return `onProgress is ${showValue(given.onProgress)}; expected a function of the lines read, or no onProgress`;
  return undefined;
};

/**
 * Builds a report from a log: replays the projections the house structure reads (those the
 * catalog has) in one pass, as known at the cut-off, then assembles the document. When the texts
 * name figures for a comparison period that pass did not fold, a second pass folds just those
 * projections for just those periods (from their own snapshots, when taken) before the document is built.
 */
export const generateReport = async (source: EventSource, catalog: Catalog, options: ReportOptions): Promise<BuiltReport> => {
  // Checked where they enter: a caller's mistake (plain JavaScript's, or a cast) is named here, not met as a TypeError deep in the build.
  const problem = optionsProblem(options);
  if (problem !== undefined) throw new ReportError(`generateReport: ${problem}`);
  const resolved = reportPeriod(options.kind, options.period);
  if (!resolved.ok) throw new ReportError(resolved.message);
  if (isSlideDocument(options)) return generateSlides(source, catalog, { ...options, period: resolved.period });
  const house = options.house ?? (options.kind === "verksamhetsplan" ? planHouse : defaultHouse);
  const known = (need: ReportProjectionNeed): boolean => house.projections.includes(need.projection) || catalog.projection(need.projection.name) !== undefined;
  // A domain projection the catalog lacks is not replayed: its sections say nothing rather than fold events the catalog cannot decode.
  // A module's own figures' projections are folded too, so its texts may name them (none for the built-in catalog).
  const needs: ReportProjectionNeed[] = withoutRepeats([...houseNeeds(house), ...catalogTextReads(catalog)]).filter(known);
  // Both passes resume from snapshots of their own folds (a plan each), and `tertial snapshot` takes both.
  const replayOptions = {
    period: resolved.period,
    ...(options.knownAt === undefined ? {} : { knownAt: options.knownAt }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.snapshots === undefined ? {} : { snapshots: options.snapshots }),
  };
  const replayed = await replayMany(source, catalog, needs, replayOptions);
  const provenance: ReportProvenance = {
    logHash: replayed.head.hash,
    eventCount: replayed.events,
    knownAt: options.knownAt ?? null,
    period: { name: resolved.period.name, start: resolved.period.start, end: resolved.period.end },
    generatedBy: options.generatedBy,
  };
  // The texts are events folded in the pass above: only now is it known which comparisons they name.
  /** Makes the results of the comparisons named and not yet made; whether there were any. */
  const foldComparisons = async (named: readonly ReportProjectionNeed[]): Promise<boolean> => {
    const missing = named.filter((need) => known(need) && !replayed.results.has(need.projection, need.period));
    // A comparison whose folds ran for another need (a metric's) is made from them, with no pass of its own.
    const wanted = missing.filter((need) => !replayed.adopt(need));
    if (wanted.length > 0) {
      // The same source and cut-off, and snapshots of these folds when there are some: without them, this pass reads the log from its start.
      // It stops at the first pass's head, so a writer appending meanwhile changes nothing the report prints.
      const compared = await replayMany(source, catalog, wanted, { ...replayOptions, untilSeq: replayed.head.lines });
      if (compared.head.hash !== replayed.head.hash || compared.head.lines !== replayed.head.lines) throw logChangedBetweenPasses(replayed.head, compared.head);
      for (const { projection, period } of wanted) replayed.results.set(projection, period, compared.results.get(projection, period));
    }
    return missing.length > 0;
  };
  await foldComparisons(comparisonsNamed(replayed.results, catalog));
  const build = (textComparisons: TextComparisons): BuiltReport =>
    buildReportDocument({
      context: { kind: options.kind, period: resolved.period, results: replayed.results, textComparisons, figures: catalog },
      provenance,
      house,
      ...(options.organisation === undefined ? {} : { organisation: options.organisation }),
    });
  const asked = new TextComparisons(replayed.results);
  const first = build(asked);
  // A text the scan does not know (a house's own builder's) named a comparison not folded: fold it and build once more.
  const built = (await foldComparisons(asked.notFolded)) ? build(new TextComparisons(replayed.results)) : first;
  const notes = [...textsOfOtherPeriods({ kind: options.kind, period: resolved.period, results: replayed.results }), ...carryNotes(replayed.results.get(budgetFollowUpProjection, "report"))];
  return notes.length === 0 ? built : { ...built, notes };
};
