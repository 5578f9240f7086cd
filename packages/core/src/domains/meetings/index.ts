import type { DomainModule } from "../../events/catalog.js";
import { attendanceProjection } from "./attendance.js";
import { meetingsEvents } from "./events.js";
import { meetingsFigures } from "./figures.js";
import { membershipProjection } from "./members.js";
import { meetingsIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./tally.js";
export * from "./entries.js";
export * from "./aggregate.js";
export * from "./attendance.js";
export * from "./members.js";
export * from "./seat-sides.js";
export * from "./attendance-measures.js";
export * from "./figures.js";
export * from "./rules.js";

export const meetingsModule: DomainModule = {
  name: "meetings",
  events: meetingsEvents,
  rules: [meetingsIntegrity],
  projections: [attendanceProjection, membershipProjection],
  figures: meetingsFigures,
};
