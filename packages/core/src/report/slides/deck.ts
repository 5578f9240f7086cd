import type { ReportDocument, ReportProvenance, ReportSection } from "../document/document.js";
import { REPORT_DOCUMENT_VERSION } from "../document/document.js";
import { periodLabel, reportTitle } from "../builders/kinds.js";
import { attendanceSlide } from "./attendance.js";
import type { SlideContext, SlideSpec } from "./context.js";
import { coursesSlide } from "./courses.js";
import { financingSlide } from "./financing.js";
import { grantsSlide } from "./grants.js";
import { slideGoalsProjection, slideGoalTitle } from "./goals.js";
import { staffSlide } from "./staff.js";

/** The slides of a resultatuppföljning, in order. Replace or extend them to change the deck. */
export interface SlideDeck {
  readonly slides: readonly SlideSpec[];
}

/**
 * The deck of tertial slides, laid out as the first organisation's Resultatuppföljning (tertial 2
 * 2020): staff, external project funding, financing shares, attendance and courses, each measure
 * with the same tertial of three years side by side. Each slide is headed by the strategic goal
 * the log measures it under (in the short wording the log gives the goal, if any), else by a
 * neutral heading. The attendance rows are the log's own attendance metrics and network groups,
 * named by the short names the log gives them, else by their names.
 */
export const defaultDeck: SlideDeck = {
  slides: [
    staffSlide,
    grantsSlide({ projects: "beviljade-projekt", funding: "beviljad-finansiering" }),
    financingSlide,
    attendanceSlide,
    coursesSlide,
  ],
};

export interface SlidesBuildInput {
  readonly context: SlideContext;
  readonly provenance: ReportProvenance;
  readonly deck: SlideDeck;
  readonly organisation?: string;
}

/** One section per slide that has facts, in deck order; pure, no I/O, no clock. */
export const buildSlidesDocument = (input: SlidesBuildInput): ReportDocument => {
  const goals = input.context.results.get(slideGoalsProjection, input.context.period);
  const sections: ReportSection[] = input.deck.slides.flatMap((slide) => {
    const blocks = slide.build(input.context);
    const title = slide.measures === undefined ? slide.title : (slideGoalTitle(goals, slide.measures) ?? slide.title);
    return blocks.length === 0 ? [] : [{ id: `bild-${slide.id}`, number: null, title, blocks: [...blocks], sections: [] }];
  });
  return {
    format: "tertial.report",
    version: REPORT_DOCUMENT_VERSION,
    kind: "resultatuppfoljning",
    language: "sv",
    title: { title: reportTitle("resultatuppfoljning", input.context.period), organisation: input.organisation ?? null, periodLabel: periodLabel(input.context.period), lines: [] },
    sections,
    appendices: [],
    provenance: input.provenance,
  };
};
