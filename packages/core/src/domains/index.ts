import { createCatalog, type Catalog, type DomainModule } from "../events/catalog.js";
import { correctionsModule } from "../corrections/index.js";
import { referenceModule } from "./reference/index.js";
import { staffModule } from "./staff/index.js";

export * from "./reference/index.js";
export * from "./staff/index.js";

/**
 * Every domain module Tertial ships, in dependency order. A new domain adds one import and
 * one entry here; users add their own with `defaultCatalog.with(module)`.
 */
export const builtInModules: readonly DomainModule[] = [correctionsModule, referenceModule, staffModule];

export const defaultCatalog: Catalog = createCatalog(builtInModules);
