import type { DomainModule } from "../../events/catalog.js";
import { narrativeEvents } from "./events.js";
import { narrativeProjection } from "./narrative.js";
import { narrativeIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./rules.js";
export * from "./narrative.js";
export * from "./themes.js";

export const narrativeModule: DomainModule = {
  name: "narrative",
  events: narrativeEvents,
  rules: [narrativeIntegrity],
  projections: [narrativeProjection],
};
