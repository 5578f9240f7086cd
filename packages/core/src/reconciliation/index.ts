import type { DomainModule } from "../events/catalog.js";
import { reconciliationEvents } from "./events.js";
import { statedFigureIntegrity } from "./rules.js";

export * from "./figure-source.js";
export * from "./events.js";
export * from "./rules.js";
export * from "./compare.js";
export * from "./printed.js";
export * from "./audit.js";
export * from "./audit-stream.js";

/** The `figure stated` event: what published documents printed, kept beside the facts. */
export const reconciliationModule: DomainModule = {
  name: "reconciliation",
  events: reconciliationEvents,
  rules: [statedFigureIntegrity],
};
