import type { ReportDocument } from "../document/document.js";

/** Options a caller may pass through to a renderer; each renderer documents the ones it reads. */
export type RenderOptions = Readonly<Record<string, unknown>>;

/**
 * Turns a report document into text. Renderers know nothing of events: they see only the
 * document. Third-party renderers implement this and are loaded by `tertial report --renderer`.
 */
export interface Renderer {
  /** Short name, also the `--format` value ("md", "html", "json"). */
  readonly id: string;
  readonly mediaType: string;
  /** File extension without the dot ("md"). */
  readonly extension: string;
  readonly render: (document: ReportDocument, options?: RenderOptions) => string;
}

/** True when a value loaded from a plugin module has the shape of a Renderer. */
export const isRenderer = (value: unknown): value is Renderer => {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.id === "string" && typeof candidate.mediaType === "string" && typeof candidate.extension === "string" && typeof candidate.render === "function";
};
