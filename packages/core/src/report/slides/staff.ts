import { fteFigure } from "../../domains/staff/figures.js";
import { staffingProjection } from "../../domains/staff/staffing.js";
import { period as parsePeriod } from "../../time/period.js";
import type { ReportBlock } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { tertialRowLabel } from "../builders/kinds.js";
import { hasFigures, slideCell, type SlideContext, type SlideSpec } from "./context.js";

const FORMS = [
  { id: "tjanstekop", label: "Tjänsteköp" },
  { id: "tillsvidare", label: "Tillsvidare" },
  { id: "visstid", label: "Visstid" },
] as const;

const PRINTED = { withSuffix: false } as const;

const formsTable = (context: SlideContext): ReportBlock[] => {
  const tertials = (context.results.get(staffingProjection, context.period)?.tertials ?? []).flatMap((entry) => (entry.fte === null ? [] : [{ label: tertialRowLabel(parsePeriod(entry.tertial)), asOf: entry.fte.asOf }]));
  const body = tertials.map(({ label, asOf }) =>
    row([textCell(label), ...FORMS.map((form) => slideCell(context, fteFigure, { asOf, form: form.id }, context.period, "fte", PRINTED)), slideCell(context, fteFigure, { asOf }, context.period, "fte", PRINTED)]),
  );
  if (!hasFigures(body.flatMap((entry) => entry.cells))) return [];
  const years = [...new Set(tertials.map((entry) => entry.asOf.slice(0, 4)))];
  return [
    table({
      id: "bild-medarbetare-anstallningsformer",
      caption: `Antal medarbetare och anställningsformer under ${years.join(" – ")}`,
      unitNote: "årsarbetare",
      align: ["left", "right", "right", "right", "right"],
      head: [headerRow(["År/anställningsform", ...FORMS.map((form) => form.label), "Summa"])],
      body,
    }),
  ];
};

/** The period end's årsarbetare split by financing: the parts (grund, extern) foot to the total. */
const financingTable = (context: SlideContext): ReportBlock[] => {
  const asOf = context.period.end;
  const total = slideCell(context, fteFigure, { asOf }, context.period, "fte", PRINTED);
  if (total.kind !== "figure") return [];
  return [
    table({
      id: "bild-medarbetare-finansiering",
      caption: "Finansiering av medarbetare",
      unitNote: "årsarbetare",
      align: ["left", "right"],
      head: [headerRow([`Årsarbetare ${asOf}`, "Antal"])],
      body: [
        row([textCell("Grundfinansiering"), slideCell(context, fteFigure, { asOf, financing: "grund" }, context.period, "fte", PRINTED)]),
        row([textCell("Externa medel"), slideCell(context, fteFigure, { asOf, financing: "extern" }, context.period, "fte", PRINTED)]),
      ],
      foot: [row([textCell("Summa"), total])],
    }),
  ];
};

/** Medarbetare: årsarbetare per employment form at each tertial's end, and how they are financed. */
export const staffSlide: SlideSpec = {
  id: "medarbetare",
  title: "Medarbetare",
  reads: [staffingProjection],
  build: (context) => [...formsTable(context), ...financingTable(context)],
};
