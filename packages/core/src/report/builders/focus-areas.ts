import { headerRow, row, table, textCell } from "./cells.js";
import { reportGoalsProjection } from "./goals.js";
import { nothing, placed, resultOf, type BuiltSection, type ReportBuildContext, defineSection } from "./context.js";
import { HIGHLIGHTS_SECTION, HIGHLIGHTS_TITLE } from "./narratives.js";

/** The year's focus areas (fokusområden), as decided, at the head of 1.1. */
const buildFocusAreasSection = (context: ReportBuildContext): BuiltSection => {
  const focusAreas = resultOf(context, reportGoalsProjection)?.focusAreas ?? [];
  if (focusAreas.length === 0) return nothing;
  const year = focusAreas[0]?.year ?? "";
  const decided = focusAreas.some((area) => area.decidedOn !== null);
  return placed("focus-areas", HIGHLIGHTS_SECTION, HIGHLIGHTS_TITLE, [
    table({
      id: "fokusomraden",
      caption: `Fokusområden för ${year}`,
      align: decided ? ["right", "left", "left"] : ["right", "left"],
      head: [headerRow(decided ? ["Nr", "Fokusområde", "Beslutat"] : ["Nr", "Fokusområde"])],
      body: focusAreas.map((area) => row([textCell(String(area.number)), textCell(area.title), ...(decided ? [textCell(area.decidedOn ?? "")] : [])])),
    }),
  ]);
};

export const focusAreasSection = defineSection({ name: "focus-areas", reads: [reportGoalsProjection], build: buildFocusAreasSection });
