import type { AnyProjection, ProjectionOf } from "../../projection/projection.js";
import type { ComputedFigure, FigureArgs, FigureDefinition, FigureLookup, FigureSource } from "../../reconciliation/figure-source.js";
import type { Period } from "../../time/period.js";
import type { ReportBlock, ReportDocument } from "../document/index.js";
import type { ReportPeriodChoice, ReportProjectionNeed } from "../replay-many.js";
import type { FactBasis } from "./fact-basis.js";

/** Projection results as the report runner replayed them, asked for by projection object. */
export interface ReportResultReader {
  readonly get: <R>(projection: ProjectionOf<R>, period?: ReportPeriodChoice) => R | undefined;
}

/**
 * Results a text names that no builder can declare: a comparison period's
 * (`{{courses.cancelled compare=previous-year}}`), since the texts are events folded in the same
 * pass, and the report period's of a figure of the catalog's own modules, which a builder defined
 * before the catalog cannot know. The runner folds what was asked here and not folded, then builds again.
 */
export interface TextComparisonReader {
  readonly get: <R>(projection: ProjectionOf<R>, period: ReportPeriodChoice) => R | undefined;
}

export interface ReportBuildContext {
  readonly kind: ReportDocument["kind"];
  /** The cumulative report period (1 January to the report's end). */
  readonly period: Period;
  readonly results: ReportResultReader;
  /** How the facts behind a figure's evidence were obtained; the house sets it from the log, so every defined figure carries its basis. */
  readonly basisOf?: (evidence: readonly string[]) => FactBasis;
  /** Where a text's figures for a comparison period, and a module's own figures, are read; without it they print as missing. */
  readonly textComparisons?: TextComparisonReader;
  /** The figures a text may name: the catalog's the report is built with; the built-in domains' without it. */
  readonly figures?: FigureLookup;
}

/** Which events each figure rests on, by figure-key prefix, when the projection says. */
export type FigureEvidence = Readonly<Record<string, readonly string[]>>;

/**
 * Blocks for a numbered place in the house structure ("1.2", "2.4", "3.2"). Several builders
 * may fill the same place; the house merges them in builder order. `title` is the house
 * heading when the builder knows it; otherwise the goal or narrative title is used.
 */
export interface Placement {
  /** Which outline block this is ("staff", "metric-table:mal-2-2", "narrative:1.3"): an outline places blocks by it. */
  readonly slot: string;
  /** Where the built-in house puts it when no outline is adopted; printed numbers are computed either way. */
  readonly number: string;
  readonly title: string | null;
  readonly blocks: readonly ReportBlock[];
  /**
   * An unnumbered heading ("Verksamhetsplanering 2022") these blocks stand under, inside the
   * section that holds the slot: numbered sections keep their count, so no number is skipped.
   * Blocks placed after it in the same section stand under it too, as a heading's would.
   */
  readonly heading?: string;
}

/** An appendix after Bilaga 1 (the symbol legend): numbered in the order they come. */
export interface AppendixDraft {
  /** The outline block ("course-participation", "survey-results"). */
  readonly slot: string;
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly ReportBlock[];
}

/** What a section builder returns: where its blocks go, and its figures' evidence. Nothing when it has no facts. */
export interface BuiltSection {
  readonly placements: readonly Placement[];
  readonly appendices: readonly AppendixDraft[];
  readonly evidence: FigureEvidence;
}

export const nothing: BuiltSection = { placements: [], appendices: [], evidence: {} };

export const placed = (slot: string, number: string, title: string | null, blocks: readonly ReportBlock[], evidence: FigureEvidence = {}): BuiltSection =>
  blocks.length === 0 ? nothing : { placements: [{ slot, number, title, blocks }], appendices: [], evidence };

/**
 * The result of a projection, typed by the projection object; undefined when the runner did not
 * replay it (the catalog has no module for it). A builder may read only what it declares.
 */
export const resultOf = <R>(context: ReportBuildContext, projection: ProjectionOf<R>, period: ReportPeriodChoice = "report"): R | undefined => context.results.get(projection, period);

/**
 * A figure from the results, through its definition: the same key, parameters and computation
 * the audit uses. Undefined when the projection was not replayed or the facts say nothing.
 */
export const figureOf = <R, P extends string>(context: ReportBuildContext, figure: FigureDefinition<R, P>, params: FigureArgs<NoInfer<P>>, period: ReportPeriodChoice = "report"): ComputedFigure | undefined => {
  const result = resultOf(context, figure.projection, period);
  return result === undefined ? undefined : figure.computeValue(result, params);
};

/**
 * A part of the house structure: the projections it reads (its figures' projections and any it
 * reads directly), and how it builds its blocks from their results.
 */
export interface ReportSectionBuilder {
  readonly name: string;
  readonly reads: readonly ReportProjectionNeed[];
  readonly build: (context: ReportBuildContext) => BuiltSection;
}

export interface SectionSpec {
  readonly name: string;
  /** Figures the section prints; their projections are read for the report period. */
  readonly figures?: readonly FigureSource[];
  /** Projections read directly (narratives, names, tables), for the report period or a comparison. */
  readonly reads?: readonly (AnyProjection | ReportProjectionNeed)[];
  readonly build: (context: ReportBuildContext) => BuiltSection;
}

const isNeed = (read: AnyProjection | ReportProjectionNeed): read is ReportProjectionNeed => !("evolve" in read);

/** A section builder whose reads are derived from the figures it declares and the projections it names. */
export const defineSection = (spec: SectionSpec): ReportSectionBuilder => {
  const needs: ReportProjectionNeed[] = [];
  const add = (need: ReportProjectionNeed): void => {
    if (!needs.some((known) => known.projection === need.projection && known.period === need.period)) needs.push(need);
  };
  for (const figure of spec.figures ?? []) add({ projection: figure.projection, period: "report" });
  for (const read of spec.reads ?? []) add(isNeed(read) ? read : { projection: read, period: "report" });
  return { name: spec.name, reads: needs, build: spec.build };
};

/** Thrown when a builder reads a projection it did not declare: the report would silently miss it otherwise. */
export class UndeclaredReadError extends Error {}

/** The results a builder may read: only what it declared. */
export const declaredResults = (results: ReportResultReader, builder: ReportSectionBuilder): ReportResultReader => ({
  get: (projection, period = "report") => {
    if (!builder.reads.some((need) => need.projection === projection && need.period === period)) {
      throw new UndeclaredReadError(`report section "${builder.name}" reads projection ${projection.name} (${period}) without declaring it`);
    }
    return results.get(projection, period);
  },
});
