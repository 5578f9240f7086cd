import type { DomainModule } from "../events/catalog.js";
import { EventRetracted } from "./correction-events.js";

export * from "./correction-events.js";
export * from "./resolve.js";

export const correctionsModule: DomainModule = { name: "corrections", events: [EventRetracted] };
