export * from "./document/index.js";
export * from "./render/index.js";
export * from "./builders/index.js";
export * from "./replay-many.js";
export * from "./run.js";
export * from "./diff.js";
export * from "./slides/index.js";
