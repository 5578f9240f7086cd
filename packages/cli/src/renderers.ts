import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isRenderer, jsonRenderer, type Renderer } from "@tertial/core";
import type { BinaryRenderer } from "@tertial/render-pdf";
import type { ReportDocument } from "@tertial/core";
import { UsageError } from "./command.js";
import { loadModule } from "./module-loader.js";

// Each renderer loads when its format is asked for: a command that renders nothing, or JSON, starts without them.
const TEXT_RENDERERS: Readonly<Record<string, () => Promise<Renderer>>> = {
  md: async () => (await import("@tertial/render-markdown")).markdownRenderer,
  html: async () => (await import("@tertial/render-html")).htmlRenderer,
  json: async () => jsonRenderer,
};

/** Formats whose output is bytes (a browser prints them): written only to a file, never to standard output. */
const BINARY_RENDERERS: Readonly<Record<string, () => Promise<BinaryRenderer>>> = {
  pdf: async () => (await import("@tertial/render-pdf")).pdfRenderer,
};

/** The formats `--format` chooses from. */
export const FORMATS = [...Object.keys(TEXT_RENDERERS), ...Object.keys(BINARY_RENDERERS)];

export type AnyRenderer = Renderer | BinaryRenderer;

const binary = new WeakSet<AnyRenderer>();

export const isBinaryRenderer = (renderer: AnyRenderer): renderer is BinaryRenderer => binary.has(renderer);

export const rendererFor = async (format: string): Promise<AnyRenderer> => {
  const text = TEXT_RENDERERS[format];
  if (text !== undefined) return text();
  const bytes = BINARY_RENDERERS[format];
  if (bytes === undefined) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${format}"`);
  const renderer = await bytes();
  binary.add(renderer);
  return renderer;
};

/** PDF is bytes: a terminal or a text pipe is the wrong place for it, so it needs a file. */
export const checkOutput = (renderer: AnyRenderer, out: string | undefined): void => {
  if (isBinaryRenderer(renderer) && out === undefined) throw new UsageError(`--format ${renderer.id} writes a binary file: give --out <file>.${renderer.extension}`);
};

export const renderWith = async (renderer: AnyRenderer, document: ReportDocument): Promise<string | Uint8Array> => (isBinaryRenderer(renderer) ? renderer.render(document) : renderer.render(document, {}));

const looksLikePath = (spec: string): boolean => spec.startsWith(".") || isAbsolute(spec) || /\.(m?js|cjs)$/.test(spec);

/** What --renderer takes, for its help and its refusals. */
export const RENDERER_FORMS = "a package name, or a path to a JavaScript module (.js, .mjs or .cjs)";

/**
 * A TypeScript file is refused before anything is read: Node (20, the version Tertial supports)
 * cannot import it, and a loader that can (tsx, a test runner) must not make the same command
 * line work in one place and fail in another.
 */
const refuseTypeScript = (spec: string): void => {
  if (/\.[mc]?tsx?$/i.test(spec)) throw new RendererLoadError(`--renderer ${spec}: a TypeScript file, which Node cannot import; compile it and give the JavaScript file (--renderer takes ${RENDERER_FORMS})`);
};

/** A module name resolves from the working directory first (the user's project), then from Tertial's own. */
const moduleUrl = (spec: string, cwd: string): string => {
  if (looksLikePath(spec)) return pathToFileURL(resolve(cwd, spec)).href;
  try {
    return pathToFileURL(createRequire(join(cwd, "package.json")).resolve(spec)).href;
  } catch {
    return spec;
  }
};

export class RendererLoadError extends Error {}

/** Loads a third-party renderer: its module must default-export or export `renderer` implementing Renderer. */
export const loadRenderer = async (spec: string, cwd: string): Promise<Renderer> => {
  refuseTypeScript(spec);
  let loaded: Record<string, unknown>;
  try {
    loaded = await loadModule(moduleUrl(spec, cwd));
  } catch (error) {
    throw new RendererLoadError(`--renderer ${spec}: cannot load the module (${(error as Error).message.split("\n")[0] ?? ""})`);
  }
  const nestedDefault = (loaded.default as Record<string, unknown> | undefined)?.default;
  const candidate = [loaded.default, loaded.renderer, nestedDefault].find(isRenderer);
  if (candidate === undefined) throw new RendererLoadError(`--renderer ${spec}: the module must default-export or export \`renderer\` with id, mediaType, extension and render(document, options)`);
  return candidate;
};
