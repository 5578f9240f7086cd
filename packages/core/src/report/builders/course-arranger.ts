import type { CoursesResult } from "../../domains/courses/projections.js";
import type { ReferenceResult } from "../../domains/reference/projection.js";

/**
 * The printed name of whoever arranges the courses, as the log says (`courses.arranger-named`):
 * an area's name as in force at the period's end, or the unit's own name. Null when the log
 * names no arranger, or an area no longer in the area tree: the captions then name none,
 * rather than one organisation's arranger written into another's report.
 */
export const courseArrangerName = (courses: CoursesResult | undefined, reference: ReferenceResult | undefined): string | null => {
  const arranger = courses?.arranger ?? null;
  if (arranger === null) return null;
  if (arranger.name !== null) return arranger.name;
  return reference?.areas.find((area) => area.id === arranger.areaId)?.name ?? null;
};

/** " som arrangerats av Kurs och konferens", or nothing without an arranger. */
export const arrangedBy = (name: string | null): string => (name === null ? "" : ` som arrangerats av ${name}`);
