export * from "./issues.js";
export * from "./json-positions.js";
export * from "./codecs.js";
export * from "./envelope.js";
export * from "./definition.js";
export * from "./decode-errors.js";
export * from "./catalog.js";
export * from "./consistency.js";
