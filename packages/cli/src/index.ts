export * from "./command.js";
export * from "./run.js";
export { commands } from "./commands/index.js";
