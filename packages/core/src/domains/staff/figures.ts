import { Decimal } from "../../numbers/decimal.js";
import { defineFigure, type ComputedFigure, type FigureSource } from "../../reconciliation/figure-source.js";
import type { FteBreakdown, StaffingResult } from "./staffing.js";
import { staffingProjection } from "./staffing.js";

const PARAMS = {
  asOf: "the date the FTE is counted at (a tertial end inside the table, or the period's end); default the period's end",
  form: "only this employment form: a built-in one (tjanstekop, tillsvidare, visstid) or one the log defines (staff.employment-form-defined)",
  financing: "only this financing kind: a built-in one (grund, extern) or one the log defines (staff.financing-defined)",
  group: "only this top-level area of the log's area tree, by its id",
  area: "only this area, by its id, as the breakdown by area records it",
};

const breakdownOn = (result: StaffingResult, date: string | undefined): FteBreakdown | null => {
  if (date === undefined || date === result.atEnd?.asOf) return result.atEnd;
  return result.tertials.find((row) => row.fte?.asOf === date)?.fte ?? null;
};

/** The one part of a breakdown the parameters ask for; undefined when the facts do not say. */
const partOf = (fte: FteBreakdown, params: Readonly<Record<string, string>>): string | undefined => {
  if (params.form !== undefined) return fte.byEmploymentForm?.[params.form];
  if (params.financing !== undefined) return fte.byFinancing?.[params.financing];
  if (params.group !== undefined) return fte.byAreaGroup?.[params.group];
  if (params.area !== undefined) return fte.byArea?.[params.area];
  return fte.total;
};

/** The events behind the part the parameters ask for: from positions, only those counted in it. */
const evidenceOf = (fte: FteBreakdown, params: Readonly<Record<string, string>>): readonly string[] => {
  const cited = fte.evidenceByPart;
  if (cited === undefined) return fte.evidence;
  if (params.form !== undefined) return cited.form[params.form] ?? [];
  if (params.financing !== undefined) return cited.financing[params.financing] ?? [];
  if (params.group !== undefined) return cited.group[params.group] ?? [];
  if (params.area !== undefined) return cited.area[params.area] ?? [];
  return fte.evidence;
};

const fteOn = (result: StaffingResult, params: Readonly<Record<string, string>>, date: string | undefined): ComputedFigure | undefined => {
  const fte = breakdownOn(result, date);
  if (fte === null) return undefined;
  const part = partOf(fte, params);
  return part === undefined ? undefined : { exact: new Decimal(part), evidence: evidenceOf(fte, params), derivation: `FTE on ${fte.asOf} from the ${fte.source === "snapshot" ? "recorded snapshot" : "positions in force"}` };
};

/** FTE at a date, whole or one part of it. */
export const fteFigure = defineFigure(staffingProjection, {
  key: "staffing.fte",
  description: "Årsarbetare at a date: total or one employment form, financing, area group or area.",
  params: PARAMS,
  unit: "fte",
  example: { asOf: "2020-08-31", form: "visstid" },
  footing: [{ over: "form" }, { over: "financing" }, { over: "group" }],
  compute: (result, params) => fteOn(result, params, params.asOf),
});

/** The change in FTE between two dates, as the staff narrative states it ("en ökning med 3,35"). */
export const fteChangeFigure = defineFigure(staffingProjection, {
  key: "staffing.fte-change",
  description: "Change in årsarbetare from one date to another (to − from), total or one part.",
  params: { ...PARAMS, from: "the earlier date (a tertial end)", asOf: "the later date; default the period's end" },
  unit: "fte",
  example: { asOf: "2020-08-31", from: "2019-12-31" },
  compute: (result, params) => {
    const later = fteOn(result, params, params.asOf);
    const earlier = fteOn(result, params, params.from);
    if (later === undefined || earlier === undefined) return undefined;
    return {
      exact: later.exact.minus(earlier.exact),
      evidence: [...earlier.evidence, ...later.evidence],
      derivation: `FTE on ${params.asOf ?? "the period's end"} minus FTE on ${params.from ?? "?"}`,
    };
  },
});

export const staffFigures: readonly FigureSource[] = [fteFigure, fteChangeFigure];
