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

/** Another way a document may have arrived at a figure, named so the audit can say which one it used. */
export interface AlternativeFigure {
  readonly exact: Decimal;
  /** In a few words, e.g. "only the costs with a known financing source (29 390 000 kr)". */
  readonly cause: string;
}

/** A second, independent fact base for the same figure that does not agree with the first. */
export interface ConflictingFacts {
  readonly exact: Decimal;
  readonly cause: string;
  readonly evidence: readonly string[];
}

export interface ComputedFigure {
  /** The exact value. For a categorical figure (`text` set) it is not compared; give ZERO. */
  readonly exact: Decimal;
  /** Ids of the events the value rests on, for the auditor. */
  readonly evidence: readonly string[];
  /** How the value was derived, in a few words ("sum of 8 applications submitted in 2020"). */
  readonly derivation?: string;
  /** A categorical figure (status symbol, trend arrow, a name): compared as text, not as a number. */
  readonly text?: string;
  /**
   * How far the exact value may be off because facts were given rounded (in the figure's base
   * unit; half a thousand for each fact given in tkr). The audit accepts any printed value that
   * a value within this distance rounds to.
   */
  readonly uncertainty?: Decimal;
  /**
   * The signed parts the value is the sum of. A document that rounds each part first and then
   * adds them prints the "sum of rounded parts", which the audit recognises as a cause.
   */
  readonly parts?: readonly Decimal[];
  readonly alternatives?: readonly AlternativeFigure[];
  readonly conflicts?: readonly ConflictingFacts[];
}
