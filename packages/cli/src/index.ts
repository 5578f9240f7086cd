export * from "./command.js";
export * from "./run.js";
export { parseArgs, userPath } from "./args.js";
export { commands } from "./commands/index.js";
