export * from "./snapshot.js";
export * from "./fold.js";
