import type { DomainModule } from "../../events/catalog.js";
import { indicatorEvents } from "./events.js";
import { indicatorFigures } from "./figures.js";
import { indicatorsProjection } from "./indicators.js";
import { indicatorIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./indicators.js";
export * from "./figures.js";
export * from "./rules.js";

export const indicatorsModule: DomainModule = {
  name: "indicators",
  events: indicatorEvents,
  rules: [indicatorIntegrity],
  projections: [indicatorsProjection],
  figures: indicatorFigures,
};
