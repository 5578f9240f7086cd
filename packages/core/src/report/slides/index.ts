export { generateSlides, type SlidesOptions } from "./run.js";
export { buildSlidesDocument, defaultDeck, type SlideDeck, type SlidesBuildInput } from "./deck.js";
export { slideColumns, columnLabel, SLIDE_YEARS, type SlideColumns } from "./periods.js";
export { slideCell, slideFigure, type SlideContext, type SlideResults, type SlideSpec } from "./context.js";
export { staffSlide } from "./staff.js";
export { grantsSlide, type GrantMetrics } from "./grants.js";
export { financingSlide } from "./financing.js";
export { attendanceSlide, type AttendanceMeasures } from "./attendance.js";
export { coursesSlide } from "./courses.js";
