import type { Decimal } from "../../numbers/decimal.js";
import { dec } from "../../numbers/decimal.js";
import type { FigureOptions } from "../../numbers/format.js";
import type { UnitId } from "../../numbers/units.js";
import type { FigureArgs, FigureDefinition } from "../../reconciliation/figure-source.js";
import type { ReportAlign, ReportCell, ReportFootnote, ReportTable, ReportTableRow } from "../document/blocks.js";
import { reportFigure, type ReportFigure } from "../document/figure.js";
import { comparisonPeriod } from "../../time/period.js";
import type { ReportPeriodChoice } from "../replay-many.js";
import { figureOf, type ReportBuildContext } from "./context.js";

/**
 * A stable figure key: "<projection>.<figure>@<date or period>", then "/name=value" parameters
 * in the order given, e.g. "staffing.fte@2020-08-31/form=visstid".
 */
export const reportFigureKey = (base: string, at: string, params: Readonly<Record<string, string>> = {}): string =>
  [`${base}@${at}`, ...Object.entries(params).map(([name, value]) => `${name}=${value}`)].join("/");

export const textCell = (text: string, marks: readonly string[] = []): ReportCell => ({ kind: "text", text, marks: [...marks] });

export const blankCell = (marks: readonly string[] = []): ReportCell => ({ kind: "blank", marks: [...marks] });

/** A figure cell, or a blank one when the facts say nothing (never a zero). */
export const figureCell = (key: string, exact: string | Decimal | null | undefined, unit: UnitId, options: FigureOptions = {}): ReportCell =>
  exact === null || exact === undefined ? blankCell() : { kind: "figure", figure: reportFigure(key, typeof exact === "string" ? dec(exact) : exact, unit, options), marks: [] };

/** Where a defined cell goes: its stable report key, the unit it is printed in, and the evidence record to fill. */
export interface DefinedCellPlace {
  readonly key: string;
  readonly unit: UnitId;
  readonly options?: FigureOptions;
  readonly evidence?: Record<string, readonly string[]>;
  /** The report period (default) or a comparison period the builder declared it reads. */
  readonly period?: ReportPeriodChoice;
}

/**
 * A cell computed through a figure definition, the same one the audit uses, carrying its key,
 * parameters, period and exact value; blank when the facts say nothing.
 */
export const definedCell = <R, P extends string>(context: ReportBuildContext, figure: FigureDefinition<R, P>, params: FigureArgs<NoInfer<P>>, place: DefinedCellPlace): ReportCell => {
  const printed = definedFigure(context, figure, params, place);
  return printed === null ? blankCell() : { kind: "figure", figure: printed, marks: [] };
};

/** A printed figure (a metric's result, a chart value) computed through a figure definition; null when the facts say nothing. */
export const definedFigure = <R, P extends string>(context: ReportBuildContext, figure: FigureDefinition<R, P>, params: FigureArgs<NoInfer<P>>, place: DefinedCellPlace): ReportFigure | null => {
  const choice = place.period ?? "report";
  const computed = figureOf(context, figure, params, choice);
  if (computed === undefined) return null;
  if (place.evidence !== undefined) place.evidence[place.key] = computed.evidence;
  const period = choice === "report" ? context.period : comparisonPeriod(context.period, choice);
  const definition = { key: figure.key, params: figure.canonicalParams(params), period: period.name };
  return withBasis(context, reportFigure(place.key, computed.exact, place.unit, place.options ?? {}, definition), computed.evidence);
};

/** A printed figure with the basis and the ids of the facts behind it, where the build judges bases (a house build always does). */
export const withBasis = (context: Pick<ReportBuildContext, "basisOf">, printed: ReportFigure, evidence: readonly string[]): ReportFigure => {
  if (context.basisOf === undefined) return printed;
  // Written out, not spread: a report prints hundreds of figures, and the spread of each cost more than making it.
  const { key, exact, text, unit, definition } = printed;
  const basis = context.basisOf(evidence);
  const facts = evidence.slice();
  return definition === undefined ? { key, exact, text, unit, basis, evidence: facts } : { key, exact, text, unit, definition, basis, evidence: facts };
};

export const row = (cells: readonly ReportCell[]): ReportTableRow => ({ cells: [...cells] });

export const headerRow = (labels: readonly string[]): ReportTableRow => row(labels.map((label) => textCell(label)));

export interface TableSpec {
  readonly id: string;
  readonly caption: string;
  readonly unitNote?: string;
  readonly align: readonly ReportAlign[];
  readonly head: readonly ReportTableRow[];
  readonly body: readonly ReportTableRow[];
  readonly foot?: readonly ReportTableRow[];
  readonly footnotes?: readonly ReportFootnote[];
}

export const table = (spec: TableSpec): ReportTable => ({
  kind: "table",
  id: spec.id,
  caption: spec.caption,
  unitNote: spec.unitNote ?? null,
  align: [...spec.align],
  head: [...spec.head],
  body: [...spec.body],
  foot: [...(spec.foot ?? [])],
  footnotes: [...(spec.footnotes ?? [])],
});

