import { fteFigure } from "../../domains/staff/figures.js";
import { staffingProjection, type StaffingResult } from "../../domains/staff/staffing.js";
import { termsIn } from "../../domains/staff/vocabulary.js";
import { period as parsePeriod } from "../../time/period.js";
import type { ReportBlock } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { tertialRowLabel } from "../builders/kinds.js";
import { hasFigures, slideCell, type SlideContext, type SlideSpec } from "./context.js";

const PRINTED = { withSuffix: false } as const;

/** The tertial ends' årsarbetare per employment form the log uses (built-in first, then defined), with the total. */
const formsTable = (context: SlideContext, result: StaffingResult): ReportBlock[] => {
  const breakdowns = result.tertials.flatMap((entry) => (entry.fte === null ? [] : [{ label: tertialRowLabel(parsePeriod(entry.tertial)), fte: entry.fte }]));
  const forms = termsIn(result.employmentForms, breakdowns.map((entry) => entry.fte.byEmploymentForm));
  const tertials = breakdowns.map((entry) => ({ label: entry.label, asOf: entry.fte.asOf }));
  const body = tertials.map(({ label, asOf }) =>
    row([textCell(label), ...forms.map((form) => slideCell(context, fteFigure, { asOf, form: form.id }, context.period, "fte", PRINTED)), slideCell(context, fteFigure, { asOf }, context.period, "fte", PRINTED)]),
  );
  if (!hasFigures(body.flatMap((entry) => entry.cells))) return [];
  const years = [...new Set(tertials.map((entry) => entry.asOf.slice(0, 4)))];
  return [
    table({
      id: "bild-medarbetare-anstallningsformer",
      caption: `Antal medarbetare och anställningsformer under ${years.join(" – ")}`,
      unitNote: "årsarbetare",
      align: ["left", ...forms.map(() => "right" as const), "right"],
      head: [headerRow(["År/anställningsform", ...forms.map((form) => form.label), "Summa"])],
      body,
    }),
  ];
};

/** The period end's årsarbetare split by the financing kinds it names (built-in first, then defined): the parts foot to the total. */
const financingTable = (context: SlideContext, result: StaffingResult): ReportBlock[] => {
  const asOf = context.period.end;
  const total = slideCell(context, fteFigure, { asOf }, context.period, "fte", PRINTED);
  if (total.kind !== "figure") return [];
  const kinds = termsIn(result.financingKinds, [result.atEnd?.byFinancing ?? null]);
  // Without a split at the period's end, a table of only its total says nothing about financing.
  if (kinds.length === 0) return [];
  return [
    table({
      id: "bild-medarbetare-finansiering",
      caption: "Finansiering av medarbetare",
      unitNote: "årsarbetare",
      align: ["left", "right"],
      head: [headerRow([`Årsarbetare ${asOf}`, "Antal"])],
      body: kinds.map((kind) => row([textCell(kind.label), slideCell(context, fteFigure, { asOf, financing: kind.id }, context.period, "fte", PRINTED)])),
      foot: [row([textCell("Summa"), total])],
    }),
  ];
};

/** Medarbetare: årsarbetare per employment form at each tertial's end, and how they are financed. */
export const staffSlide: SlideSpec = {
  id: "medarbetare",
  title: "Medarbetare",
  reads: [staffingProjection],
  build: (context) => {
    const result = context.results.get(staffingProjection, context.period);
    return result === undefined ? [] : [...formsTable(context, result), ...financingTable(context, result)];
  },
};
