import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isRenderer, jsonRenderer, type Renderer } from "@tertial/core";
import { htmlRenderer } from "@tertial/render-html";
import { markdownRenderer } from "@tertial/render-markdown";
import { UsageError } from "./command.js";

/** The renderers `--format` chooses from. */
export const builtInRenderers: Readonly<Record<string, Renderer>> = { md: markdownRenderer, html: htmlRenderer, json: jsonRenderer };

export const FORMATS = Object.keys(builtInRenderers);

export const rendererFor = (format: string): Renderer => {
  const found = builtInRenderers[format];
  if (found === undefined) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not "${format}"`);
  return found;
};

const looksLikePath = (spec: string): boolean => spec.startsWith(".") || isAbsolute(spec) || /\.(m?[jt]s|cjs)$/.test(spec);

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
  let loaded: Record<string, unknown>;
  try {
    loaded = (await import(moduleUrl(spec, cwd))) as Record<string, unknown>;
  } catch (error) {
    throw new RendererLoadError(`--renderer ${spec}: cannot load the module (${(error as Error).message.split("\n")[0] ?? ""})`);
  }
  const nestedDefault = (loaded.default as Record<string, unknown> | undefined)?.default;
  const candidate = [loaded.default, loaded.renderer, nestedDefault].find(isRenderer);
  if (candidate === undefined) throw new RendererLoadError(`--renderer ${spec}: the module must default-export or export \`renderer\` with id, mediaType, extension and render(document, options)`);
  return candidate;
};
