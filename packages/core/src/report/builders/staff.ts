import { referenceProjection } from "../../domains/reference/projection.js";
import { staffingProjection } from "../../domains/staff/staffing.js";
import type { FteBreakdown, StaffingResult } from "../../domains/staff/staffing.js";
import { period as parsePeriod } from "../../time/period.js";
import type { ReportBlock, ReportChart, ReportTable } from "../document/blocks.js";
import type { ReportFigure } from "../document/figure.js";
import { fteChangeFigure, fteFigure } from "../../domains/staff/figures.js";
import { termsIn, type StaffTerm } from "../../domains/staff/vocabulary.js";
import { definedCell, definedFigure, reportFigureKey, headerRow, row, table, textCell } from "./cells.js";
import { nothing, placed, resultOf, type BuiltSection, type FigureEvidence, type ReportBuildContext, defineSection } from "./context.js";
import { tertialRowLabel } from "./kinds.js";

/** Where the house prints staff: 1.2 Medarbetare. */
export const STAFF_SECTION = "1.2";

const fteKey = (asOf: string, params: Readonly<Record<string, string>> = {}): string => reportFigureKey("staffing.fte", asOf, params);

type Part = { readonly form: string } | { readonly financing: string } | { readonly group: string } | Record<string, never>;

const PRINTED = { withSuffix: false } as const;

/** FTE at a date, whole or one part, through the figure the audit checks it with. */
const fteCell = (context: ReportBuildContext, asOf: string, part: Part = {}) => definedCell(context, fteFigure, { asOf, ...part }, { key: fteKey(asOf, part), unit: "fte", options: PRINTED });

/** The change in FTE from one date to another (staffing.fte-change), printed with its sign. */
const changeCell = (context: ReportBuildContext, from: string, asOf: string, part: Part = {}) =>
  definedCell(context, fteChangeFigure, { asOf, from, ...part }, { key: `${fteKey(asOf, part)}/change-from=${from}`, unit: "fte", options: { ...PRINTED, explicitPlus: true } });

interface TertialRow {
  readonly label: string;
  readonly fte: FteBreakdown;
}

const tertialRows = (result: StaffingResult): TertialRow[] =>
  result.tertials.flatMap((entry) => (entry.fte === null ? [] : [{ label: tertialRowLabel(parsePeriod(entry.tertial)), fte: entry.fte }]));

const yearsOf = (rows: readonly TertialRow[]): string => {
  const years = [...new Set(rows.map((entry) => entry.fte.asOf.slice(0, 4)))];
  return years.length === 1 ? (years[0] ?? "") : `${years[0] ?? ""} – ${years[years.length - 1] ?? ""}`;
};

/** The employment forms the rows name, in print order: the table's columns and the chart's series. */
const formsOf = (result: StaffingResult, rows: readonly TertialRow[]): StaffTerm[] => termsIn(result.employmentForms, rows.map((entry) => entry.fte.byEmploymentForm));

const formsTable = (context: ReportBuildContext, rows: readonly TertialRow[], forms: readonly StaffTerm[]): ReportTable =>
  table({
    id: "staff-employment-forms",
    caption: `Antal medarbetare och anställningsformer under ${yearsOf(rows)}`,
    unitNote: "årsarbetare",
    align: ["left", ...forms.map(() => "right" as const), "right"],
    head: [headerRow(["År/anställningsform", ...forms.map((form) => form.label), "Summa"])],
    body: rows.map(({ label, fte }) =>
      row([
        textCell(label),
        ...forms.map((form) => fteCell(context, fte.asOf, { form: form.id })),
        fteCell(context, fte.asOf),
      ]),
    ),
  });

const seriesValue = (context: ReportBuildContext, fte: FteBreakdown, form: string): ReportFigure | null =>
  definedFigure(context, fteFigure, { asOf: fte.asOf, form }, { key: fteKey(fte.asOf, { form }), unit: "fte", options: PRINTED });

const formsChart = (context: ReportBuildContext, rows: readonly TertialRow[], forms: readonly StaffTerm[]): ReportChart => ({
  kind: "chart",
  id: "staff-fte-by-form",
  chart: "stacked-bar",
  title: "Årsarbetare per anställningsform och tertial",
  unit: "fte",
  categories: rows.map((entry) => entry.label),
  series: forms.map((form) => ({ name: form.label, values: rows.map((entry) => seriesValue(context, entry.fte, form.id)) })),
  targetLines: [],
  labels: { category: "Tertial", value: "Årsarbetare" },
});

