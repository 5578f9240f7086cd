import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
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

/** What a value is, as a message about a renderer's result says it. */
const kindOfValue = (value: unknown): string => (value === null ? "null" : value === undefined ? "nothing" : Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`);

/**
 * The renderer's output, held to what it promises: text from a text renderer, bytes from a binary
 * one. Anything else is the renderer's bug (exit 1, as the README's table says), named as such
 * rather than taken for the user's mistake ("give -o") or a failed write.
 */
export const renderWith = async (renderer: AnyRenderer, document: ReportDocument): Promise<string | Uint8Array> => {
  const binaryRenderer = isBinaryRenderer(renderer);
  const output: unknown = await (binaryRenderer ? renderer.render(document) : renderer.render(document, {}));
  if (binaryRenderer ? output instanceof Uint8Array : typeof output === "string") return output as string | Uint8Array;
  throw new Error(`renderer "${String(renderer.id)}" returned ${kindOfValue(output)}, not ${binaryRenderer ? "bytes (a Uint8Array)" : "text"}: a bug in the renderer`);
};

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

/**
 * Where Node's decorated stack (or `node --check`'s report) places an error: a line `<file>:<line>`,
 * the source line, and a caret under the column (none at the end of the input).
 */
const decoratedLocation = (text: string, cwd: string): string | undefined => {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => /^\S.*:\d+$/.test(line));
  const match = at === -1 ? null : /^(.+):(\d+)$/.exec(lines[at] ?? "");
  if (match === null) return undefined;
  const [, where = "", line = ""] = match;
  const caret = lines[at + 2] ?? "";
  const column = /^[ \t]*\^/.test(caret) ? `:${caret.indexOf("^") + 1}` : "";
  let file = where;
  try {
    if (where.startsWith("file:")) file = fileURLToPath(where);
  } catch {
    // Not a URL Node can make a path of: named as Node wrote it.
  }
  const shown = relative(cwd, file);
  return `${shown === "" || shown.startsWith("..") || isAbsolute(shown) ? file : shown}:${line}${column}`;
};

/** `node --check` on a file: Node's report of its first syntax error (empty when it has none). */
const checkSyntax = (file: string): Promise<string> =>
  new Promise((done) => {
    execFile(process.execPath, ["--check", file], { encoding: "utf8", timeout: 10_000 }, (error, _stdout, stderr) => done(error === null ? "" : stderr));
  });

/**
 * Where a module failed to load, as `file:line:column`. Node's stack names the place for a
 * CommonJS syntax error and a missing export, but not for an ES module's syntax error (Node 20
 * keeps it for an uncaught error's report only): then `node --check` says it, for the module
 * given, when its error is the one the import gave (a syntax error in a module it imports is not).
 */
const loadErrorLocation = async (error: unknown, url: string, cwd: string): Promise<string | undefined> => {
  if (!(error instanceof Error)) return undefined;
  const stack = error.stack ?? "";
  const head = stack.slice(0, Math.max(0, stack.indexOf(`${error.name}: `)));
  if (/^\S[^\n]*:\d+\n/.test(head)) return decoratedLocation(head, cwd);
  if (error.name !== "SyntaxError" || !url.startsWith("file:")) return undefined;
  const checked = await checkSyntax(fileURLToPath(url));
  return checked.includes(`SyntaxError: ${error.message}\n`) ? decoratedLocation(checked, cwd) : undefined;
};

/** Loads a third-party renderer: its module must default-export or export `renderer` implementing Renderer. */
export const loadRenderer = async (spec: string, cwd: string): Promise<Renderer> => {
  refuseTypeScript(spec);
  let loaded: Record<string, unknown>;
  const url = moduleUrl(spec, cwd);
  try {
    loaded = await loadModule(url);
  } catch (error) {
    const said = (error as Error).message.split("\n")[0] ?? "";
    const where = await loadErrorLocation(error, url, cwd);
    throw new RendererLoadError(`--renderer ${spec}: cannot load the module (${where === undefined ? said : `${where}: ${(error as Error).name}: ${said}`})`);
  }
  const nestedDefault = (loaded.default as Record<string, unknown> | undefined)?.default;
  const candidate = [loaded.default, loaded.renderer, nestedDefault].find(isRenderer);
  if (candidate === undefined) throw new RendererLoadError(`--renderer ${spec}: the module must default-export or export \`renderer\` with id, mediaType, extension and render(document, options)`);
  return candidate;
};
