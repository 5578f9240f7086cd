import { createCatalog, type Catalog, type DomainModule } from "../events/catalog.js";
import { correctionsModule } from "../corrections/index.js";
import { referenceModule } from "./reference/index.js";
import { staffModule } from "./staff/index.js";
import { meetingsModule } from "./meetings/index.js";
import { strategyModule } from "./strategy/index.js";
import { activitiesModule } from "./activities/index.js";
import { surveyModule } from "./survey/index.js";
import { narrativeModule } from "./narrative/index.js";
import { researchModule } from "./research/index.js";
import { financeModule } from "./finance/index.js";
import { grantsModule } from "./grants/index.js";
import { coursesModule } from "./courses/index.js";
import { planModule } from "./plan/index.js";
import { publicationModule } from "./publication/index.js";
import { indicatorsModule } from "./indicators/index.js";
import { reconciliationModule } from "../reconciliation/index.js";

export * from "./reference/index.js";
export * from "./staff/index.js";
export * from "./meetings/index.js";
export * from "./strategy/index.js";
export * from "./activities/index.js";
export * from "./survey/index.js";
export * from "./narrative/index.js";
export * from "./research/index.js";
export * from "./finance/index.js";
export * from "./grants/index.js";
export * from "./courses/index.js";
export * from "./plan/index.js";
export * from "./publication/index.js";
export * from "./indicators/index.js";

/**
 * Every domain module Tertial ships, in dependency order. A new domain adds one import and
 * one entry here; users add their own with `defaultCatalog.with(module)`.
 */
export const builtInModules: readonly DomainModule[] = [correctionsModule, referenceModule, staffModule, meetingsModule, strategyModule, activitiesModule, surveyModule, narrativeModule, researchModule, financeModule, grantsModule, coursesModule, planModule, publicationModule, indicatorsModule, reconciliationModule];

export const defaultCatalog: Catalog = createCatalog(builtInModules);
