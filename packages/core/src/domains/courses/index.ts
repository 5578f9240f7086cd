import type { DomainModule } from "../../events/catalog.js";
import { coursesEvents } from "./events.js";
import { coursesFigures } from "./figures.js";
import { courseCostReductionProjection, coursesProjection } from "./projections.js";
import { coursesIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./rules.js";
export type { CourseRegister, CourseRecord, SummaryRecord, RevenueRecord, HeldRecord, ArrangerRecord } from "./register.js";
export * from "./period-counts.js";
export * from "./projections.js";
export { coursesFigures } from "./figures.js";

export const coursesModule: DomainModule = {
  name: "courses",
  events: coursesEvents,
  rules: [coursesIntegrity],
  projections: [coursesProjection, courseCostReductionProjection],
  figures: coursesFigures,
};
