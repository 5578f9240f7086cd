import { publicationProjection } from "../../domains/publication/publication.js";
import { genitive } from "../builders/organisation.js";
import { financeExternalShare, financeOutcomeShareKnown, financeSourceShare } from "../../domains/finance/source-table-figures.js";
import { outcomeBySourceProjection } from "../../domains/finance/source-tables.js";
import type { FundingSource } from "../../domains/finance/funding-sources.js";
import { blankCell, headerRow, row, table, textCell } from "../builders/cells.js";
import type { ReportTableRow } from "../document/blocks.js";
import type { ReportBlock } from "../document/blocks.js";
import { hasFigures, slideCell, type SlideContext, type SlideSpec } from "./context.js";
import { columnLabel } from "./periods.js";

/** A source's share prints only where the source paid something: a dash-free blank, as the slides leave it. */
const sourceCell = (context: SlideContext, rowId: string, source: string) => {
  const cell = slideCell(context, financeSourceShare, { row: rowId, source }, context.period, "percent");
  return cell.kind === "figure" && cell.figure.exact === "0" ? blankCell() : cell;
};

const shareRow = (context: SlideContext, sources: readonly FundingSource[], rowId: string, label: string): ReportTableRow =>
  row([textCell(label), slideCell(context, financeOutcomeShareKnown, { row: rowId }, context.period, "percent"), ...sources.map((source) => sourceCell(context, rowId, source.id))]);

/** The costs of the tertial by area and by financing source, as shares of the costs whose source is known. */
export const financingSlide: SlideSpec = {
  id: "finansiering-andel",
  title: "Finansiering",
  // A metric of the external financing share measures what this slide shows: its goal heads the slide.
  measures: { figures: [financeSourceShare.key, financeOutcomeShareKnown.key, financeExternalShare.key] },
  reads: [outcomeBySourceProjection, publicationProjection],
  build: (context): ReportBlock[] => {
    const result = context.results.get(outcomeBySourceProjection, context.period);
    const organisation = context.results.get(publicationProjection, context.period)?.profile?.name;
    if (result === undefined) return [];
    // A column for each source the log uses, built in first, then as defined: the organisation's own financiers.
    const sources = result.sources;
    const body = result.rows.map((entry) => shareRow(context, sources, entry.row, entry.name));
    if (!hasFigures(body.flatMap((entry) => entry.cells))) return [];
    return [
      table({
        id: "bild-finansiering-andel",
        caption: `Finansiering av ${organisation === undefined ? "verksamheten" : `${genitive(organisation)} verksamhet`} under ${columnLabel(context.period).toLowerCase()}, andel`,
        align: ["left", "right", ...sources.map(() => "right" as const)],
        head: [headerRow([`Finansiering av utfall ${context.period.end}`, "Andel utfall per verksamhetsområde", ...sources.map((source) => source.label)])],
        body,
        foot: [shareRow(context, sources, "areas", "Summa")],
      }),
      { kind: "paragraph", markdown: "Andelar av kostnaderna med angiven finansiering; andelen utfall per verksamhetsområde avrundad så att kolumnen summerar till 100 %." },
    ];
  },
};
