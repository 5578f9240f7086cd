import { INLINE_FIGURE, MISSING_FIGURE_TEXT, builtInFigures, parseInlineFigure, type InlineFigureRef } from "../../domains/narrative/inline-figures.js";
import { toDecimalString } from "../../numbers/decimal.js";
import { numberWord } from "../../domains/narrative/number-words.js";
import type { ReportProjectionNeed } from "../replay-many.js";
import type { AnyProjection } from "../../projection/projection.js";
import type { FigureLookup, FigureSource, ResultReader } from "../../reconciliation/figure-source.js";
import { basisMark } from "../document/basis.js";
import { reportFigure, type ReportFigure } from "../document/figure.js";
import { reportFigureKey, withBasis } from "./cells.js";
import { resultOf, type ReportBuildContext, type ReportResultReader } from "./context.js";
import { narrativeProjection } from "../../domains/narrative/narrative.js";
import { activitiesProjection } from "../../domains/activities/activities.js";
import { metricDescriptionsProjection } from "./metric-descriptions.js";
import { comparisonPeriod } from "../../time/period.js";

/**
 * What a builder that prints written-in figures reads: the projections of the built-in domains'
 * figures for the report period, so the report replays them (once each, shared with every other
 * builder that reads them; the default house reads nearly all of them anyway). A catalog's own
 * figures are not known when a builder is defined: the runner folds theirs (`catalogTextReads`).
 */
export const INLINE_FIGURE_READS: readonly ReportProjectionNeed[] = [...new Set(builtInFigures().figures.map((source) => source.projection))].map((projection) => ({ projection, period: "report" as const }));

const declaredProjections: ReadonlySet<AnyProjection> = new Set(INLINE_FIGURE_READS.map((need) => need.projection));

/**
 * The projections of a catalog's figures that `INLINE_FIGURE_READS` lacks (a module's own, added
 * with `with`), for the report period: the runner folds them beside the house's, so a text may
 * name those figures as it names the built-in ones. None for the built-in catalog.
 */
export const catalogTextReads = (figures: FigureLookup): readonly ReportProjectionNeed[] =>
  [...new Set(figures.figures.map((source) => source.projection))].filter((projection) => !declaredProjections.has(projection)).map((projection) => ({ projection, period: "report" as const }));

/** The figure a text names: one of the catalog's, or of the built-in domains where the context names no catalog. */
const textFigure = (context: ReportBuildContext, key: string): FigureSource | undefined => (context.figures ?? builtInFigures()).figure(key);

/**
 * The results a placeholder is computed from: the report period's (a built-in figure's, which the
 * builder declares; a module's own, which the runner folded and the text reader hands out), or
 * those of the comparison period it names.
 */
const readerOf = (context: ReportBuildContext, ref: InlineFigureRef): ResultReader => {
  const { compare } = ref;
  if (compare !== undefined) return (projection) => context.textComparisons?.get(projection, compare);
  return (projection) => (declaredProjections.has(projection) ? resultOf(context, projection) : context.textComparisons?.get(projection, "report"));
};

