import type { DomainModule } from "../../events/catalog.js";
import { grantApplicationsProjection } from "./applications.js";
import { grantsEvents } from "./events.js";
import { grantsFigures } from "./figures.js";
import { grantsIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./rules.js";
export * from "./applications.js";
export * from "./figures.js";

export const grantsModule: DomainModule = {
  name: "grants",
  events: grantsEvents,
  rules: [grantsIntegrity],
  projections: [grantApplicationsProjection],
  figures: grantsFigures,
};
