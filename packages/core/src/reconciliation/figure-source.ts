import type { Decimal } from "../numbers/decimal.js";
import type { UnitId } from "../numbers/units.js";
import type { AnyProjection } from "../projection/projection.js";

/**
 * A figure the facts can compute, named by a key ("staffing.fte-total", "finance.remaining")
 * and parameters ({ area: "fourum-svhs", form: "visstid" }). Domain modules register these so
 * that a `figure stated` in a published document can be checked against the facts.
 */
export interface FigureSource {
  readonly key: string;
  readonly description: string;
  /** Parameter names this figure takes, with what each means. */
  readonly params: Readonly<Record<string, string>>;
  readonly unit: UnitId;
  readonly projection: AnyProjection;
  /** The exact value from the projection's result, or undefined when the facts say nothing (blank is not zero). */
  readonly compute: (result: unknown, params: Readonly<Record<string, string>>) => ComputedFigure | undefined;
}

export interface ComputedFigure {
  readonly exact: Decimal;
  /** Ids of the events the value rests on, for the auditor. */
  readonly evidence: readonly string[];
  /** How the value was derived, in a few words ("sum of 8 applications submitted in 2020"). */
  readonly derivation?: string;
}
