import type { DomainModule } from "../../events/catalog.js";
import { staffEvents } from "./events.js";
import { staffIntegrity } from "./rules.js";
import { staffingProjection } from "./staffing.js";
import { staffFigures } from "./figures.js";
import { staffChangeFigures, staffChangesProjection } from "./changes.js";

export * from "./events.js";
export * from "./vocabulary.js";
export * from "./rules.js";
export * from "./staffing.js";
export * from "./figures.js";
export * from "./changes.js";

export const staffModule: DomainModule = {
  name: "staff",
  events: staffEvents,
  rules: [staffIntegrity],
  projections: [staffingProjection, staffChangesProjection],
  figures: [...staffFigures, ...staffChangeFigures],
};
