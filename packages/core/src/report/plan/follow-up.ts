import { planBaselineProjection } from "../../domains/plan/baseline.js";
import { planNetCost } from "../../domains/plan/budget-figures.js";
import { planForecastCost, planForecastDeviation, planForecastDeviationShare, planOutcomeDeviation, planOutcomeDeviationShare } from "../../domains/plan/follow-up-figures.js";
import { planFor } from "../../domains/plan/plan-select.js";
import type { ReportCell } from "../document/blocks.js";
import { definedCell, headerRow, reportFigureKey, row, table, textCell } from "../builders/cells.js";
import { defineSection, nothing, placed, resultOf, type BuiltSection, type ReportBuildContext } from "../builders/context.js";
import { ECONOMY_SECTION } from "../builders/economy.js";

type Params = { readonly plan: string; readonly area?: string };
type Place = Parameters<typeof definedCell>[3];

/** Each column's cell through its figure: the budget reads the plan as adopted, the rest the plan beside the books. */
/**
 * `partLabel` heads a column in a report of part of the year: the budget is the whole year's, so
 * budget less the outcome so far is what remains of it, not a deviation (at T1 most of it remains).
 */
const COLUMNS: readonly { readonly id: string; readonly label: string; readonly partLabel?: string; readonly unit: "tkr" | "percent"; readonly cell: (context: ReportBuildContext, params: Params, place: Place) => ReportCell }[] = [
  { id: "budget", label: "Budget", partLabel: "Budget helår", unit: "tkr", cell: (context, params, place) => definedCell(context, planNetCost, params, place) },
  { id: "avvikelse-utfall", label: "Avvikelse mot utfall", partLabel: "Kvar av budgeten", unit: "tkr", cell: (context, params, place) => definedCell(context, planOutcomeDeviation, params, place) },
  { id: "avvikelse-utfall-andel", label: "Avvikelse mot utfall, %", partLabel: "Kvar av budgeten, %", unit: "percent", cell: (context, params, place) => definedCell(context, planOutcomeDeviationShare, params, place) },
  { id: "prognos", label: "Prognos kostnad", unit: "tkr", cell: (context, params, place) => definedCell(context, planForecastCost, params, place) },
  { id: "avvikelse-prognos", label: "Avvikelse mot prognos", unit: "tkr", cell: (context, params, place) => definedCell(context, planForecastDeviation, params, place) },
  { id: "avvikelse-prognos-andel", label: "Avvikelse mot prognos, %", unit: "percent", cell: (context, params, place) => definedCell(context, planForecastDeviationShare, params, place) },
];
const FORECAST_COLUMNS: readonly string[] = ["prognos", "avvikelse-prognos", "avvikelse-prognos-andel"];
const FIGURES = [planNetCost, planOutcomeDeviation, planOutcomeDeviationShare, planForecastCost, planForecastDeviation, planForecastDeviationShare];

/**
 * Summa's budget is every budgeted area's, but its deviations and forecast count only the areas
 * whose books say something: an area with no books yet is a blank, not a zero, and counting its
 * whole budget as unspent would report money saved that nobody has booked. So the deviation
 * columns foot to the rows printed, and the % is that of the compared areas' budget.
 */
const SUMMA_NOTE = "Avvikelser och prognos i Summa räknar bara områden med bokfört utfall respektive prognos; budgeten för ett område utan bokföring ingår inte i dem.";

/**
 * A follow-up's plan columns (block `plan-budget-outcome`): each area the plan in force budgets
 * for the year, its budget as adopted (as known at the cut-off) against the period's outcome and
 * the year's forecast, with the deviation (avvikelse) in kr and per cent. Nothing without a plan.
 */
const buildBudgetOutcome = (context: ReportBuildContext): BuiltSection => {
  const baseline = resultOf(context, planBaselineProjection);
  const plan = baseline === undefined ? undefined : planFor(baseline, undefined);
  const rows = plan?.budget.find((entry) => entry.year === baseline?.year)?.costs ?? [];
  if (plan === undefined || baseline === undefined || rows.length === 0) return nothing;
  const evidence: Record<string, readonly string[]> = {};
  const wholeYear = context.period.start.endsWith("-01-01") && context.period.end === `${context.period.start.slice(0, 4)}-12-31`;
  // The year's own report knows its outcome: a forecast of it made during the year has no place beside it.
  const columns = wholeYear ? COLUMNS.filter((column) => !FORECAST_COLUMNS.includes(column.id)) : COLUMNS;
  const cells = (area: string | undefined) =>
    columns.map((column) =>
      column.cell(context, area === undefined ? { plan: plan.planId } : { plan: plan.planId, area }, {
        key: reportFigureKey(`plan-budget-outcome.${column.id}`, context.period.name, area === undefined ? {} : { area }),
        unit: column.unit,
        options: { withSuffix: false },
        evidence,
      }),
    );
  const name = (areaId: string): string => baseline.areaNames[areaId]?.name ?? areaId;
  const body = rows.map((entry) => row([textCell(name(entry.areaId)), ...cells(entry.areaId)]));
  // An area with a budget and no books shows blanks: say that Summa's deviations leave it out (see SUMMA_NOTE).
  const unbooked = body.some((each) => each.cells.slice(2).some((cell) => cell.kind === "blank"));
  return placed(
    "plan-budget-outcome",
    ECONOMY_SECTION,
    null,
    [
      table({
        id: "plan-budget-utfall",
        caption: `Budget enligt ${plan.title} mot utfall${wholeYear ? "" : " och prognos"}`,
        unitNote: "tkr",
        align: ["left", ...columns.map(() => "right" as const)],
        head: [headerRow(["Område", ...columns.map((column) => (wholeYear ? column.label : (column.partLabel ?? column.label)))])],
        body,
        foot: [row([textCell("Summa", unbooked ? ["*"] : []), ...cells(undefined)])],
        footnotes: unbooked ? [{ mark: "*", markdown: SUMMA_NOTE }] : [],
      }),
    ],
    evidence,
  );
};

export const planBudgetOutcomeSection = defineSection({ name: "plan-budget-outcome", figures: FIGURES, reads: [planBaselineProjection], build: buildBudgetOutcome });