const areaName = (context: ReportBuildContext, areaId: string): string => resultOf(context, referenceProjection)?.areas.find((area) => area.id === areaId)?.name ?? areaId;

/** FTE per part of the organisation at the last year-end and now, with the change: the figures the staff narrative cites. */
const groupsTable = (context: ReportBuildContext, previous: FteBreakdown | undefined, atEnd: FteBreakdown, previousLabel: string, endLabel: string): ReportTable | null => {
  if (atEnd.byAreaGroup === null) return null;
  // Without a year-end before (the log's first year), there is nothing to compare: no empty columns.
  const line = (label: string, part: Part) =>
    row(
      previous === undefined
        ? [textCell(label), fteCell(context, atEnd.asOf, part)]
        : [textCell(label), fteCell(context, previous.asOf, part), fteCell(context, atEnd.asOf, part), changeCell(context, previous.asOf, atEnd.asOf, part)],
    );
  return table({
    id: "staff-by-group",
    caption: "Årsarbetare per del av verksamheten",
    unitNote: "årsarbetare",
    align: previous === undefined ? ["left", "right"] : ["left", "right", "right", "right"],
    head: [headerRow(previous === undefined ? ["Verksamhet", endLabel] : ["Verksamhet", previousLabel, endLabel, "Förändring"])],
    // One row per top-level area with staff, by the name the area has in the log, in the order of its id.
    body: Object.keys(atEnd.byAreaGroup)
      .sort()
      .map((group) => line(areaName(context, group), { group })),
    foot: [line("Summa", {})],
  });
};

const financingTable = (context: ReportBuildContext, kinds: readonly StaffTerm[], atEnd: FteBreakdown, endLabel: string): ReportTable | null =>
  atEnd.byFinancing === null
    ? null
    : table({
        id: "staff-financing",
        caption: `Finansiering av medarbetare, ${endLabel}`,
        unitNote: "årsarbetare",
        align: ["left", "right"],
        head: [headerRow(["Finansiering", "Årsarbetare"])],
        body: termsIn(kinds, [atEnd.byFinancing]).map((kind) => row([textCell(kind.label), fteCell(context, atEnd.asOf, { financing: kind.id })])),
        foot: [row([textCell("Summa"), fteCell(context, atEnd.asOf)])],
      });

const evidenceOf = (rows: readonly FteBreakdown[]): FigureEvidence => {
  const out: Record<string, readonly string[]> = {};
  for (const fte of rows) out[`staffing.fte@${fte.asOf}`] = fte.evidence;
  return out;
};

/**
 * 1.2 Medarbetare: FTE by employment form at each tertial end since the previous year began
 * (table and chart), FTE per part of the organisation against the previous year-end, and
 * financing. The forms and financing kinds are the log's own (built-in first, then defined), as
 * many as the rows name. Left out when no staffing facts exist for the period.
 */
const buildStaffSection = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, staffingProjection);
  if (result === undefined) return nothing;
  const rows = tertialRows(result);
  const atEnd = result.atEnd;
  if (rows.length === 0 && atEnd === null) return nothing;
  const blocks: ReportBlock[] = [];
  if (rows.length > 0) {
    const forms = formsOf(result, rows);
    blocks.push(formsTable(context, rows, forms), formsChart(context, rows, forms));
  }
  if (atEnd !== null) {
    const previousYearEnd = rows.find((entry) => entry.fte.asOf === `${Number(atEnd.asOf.slice(0, 4)) - 1}-12-31`);
    const endLabel = rows.find((entry) => entry.fte.asOf === atEnd.asOf)?.label ?? atEnd.asOf;
    const groups = groupsTable(context, previousYearEnd?.fte, atEnd, previousYearEnd?.label ?? "", endLabel);
    if (groups !== null) blocks.push(groups);
    const financing = financingTable(context, result.financingKinds, atEnd, endLabel);
    if (financing !== null) blocks.push(financing);
  }
  const breakdowns = [...(atEnd === null ? [] : [atEnd]), ...rows.map((entry) => entry.fte)];
  return placed("staff", STAFF_SECTION, "Medarbetare", blocks, evidenceOf(breakdowns));
};

export const staffSection = defineSection({ name: "staff", figures: [fteFigure, fteChangeFigure], reads: [referenceProjection], build: buildStaffSection });
