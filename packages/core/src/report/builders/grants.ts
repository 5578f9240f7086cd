import type { GrantApplicationsResult } from "../../domains/grants/applications.js";
import { metricsProjection } from "../../domains/strategy/index.js";
import { grantApplicationsProjection } from "../../domains/grants/applications.js";
import { period as parsePeriod } from "../../time/period.js";
import { blankCell, figureCell, headerRow, row, table, textCell } from "./cells.js";
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
  const columns = [current, ...(before !== undefined && before.applications.length > 0 ? [before] : [])];
  const key = (result: GrantApplicationsResult, what: string): string => `grant-applications.${what}@${result.period}`;
  const line = (label: string, cell: (result: GrantApplicationsResult) => ReturnType<typeof figureCell>) => row([textCell(label), ...columns.map(cell)]);
  const share = (result: GrantApplicationsResult, what: string, value: string | null) => (value === null ? blankCell() : figureCell(key(result, what), value, "percent"));
  const grants = table({
    id: "ansokningar",
    caption: "Sökta och beviljade externa projektmedel",
    align: ["left", ...columns.map(() => "right" as const)],
    head: [headerRow(["", ...columns.map((result) => monthSpanLabel(parsePeriod(result.period)))])],
    body: [
      line("Antal inskickade ansökningar", (result) => figureCell(key(result, "submitted-count"), String(result.submitted.count), "st")),
      line("Antal beviljade ansökningar", (result) => figureCell(key(result, "granted-count"), String(result.granted.count), "st")),
      line("Andel beviljade ansökningar", (result) => share(result, "granted-share-by-count", result.grantedShareByCount)),
      line("Sökta projektmedel", (result) => figureCell(key(result, "submitted-amount"), result.submitted.amount, "kronor")),
      line("Beviljade projektmedel", (result) => figureCell(key(result, "granted-amount"), result.granted.amount, "kronor")),
      line("Andel beviljade projektmedel", (result) => share(result, "granted-share-by-amount", result.grantedShareByAmount)),
    ],
  });
  const evidence = { "grant-applications.": columns.flatMap((result) => result.applications.flatMap((application) => application.evidence)) };
  return placed(sectionOf(context, current), null, [grants], evidence);
};

export const grantsSection = defineSection({ name: "grants", reads: [grantApplicationsProjection, { projection: grantApplicationsProjection, period: "same-period-last-year" }, metricsProjection], build: buildGrantsSection });
