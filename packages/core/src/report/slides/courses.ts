import { coursesCancelled, coursesHeld, coursesHeldChange, coursesParticipants, coursesParticipantsChange } from "../../domains/courses/figures.js";
import type { UnitId } from "../../numbers/units.js";
import type { FigureDefinition } from "../../reconciliation/figure-source.js";
import type { ReportBlock, ReportChart, ReportTableRow } from "../document/blocks.js";
import { headerRow, row, table, textCell } from "../builders/cells.js";
import { hasFigures, slideCell, slideFigure, type SlideContext, type SlideSpec } from "./context.js";
import { columnLabel } from "./periods.js";
import { referenceProjection } from "../../domains/reference/projection.js";
import { courseArrangerName } from "../builders/course-arranger.js";

const CHANGE = { withSuffix: true, explicitPlus: true } as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const yearRow = (context: SlideContext, label: string, figure: FigureDefinition<any, never>, unit: UnitId, options = {}): ReportTableRow =>
  row([textCell(label), ...context.columns.halfYear.map((period) => slideCell(context, figure, {}, period, unit, options))]);

const courseChart = (context: SlideContext): ReportChart => ({
  kind: "chart",
  id: "bild-kurser-per-ar",
  chart: "grouped-bar",
  title: "Antal genomförda kurser",
  unit: "courses",
  categories: context.columns.halfYear.map(columnLabel),
  series: [{ name: "Genomförda kurser", values: context.columns.halfYear.map((period) => slideFigure(context, coursesHeld, {}, period, "courses", { withSuffix: false })) }],
  targetLines: [],
  labels: { category: "Period", value: "Kurser" },
});

/** Courses held and participants per half-year of three years, each with its change against the year before, through the arranger the log names. */
export const coursesSlide: SlideSpec = {
  id: "kurser",
  title: "Kurser och deltagare",
  measures: { figures: [coursesHeld.key, coursesParticipants.key, coursesCancelled.key] },
  reads: [coursesHeld.projection, referenceProjection],
  build: (context): ReportBlock[] => {
    const body = [
      yearRow(context, "Antal genomförda kurser", coursesHeld, "courses", { withSuffix: false }),
      yearRow(context, "Förändring mot året före", coursesHeldChange, "percent", CHANGE),
      yearRow(context, "Antal deltagare", coursesParticipants, "participants", { withSuffix: false }),
      yearRow(context, "Förändring mot året före", coursesParticipantsChange, "percent", CHANGE),
      yearRow(context, "Inställda kurser", coursesCancelled, "courses", { withSuffix: false }),
    ];
    if (!hasFigures(body.flatMap((entry) => entry.cells))) return [];
    const arranger = courseArrangerName(context.results.get(coursesHeld.projection, context.period), context.results.get(referenceProjection, context.period));
    return [
      table({
        id: "bild-kurser",
        caption: `Kurser och deltagare${arranger === null ? "" : ` genom ${arranger}`}`,
        align: ["left", ...context.columns.halfYear.map(() => "right" as const)],
        head: [headerRow(["", ...context.columns.halfYear.map(columnLabel)])],
        body,
      }),
      courseChart(context),
    ];
  },
};
