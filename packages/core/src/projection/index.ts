export * from "./projection.js";
export * from "./source.js";
export * from "./replay.js";
export * from "./results.js";