/** One placeholder computed for the report period or the comparison period it names; null when the figure is unknown or the facts say nothing. */
const computeInline = (context: ReportBuildContext, ref: InlineFigureRef, narrativeKey: string): ReportFigure | null => {
  const source = textFigure(context, ref.key);
  if (source === undefined || source.unknownParams(ref.params).length > 0) return null;
  const computed = source.value(readerOf(context, ref), ref.params);
  if (computed === undefined) return null;
  const period = ref.compare === undefined ? context.period : comparisonPeriod(context.period, ref.compare);
  // The narrative and the placeholder's place in it keep the key apart from a table cell of the same figure.
  const reportKey = reportFigureKey(ref.key, period.name, { ...ref.params, narrative: narrativeKey });
  const unit = ref.unit ?? source.unit;
  const rounding = ref.decimals === undefined ? undefined : { decimals: ref.decimals, mode: "half-up" as const };
  // The period the figure is for, by its own name ("2019"): the audit and the coverage walk match it by key, parameters and period.
  const definition = { key: source.key, params: source.canonicalParams(ref.params), period: period.name };
  const shown = ref.signed ? computed.exact : computed.exact.abs();
  const formatted = reportFigure(reportKey, shown, unit, { withSuffix: ref.suffix, ...(rounding === undefined ? {} : { rounding }) }, definition);
  // The exact value keeps its sign and the words their number: the text only is the prose's.
  const word = ref.words === undefined ? undefined : numberWord(formatted.text, ref.words);
  const printed = { ...formatted, exact: toDecimalString(computed.exact), ...(word === undefined ? {} : { text: word }) };
  return withBasis(context, printed, computed.evidence);
};

/**
 * A narrative's Markdown with its figures computed (each for the report period, or for the
 * comparison period it names): each placeholder replaced by the printed figure (with its provenance mark when its facts are not all recorded), and the figures in the
 * order they stand. A figure the facts do not give is printed as "(uppgift saknas)".
 */
export const resolveInlineFigures = (context: ReportBuildContext, narrativeId: string, markdown: string): { readonly markdown: string; readonly figures: ReportFigure[] } => {
  const figures: ReportFigure[] = [];
  let ordinal = 0;
  const resolved = markdown.replace(INLINE_FIGURE, (_whole, key: string, options: string) => {
    ordinal += 1;
    const ref = parseInlineFigure(key, options);
    if (typeof ref === "string") return MISSING_FIGURE_TEXT;
    const figure = computeInline(context, ref, `${narrativeId}.${ordinal}`);
    if (figure === null) return MISSING_FIGURE_TEXT;
    figures.push(figure);
    return `${figure.text}${basisMark(figure)}`;
  });
  return { markdown: resolved, figures };
};

const NONE: readonly ReportProjectionNeed[] = [];

/** Calls `visit` with every text whose placeholders the builders resolve: narratives (footnotes too), metrics' descriptions, activities' status texts. */
const eachText = (results: ReportResultReader, visit: (markdown: string) => void): void => {
  for (const entry of results.get(narrativeProjection)?.entries ?? []) visit(entry.markdown);
  for (const described of Object.values(results.get(metricDescriptionsProjection)?.byMetric ?? {}).flat()) visit(described.markdown);
  for (const activity of results.get(activitiesProjection)?.activities ?? []) if (activity.comment !== null) visit(activity.comment);
};

/** What a placeholder naming a comparison asks the report to fold; undefined for one of the report period (or one that prints as missing anyway). */
const comparisonNeedOf = (figures: FigureLookup, key: string, options: string): ReportProjectionNeed | undefined => {
  const ref = parseInlineFigure(key, options);
  if (typeof ref === "string" || ref.compare === undefined) return undefined;
  const source = figures.figure(ref.key);
  return source === undefined ? undefined : { projection: source.projection, period: ref.compare };
};

/**
 * The projections and comparison periods the report period's texts name (`compare=previous-year`)
 * of these figures (the catalog's), read from the first pass's results; none, with no regular
 * expression run, when no text says "compare=". The runner folds those not folded yet before it builds.
 */
export const comparisonsNamed = (results: ReportResultReader, figures: FigureLookup): readonly ReportProjectionNeed[] => {
  let named: ReportProjectionNeed[] | undefined;
  eachText(results, (markdown) => {
    if (!markdown.includes("compare=")) return;
    for (const match of markdown.matchAll(INLINE_FIGURE)) {
      const need = comparisonNeedOf(figures, match[1] ?? "", match[2] ?? "");
      if (need === undefined || named?.some((known) => known.projection === need.projection && known.period === need.period) === true) continue;
      (named ??= []).push(need);
    }
  });
  return named ?? NONE;
};
