export * from "./renderer.js";
export * from "./json.js";
export * from "./block-rules.js";
export * from "./evidence-anchor.js";
