import type { ReportDocument } from "../document/document.js";
import type { Renderer } from "./renderer.js";

/** The document itself, pretty-printed: what other tools read. Builders fix the key order, so the bytes are stable. */
export const jsonRenderer: Renderer = {
  id: "json",
  mediaType: "application/json",
  extension: "json",
  render: (document: ReportDocument) => `${JSON.stringify(document, null, 2)}\n`,
};
