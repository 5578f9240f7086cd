import type { DomainModule } from "../../events/catalog.js";
import { referenceEvents } from "./events.js";
import { referenceFigures } from "./figures.js";
import { referenceProjection } from "./projection.js";
import { referenceIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./known-references.js";
export * from "./directory.js";
export * from "./projection.js";
export * from "./rules.js";
export * from "./figures.js";

export const referenceModule: DomainModule = {
  name: "reference",
  events: referenceEvents,
  rules: [referenceIntegrity],
  projections: [referenceProjection],
  figures: referenceFigures,
};
