import type { DomainModule } from "../../events/catalog.js";
import { surveyEvents } from "./events.js";
import { surveyIntegrity } from "./rules.js";
import { surveyFigures } from "./figures.js";
import { surveyProjection } from "./survey.js";

export * from "./events.js";
export * from "./share.js";
export * from "./rules.js";
export * from "./survey.js";
export * from "./figures.js";

export const surveyModule: DomainModule = {
  name: "survey",
  events: surveyEvents,
  rules: [surveyIntegrity],
  projections: [surveyProjection],
  figures: surveyFigures,
};
