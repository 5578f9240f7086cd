export * from "./numbers/index.js";
export * from "./time/index.js";
export * from "./events/index.js";
export * from "./corrections/index.js";
export * from "./projection/index.js";
export * from "./log/index.js";
export * from "./domains/index.js";
export * from "./reconciliation/index.js";
