import type { DomainModule } from "../../events/catalog.js";
import { researchEvents } from "./events.js";
import { researchProjection } from "./research.js";
import { researchIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./rules.js";
export * from "./research.js";

export const researchModule: DomainModule = {
  name: "research",
  events: researchEvents,
  rules: [researchIntegrity],
  projections: [researchProjection],
};
