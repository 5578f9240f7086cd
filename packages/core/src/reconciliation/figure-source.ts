import type { Decimal } from "../numbers/decimal.js";
import type { RoundingRule } from "../numbers/rounding.js";
import { UNITS, type UnitId } from "../numbers/units.js";
import type { AnyProjection, ProjectionOf } from "../projection/projection.js";

/** Parameters a figure is asked with: only the names it declares, each optional (absent means "all"). */
export type FigureParams<P extends string> = { readonly [K in P]?: string };

/**
 * What a caller passes as a figure's parameters: `FigureParams`, except that a figure declaring
 * none takes an empty object only (`FigureParams<never>` is `{}`, which would take any object
 * literal and drop its fields unread). Used where parameters are passed, never in the figure's
 * own type, whose variance a conditional type would break.
 */
export type FigureArgs<P extends string> = [P] extends [never] ? { readonly [name: string]: never } : FigureParams<P>;

/**
 * A figure's example, as `defineFigure` takes it: `FigureParams` and one optional key no figure
 * declares. That makes it a "weak" type, whose object literals TypeScript checks for unknown keys
 * even when the figure declares none (`FigureParams<never>` alone is `{}`, which takes any object
 * literal). Unlike `FigureArgs` it is no conditional type, so `FigureParams<P>` of a generic P,
 * as the helpers that build many figures pass it, is still assignable to it.
 */
export type FigureExample<P extends string> = FigureParams<P> & { readonly "(only declared parameters)"?: never };

/** Hands out a projection's result, typed by the projection object itself; undefined when it was not replayed. */
export type ResultReader = <R>(projection: ProjectionOf<R>) => R | undefined;

/**
 * A figure, erased of its projection's result type: what the catalog, the audit, `tertial
 * figures` and the generated reference hold. Made only by `defineFigure`.
 */
export interface FigureSource {
  /** "finance.outcome", "staffing.fte": the name a `figure stated` event and a report cell use. */
  readonly key: string;
  readonly description: string;
  /** Parameter names this figure takes, with what each means. */
  readonly params: Readonly<Record<string, string>>;
  /** The base unit of the exact value (kr, fte, a ratio as percent); a document may print it in another (tkr). */
  readonly unit: UnitId;
  /** The house rounding when printed in `unit`. */
  readonly rounding: RoundingRule;
  /** The projection whose result the figure is computed from. */
  readonly projection: AnyProjection;
  /** Parameters that give a value in the example log, for the reference. */
  readonly example: Readonly<Partial<Record<string, string>>>;
  /** The declared parameters in one spelling ("b+a" and "a+b" name the same row): how a report cell and a stated figure are matched. */
  readonly canonicalParams: (params: Readonly<Partial<Record<string, string>>>) => Readonly<Record<string, string>>;
  /** The ways printed rows of this figure add up to a printed total, for the audit to foot without hand ties. */
  readonly footing: readonly FootingDimension[];
  /** Parameter names given that the figure does not take (a stated figure from a careless encoder). */
  readonly unknownParams: (params: Readonly<Record<string, string>>) => readonly string[];
  /** The exact value from results read by projection; undefined when the facts say nothing (blank is not zero). */
  readonly evaluate: (read: ResultReader, params: Readonly<Record<string, string>>) => ComputedFigure | undefined;
  /** `evaluate` without what only the audit reads (`FigureSpec.detail`): the same exact value and evidence, what a report prints. */
  readonly value: (read: ResultReader, params: Readonly<Record<string, string>>) => ComputedFigure | undefined;
  /** The rows the figure's table has as the facts give them, named as its row parameter names them; only a figure that can list them (see `RowCoverage`). */
  readonly rows?: (read: ResultReader) => readonly string[] | undefined;
}

/**
 * The figures a catalog holds, as a rule and a report look them up: by key, and every one (to name
 * a near miss). A `Catalog` is one; so is `figureLookup(sources)`.
 */
export interface FigureLookup {
  readonly figure: (key: string) => FigureSource | undefined;
  readonly figures: readonly FigureSource[];
}

/** A lookup over these figures (the first of a key wins; a catalog refuses a key defined twice). */
export const figureLookup = (sources: readonly FigureSource[]): FigureLookup => {
  const byKey = new Map<string, FigureSource>();
  for (const source of sources) if (!byKey.has(source.key)) byKey.set(source.key, source);
  return { figure: (key) => byKey.get(key), figures: sources };
};

/**
 * How printed rows of one table add up: the figure asked with `over` set to each part, and the
 * total where `over` is `total` (or absent when `total` is not given). `alone`: only when no
 * other parameter is given (shares add up across rows only as shares of the whole).
 */
export interface FootingDimension<P extends string = string> {
  readonly over: P;
  readonly total?: string;
  readonly alone?: boolean;
}

/** A figure with its projection's result type and its parameter names kept: what code asks for. */
export interface FigureDefinition<R, P extends string> extends FigureSource {
  readonly params: { readonly [K in P]: string };
  readonly example: FigureParams<P>;
  readonly projection: ProjectionOf<R>;
  readonly compute: (result: R, params: FigureParams<P>) => ComputedFigure | undefined;
  /** `compute` without the audit's detail (`FigureSpec.detail`): what a report cell is made from. */
  readonly computeValue: (result: R, params: FigureParams<P>) => ComputedFigure | undefined;
}

/** What only the audit reads of a computed figure: never its value or its evidence. */
export type FigureDetail = Omit<Partial<ComputedFigure>, "exact" | "evidence" | "text">;

