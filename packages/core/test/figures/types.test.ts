/**
 * Type-level proof: `tsc -p tsconfig.tools.json` (part of the test command) checks this file, and
 * each `@ts-expect-error` fails the type-check when the line below it compiles. So asking for an
 * unknown projection, an unknown figure, or a parameter a figure does not take, does not compile.
 */
import { describe, expect, it } from "vitest";
import * as core from "@tertial/core";
import { budgetFollowUpProjection, defineFigure, figureOf, financeOutcome, fteFigure, period, ReportResults, resultOf, staffingProjection, type ReportBuildContext } from "@tertial/core";

const context: ReportBuildContext = { kind: "delarsrapport", period: period("2020-T1..T2"), results: new ReportResults() };

/** A figure that declares no parameter. */
const withoutParams = defineFigure(staffingProjection, { key: "test.total", description: "the total", params: {}, unit: "fte", example: {}, compute: () => undefined });

describe("figures and projections are checked by the compiler", () => {
  it("reads a result typed by its projection, and figures with the parameters they declare", () => {
    // The result has the projection's own type: no cast.
    const budget = resultOf(context, budgetFollowUpProjection);
    const rows: readonly { readonly row: string }[] | undefined = budget?.rows;
    expect(rows).toBeUndefined();
    expect(figureOf(context, financeOutcome, { row: "fourum-svhs" })).toBeUndefined();
    expect(figureOf(context, fteFigure, { asOf: "2020-08-31", form: "visstid" })).toBeUndefined();
    expect(figureOf(context, withoutParams, {})).toBeUndefined();
  });

  it("refuses an unknown projection, an unknown figure and a parameter a figure does not take", () => {
    // Checked by tsc, never run: each line below an @ts-expect-error must fail to compile.
    const doesNotCompile = (): void => {
      // @ts-expect-error a projection is named by its object, never by a string
      resultOf(context, "budget-follow-up");
      // @ts-expect-error there is no such projection
      resultOf(context, core.budgetFollowUpProjektion);
      // @ts-expect-error there is no such figure
      figureOf(context, core.financeOutcom, {});
      // @ts-expect-error finance.outcome takes `row`, not `area`
      figureOf(context, financeOutcome, { area: "fourum-svhs" });
      // @ts-expect-error staffing.fte takes no `row`
      figureOf(context, fteFigure, { row: "total" });
      // @ts-expect-error a figure declaring no parameter takes none (an empty `{}` type would take any object)
      figureOf(context, withoutParams, { area: "x" });
      defineFigure(staffingProjection, {
        key: "test.wrong",
        description: "compute sees the staffing result, which has no `rows`",
        params: { form: "a form" },
        unit: "fte",
        example: {},
        // @ts-expect-error the staffing result has no `rows`
        compute: (result) => (result.rows === undefined ? undefined : undefined),
      });
      defineFigure(staffingProjection, {
        key: "test.no-params-example",
        description: "a figure declaring no parameter has an example with none",
        params: {},
        unit: "fte",
        // @ts-expect-error `form` is not declared: the figure takes no parameter at all
        example: { form: "visstid" },
        compute: () => undefined,
      });
      defineFigure(staffingProjection, {
        key: "test.example",
        description: "an example may only use declared parameters",
        params: { form: "a form" },
        unit: "fte",
        // @ts-expect-error `financing` is not declared
        example: { financing: "grund" },
        compute: () => undefined,
      });
    };
    expect(doesNotCompile).toBeTypeOf("function");
  });
});
