import type { AnyProjection, ProjectionOf } from "../../projection/projection.js";
import type { FigureArgs, FigureDefinition } from "../../reconciliation/figure-source.js";
import type { FigureOptions } from "../../numbers/format.js";
import type { UnitId } from "../../numbers/units.js";
import type { Period } from "../../time/period.js";
import type { ReportBlock, ReportCell } from "../document/blocks.js";
import { reportFigure, type ReportFigure } from "../document/figure.js";
import { blankCell, reportFigureKey } from "../builders/cells.js";
import type { SlideColumns } from "./periods.js";
import type { SlideMeasures } from "./goals.js";

/** Projection results by projection object and period name. */
export interface SlideResults {
  readonly get: <R>(projection: ProjectionOf<R>, period: Period) => R | undefined;
}

export interface SlideContext {
  /** The tertial the slides follow up, cumulative from 1 January. */
  readonly period: Period;
  readonly columns: SlideColumns;
  readonly results: SlideResults;
}

/**
 * One slide: its heading, the projections it reads (replayed for every column's period), and
 * its blocks; no blocks when the facts say nothing, and the slide is left out. The heading is
 * the strategic goal the log measures the slide's `measures` under; `title` is the neutral
 * heading it keeps when the log ties them to no goal.
 */
export interface SlideSpec {
  readonly id: string;
  readonly title: string;
  readonly measures?: SlideMeasures;
  readonly reads: readonly AnyProjection[];
  readonly build: (context: SlideContext) => readonly ReportBlock[];
}

/**
 * A printed figure through its definition, for one column's period: the same key, parameters
 * and computation the audit uses, so a `figure stated` event of the slides is matched by key.
 */
export const slideFigure = <R, P extends string>(context: SlideContext, figure: FigureDefinition<R, P>, params: FigureArgs<NoInfer<P>>, period: Period, unit: UnitId, options: FigureOptions = {}): ReportFigure | null => {
  const result = context.results.get(figure.projection, period);
  const computed = result === undefined ? undefined : figure.computeValue(result, params);
  if (computed === undefined) return null;
  const canonical = figure.canonicalParams(params);
  return reportFigure(reportFigureKey(figure.key, period.name, canonical), computed.exact, unit, options, { key: figure.key, params: canonical, period: period.name });
};

/** The same as a table cell: blank when the facts say nothing, never a zero. */
export const slideCell = <R, P extends string>(context: SlideContext, figure: FigureDefinition<R, P>, params: FigureArgs<NoInfer<P>>, period: Period, unit: UnitId, options: FigureOptions = {}): ReportCell => {
  const printed = slideFigure(context, figure, params, period, unit, options);
  return printed === null ? blankCell() : { kind: "figure", figure: printed, marks: [] };
};

/** Whether any cell of some rows carries a figure: a slide without one is left out. */
export const hasFigures = (cells: readonly ReportCell[]): boolean => cells.some((cell) => cell.kind === "figure");
