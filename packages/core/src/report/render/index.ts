export * from "./renderer.js";
export * from "./json.js";
