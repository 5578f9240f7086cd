export * from "./calendar.js";
export * from "./stockholm.js";
export * from "./effective.js";
export * from "./period.js";