export interface FigureSpec<R, P extends string> {
  readonly key: string;
  readonly description: string;
  readonly params: { readonly [K in P]: string };
  readonly unit: UnitId;
  /** Defaults to the unit's house rounding. */
  readonly rounding?: RoundingRule;
  /** Inferred from `params` only, so a name neither declares is an error, not a new parameter. */
  readonly example: FigureExample<NoInfer<P>>;
  readonly footing?: readonly FootingDimension<NoInfer<P>>[];
  /** One spelling for parameters that can be written several ways; default: as given. */
  readonly canonical?: (params: FigureParams<NoInfer<P>>) => FigureParams<NoInfer<P>>;
  readonly compute: (result: R, params: FigureParams<NoInfer<P>>) => ComputedFigure | undefined;
  /**
   * What the audit reads beside the value (the parts, other readings a document may have printed,
   * disagreeing fact bases, a fuller derivation), added to `compute`'s figure when the figure is
   * evaluated and left out when a report only prints it (`computeValue`, `value`): some of it costs
   * more to work out than the value. It never changes the value or the evidence.
   */
  readonly detail?: (result: R, params: FigureParams<NoInfer<P>>, value: ComputedFigure) => FigureDetail;
  /** The table's rows as the facts give them, for another figure's `RowCoverage` to find a row its own table leaves out. */
  readonly rows?: (result: R) => readonly string[];
}

/** Keeps the parameters a figure declares; the rest are reported by `unknownParams`, never read. */
const declaredOnly = <P extends string>(names: readonly P[], given: Readonly<Partial<Record<string, string>>>): FigureParams<P> => {
  const out: { [K in P]?: string } = {};
  for (const name of names) {
    const value = given[name];
    if (value !== undefined) out[name] = value;
  }
  return out;
};

/** A figure's row lister over the results read by projection. */
const rowsOf =
  <R>(projection: ProjectionOf<R>, rows: (result: R) => readonly string[]) =>
  (read: ResultReader): readonly string[] | undefined => {
    const result = read(projection);
    return result === undefined ? undefined : rows(result);
  };

/**
 * Defines a figure over a projection: `compute` receives the projection's own result type, so
 * renaming or removing the projection, the figure, or a parameter is a compile error at every use.
 */
export const defineFigure = <R, const P extends string = never>(projection: ProjectionOf<R>, spec: FigureSpec<R, P>): FigureDefinition<R, P> => {
  const names = Object.keys(spec.params) as P[];
  const { detail } = spec;
  const compute =
    detail === undefined
      ? spec.compute
      : (result: R, params: FigureParams<P>): ComputedFigure | undefined => {
          const value = spec.compute(result, params);
          return value === undefined ? undefined : { ...value, ...detail(result, params, value) };
        };
  const fromResults =
    (make: (result: R, params: FigureParams<P>) => ComputedFigure | undefined) =>
    (read: ResultReader, given: Readonly<Record<string, string>>): ComputedFigure | undefined => {
      const result = read(projection);
      return result === undefined ? undefined : make(result, declaredOnly(names, given));
    };
  return {
    key: spec.key,
    description: spec.description,
    params: spec.params,
    unit: spec.unit,
    rounding: spec.rounding ?? UNITS[spec.unit].rounding,
    projection,
    example: spec.example,
    compute,
    computeValue: spec.compute,
    footing: spec.footing ?? [],
    canonicalParams: (given) => {
      const declared = declaredOnly(names, given);
      const canonical = spec.canonical === undefined ? declared : spec.canonical(declared);
      return Object.fromEntries(Object.entries(canonical).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
    },
    unknownParams: (given) => Object.keys(given).filter((name) => !(names as readonly string[]).includes(name)),
    evaluate: fromResults(compute),
    value: fromResults(spec.compute),
    ...(spec.rows === undefined ? {} : { rows: rowsOf(projection, spec.rows) }),
  };
};


/** A figure asked for with parameters: what a report cell and a stated figure both name. */
export interface FigureRequest<R, P extends string> {
  readonly figure: FigureDefinition<R, P>;
  readonly params: FigureParams<P>;
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

/**
 * The same amount as another figure gives it from other facts, for the audit to compute and
 * compare: a plan's figure for a year whose books are closed against what the books give (its
 * comparison year's cost against the year's utfall). Checked only when the audit's known-at lies
 * after `closedAfter`, the day the other figure's facts are complete.
 */
export interface CrossCheck {
  readonly figureKey: string;
  readonly params: Readonly<Record<string, string>>;
  readonly period: string;
  readonly closedAfter: string;
  /** What should hold, in a few words ("the plan's outcome for 2025 is the books' utfall of fjarrlan in 2025"). */
  readonly cause: string;
  /**
   * Why the amount cannot be set against the books after all (the facts do not say which of
   * their amounts it is): the audit then says it is not checked, once the other figure's facts
   * are complete and give a value for the period, instead of comparing.
   */
  readonly unchecked?: string;
}

/**
 * The rows of another table this figure's table should have a row for: the audit lists the rows
 * of `figureKey` for `period` (asked by its parameter `over`), and each one not in `has` whose
 * amount is not zero is a row this table leaves out (a plan's opening balances without an area
 * the books carry a balance for). Checked, as a `CrossCheck` is, only once the other figure's
 * facts are complete: when the audit's known-at lies after `closedAfter`.
 */
export interface RowCoverage {
  readonly figureKey: string;
  readonly over: string;
  /** The rows this table has, named as the other figure names them. */
  readonly has: readonly string[];
  readonly period: string;
  readonly closedAfter: string;
  /** What should hold, in a few words ("the opening balances of vp-2026's first year name every area the books of 2025 leave funds"). */
  readonly cause: string;
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
  readonly crossChecks?: readonly CrossCheck[];
  readonly coverage?: readonly RowCoverage[];
}
