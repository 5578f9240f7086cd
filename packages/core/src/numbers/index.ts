export * from "./decimal.js";
export * from "./rounding.js";
export * from "./units.js";
export * from "./format.js";
