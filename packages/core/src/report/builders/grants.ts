import type { GrantApplicationsResult } from "../../domains/grants/applications.js";
import { metricsProjection } from "../../domains/strategy/index.js";
import { grantApplicationsProjection } from "../../domains/grants/applications.js";
import { period as parsePeriod } from "../../time/period.js";
import { grantsFunderCount, grantsRejectedCount, grantsGrantedAmount, grantsGrantedCount, grantsGrantedShareByAmount, grantsGrantedShareByCount, grantsSubmittedAmount, grantsSubmittedCount } from "../../domains/grants/figures.js";
import type { UnitId } from "../../numbers/units.js";
import { definedCell, headerRow, row, table, textCell } from "./cells.js";
import { nothing, placed, resultOf, type BuiltSection, type ReportBuildContext, defineSection } from "./context.js";
import { monthSpanLabel } from "./kinds.js";

/** Where grants go when no metric names them: 2.2, "Verksamheten söker aktivt externa medel". */
export const GRANTS_SECTION = "2.2";


const sectionOf = (context: ReportBuildContext, grants: GrantApplicationsResult): string => {
  const evidence = new Set(grants.applications.flatMap((application) => application.evidence));
  const metric = resultOf(context, metricsProjection)?.rows.find((row) => row.goalNumber !== null && (row.result?.evidence ?? []).some((id) => evidence.has(id)));
  return metric?.goalNumber ?? GRANTS_SECTION;
};

/** Applications submitted and granted, by count and amount, this period and the same period last year when it has facts. */
const buildGrantsSection = (context: ReportBuildContext): BuiltSection => {
  const current = resultOf(context, grantApplicationsProjection);
  if (current === undefined || current.applications.length === 0) return nothing;
  const before = resultOf(context, grantApplicationsProjection, "same-period-last-year");
  const key = (result: GrantApplicationsResult, what: string): string => `grant-applications.${what}@${result.period}`;
  // Each column through the same figure, for the report period and for the same period last year.
  const periods = [{ result: current, period: "report" as const }, ...(before !== undefined && before.applications.length > 0 ? [{ result: before, period: "same-period-last-year" as const }] : [])];
  const columns = periods.map(({ result }) => result);
  const line = (label: string, what: string, figure: typeof grantsSubmittedCount, unit: UnitId) =>
    row([textCell(label), ...periods.map(({ result, period }) => definedCell(context, figure, {}, { key: key(result, what), unit, period }))]);
  const grants = table({
    id: "ansokningar",
    caption: "Sökta och beviljade externa projektmedel",
    align: ["left", ...columns.map(() => "right" as const)],
    head: [headerRow(["", ...columns.map((result) => monthSpanLabel(parsePeriod(result.period)))])],
    body: [
      line("Antal inskickade ansökningar", "submitted-count", grantsSubmittedCount, "st"),
      line("Antal beviljade ansökningar", "granted-count", grantsGrantedCount, "st"),
      line("Antal avslagna ansökningar", "rejected-count", grantsRejectedCount, "st"),
      line("Antal finansiärer som ansökningarna gick till", "funder-count", grantsFunderCount, "count"),
      line("Andel beviljade ansökningar", "granted-share-by-count", grantsGrantedShareByCount, "percent"),
      line("Sökta projektmedel", "submitted-amount", grantsSubmittedAmount, "kronor"),
      line("Beviljade projektmedel", "granted-amount", grantsGrantedAmount, "kronor"),
      line("Andel beviljade projektmedel", "granted-share-by-amount", grantsGrantedShareByAmount, "percent"),
    ],
  });
  const evidence = { "grant-applications.": columns.flatMap((result) => result.applications.flatMap((application) => application.evidence)) };
  return placed("grants", sectionOf(context, current), null, [grants], evidence);
};

export const grantsSection = defineSection({
  name: "grants",
  figures: [grantsRejectedCount, grantsFunderCount, grantsSubmittedCount, grantsGrantedCount, grantsGrantedShareByCount, grantsSubmittedAmount, grantsGrantedAmount, grantsGrantedShareByAmount],
  reads: [{ projection: grantApplicationsProjection, period: "same-period-last-year" }, metricsProjection],
  build: buildGrantsSection,
});
