import type { ReportCell } from "../document/blocks.js";
import { blankCell } from "../builders/cells.js";

/**
 * The first cell that has a figure. A slide asks for a year's total as recorded for exactly that
 * period first (the registers' totals of years before the measure was defined), then as the
 * facts compute it: an explicit total for the period is a statement about exactly that period.
 */
export const firstFigure = (...cells: readonly (() => ReportCell)[]): ReportCell => {
  for (const cell of cells) {
    const found = cell();
    if (found.kind === "figure") return found;
  }
  return blankCell();
};
