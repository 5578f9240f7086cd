export * from "./command.js";
export * from "./run.js";
export { parseArgs, userPath } from "./args.js";
export { commands } from "./commands/index.js";
export { figureDetail, figureExample, figureLine, statedExample } from "./commands/figures.js";
