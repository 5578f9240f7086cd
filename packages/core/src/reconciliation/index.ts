export * from "./figure-source.js";
