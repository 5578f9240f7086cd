export * from "./figure.js";
export * from "./symbols.js";
export * from "./blocks.js";
export * from "./document.js";
export * from "./walk.js";
export * from "./basis.js";
