import { compileGuard } from "../../events/guard.js";
import { didYouMean } from "../../events/suggest.js";
import { decodeReportDocument, ReportDocumentC, type ReportDocument } from "../document/document.js";

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

const isReportDocumentShape = (value: unknown): boolean => compileGuard(ReportDocumentC)(value);

/**
 * Refuses what is no report document, for a renderer handed anything by a plain-JavaScript caller:
 * a TypeError with the document's first problems at their paths, not one from inside the renderer.
 * A document that is one costs a compiled guard's look.
 */
export const checkReportDocument = (renderer: string, document: unknown): void => {
  if (isReportDocumentShape(document)) return;
  const decoded = decodeReportDocument(document);
  const said = decoded.ok ? "" : decoded.errors.slice(0, 3).join("; ");
  throw new TypeError(`the ${renderer} renderer takes a report document (what generateReport returns): ${said}`);
};

/**
 * Refuses rule overrides a renderer does not have (a misspelt name would be ignored without a
 * word) or that are no functions, with the names it does have.
 */
export const checkRuleOverrides = (renderer: string, overrides: unknown, known: object): void => {
  if (overrides === undefined) return;
  if (typeof overrides !== "object" || overrides === null || Array.isArray(overrides)) throw new TypeError(`the ${renderer} renderer's overrides are an object of rules, not ${overrides === null ? "null" : Array.isArray(overrides) ? "a list" : typeof overrides}`);
  const names = Object.keys(known);
  for (const [name, rule] of Object.entries(overrides)) {
    if (!Object.hasOwn(known, name)) throw new TypeError(`the ${renderer} renderer has no rule "${name}"${didYouMean(name, names)}; its rules are ${names.join(", ")}`);
    if (typeof rule !== "function") throw new TypeError(`the ${renderer} renderer's rule "${name}" must be a function, not ${rule === null ? "null" : typeof rule}`);
  }
};
