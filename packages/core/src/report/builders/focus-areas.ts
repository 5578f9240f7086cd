import { headerRow, row, table, textCell } from "./cells.js";
import { reportGoalsProjection, type ReportFocusArea } from "./goals.js";
import { nothing, resultOf, type BuiltSection, type Placement, type ReportBuildContext, defineSection } from "./context.js";
import { HIGHLIGHTS_SECTION, HIGHLIGHTS_TITLE } from "./narratives.js";

/** One table of focus areas: the whole organisation's, or one area's own. */
const focusAreaTable = (id: string, caption: string, focusAreas: readonly ReportFocusArea[]) => {
  const decided = focusAreas.some((area) => area.decidedOn !== null);
  return table({
    id,
    caption,
    align: decided ? ["right", "left", "left"] : ["right", "left"],
    head: [headerRow(decided ? ["Nr", "Fokusområde", "Beslutat"] : ["Nr", "Fokusområde"])],
    body: focusAreas.map((area) => row([textCell(String(area.number)), textCell(area.title), ...(decided ? [textCell(area.decidedOn ?? "")] : [])])),
  });
};

/**
 * The focus areas (fokusområden) in force in the report's year: the organisation's in the slot
 * "focus-areas" (at the head of 1.1 in the built-in house), and each area's own in the slot
 * "focus-areas:<areaId>", which an outline places with the block parameter `area`.
 */
const buildFocusAreasSection = (context: ReportBuildContext): BuiltSection => {
  const result = resultOf(context, reportGoalsProjection);
  const focusAreas = result?.focusAreas ?? [];
  if (focusAreas.length === 0) return nothing;
  const year = context.period.end.slice(0, 4);
  const organisation = focusAreas.filter((area) => area.areaId === null);
  const areaIds = [...new Set(focusAreas.flatMap((area) => (area.areaId === null ? [] : [area.areaId])))].sort();
  const placements: Placement[] = [
    ...(organisation.length === 0 ? [] : [{ slot: "focus-areas", number: HIGHLIGHTS_SECTION, title: HIGHLIGHTS_TITLE, blocks: [focusAreaTable("fokusomraden", `Fokusområden för ${year}`, organisation)] }]),
    ...areaIds.map((areaId) => ({
      slot: `focus-areas:${areaId}`,
      number: HIGHLIGHTS_SECTION,
      title: HIGHLIGHTS_TITLE,
      blocks: [focusAreaTable(`fokusomraden-${areaId}`, `Fokusområden för ${result?.areaNames[areaId] ?? areaId} ${year}`, focusAreas.filter((area) => area.areaId === areaId))],
    })),
  ];
  return { placements, appendices: [], evidence: {} };
};

export const focusAreasSection = defineSection({ name: "focus-areas", reads: [reportGoalsProjection], build: buildFocusAreasSection });
