import type { DomainModule } from "../../events/catalog.js";
import { activitiesProjection } from "./activities.js";
import { activitiesEvents } from "./events.js";
import { activitiesIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./rules.js";
export * from "./activities.js";

export const activitiesModule: DomainModule = {
  name: "activities",
  events: activitiesEvents,
  rules: [activitiesIntegrity],
  projections: [activitiesProjection],
};
