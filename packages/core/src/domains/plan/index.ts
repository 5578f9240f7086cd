import type { DomainModule } from "../../events/catalog.js";
import { planBaselineProjection } from "./baseline.js";
import { planFigures } from "./figures.js";
import { planFollowUpProjection } from "./follow-up.js";
import { planEvents } from "./events.js";
import { planIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./rules.js";
export * from "./vocabularies.js";
export * from "./strategy-part.js";
export * from "./baseline.js";
export * from "./figures.js";
export * from "./area-cards.js";

/** Plans (verksamhetsplaner): what only a plan states, and the plan as adopted. */
export const planModule: DomainModule = {
  name: "plan",
  events: planEvents,
  rules: [planIntegrity],
  projections: [planBaselineProjection, planFollowUpProjection],
  figures: planFigures,
};
