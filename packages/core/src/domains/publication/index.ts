import type { DomainModule } from "../../events/catalog.js";
import { publicationEvents } from "./events.js";
import { publicationProjection } from "./publication.js";
import { outlineIntegrity } from "./rules.js";

export * from "./events.js";
export * from "./rules.js";
export * from "./publication.js";

export const publicationModule: DomainModule = {
  name: "publication",
  events: publicationEvents,
  rules: [outlineIntegrity],
  projections: [publicationProjection],
};
