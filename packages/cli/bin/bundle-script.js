// The bundle (dist/bundle/main.js) as V8 compiles it, for bin/tertial.js to run and for
// scripts/bundle-cli.mjs to make the code cache of: both must wrap the same text the same way, or
// V8 refuses the cache.
//
// V8 checks a cache against the source's length only, so the bundle's first line names a SHA-256
// of the rest, and the cache file starts with the same line: a cache made for other code of the
// same length (a bundle rebuilt while a process read the pair) is never used.
import { Buffer } from "node:buffer";
import { readFileSync } from "node:fs";
import { Script } from "node:vm";

/** The bundle: a script (one function expression, see WRAPPER), never imported as a module. */
export const BUNDLE_FILE = "main.js";

/** Its code cache is the bundle's name and this: not a .js file, so the npm package (which takes the .js files of dist) leaves it out. */
export const CACHE_SUFFIX = "cache";

/** What the bundle's code stands in, as Node wraps a CommonJS module: written so into the file, so loading it copies nothing. */
export const WRAPPER = ["(function (exports, require, module, __filename, __dirname) {\n", "\n})\n"];

/** The first line of the bundle and of its cache: the SHA-256 of the bundle's code after it. */
export const headerOf = (sha256) => `// tertial bundle ${sha256}\n`;

/** The header a bundle or cache file starts with, or undefined. */
export const readHeader = (bytes) => {
  const end = bytes.indexOf(10);
  const line = end === -1 ? "" : bytes.toString("latin1", 0, end + 1);
  return /^\/\/ tertial bundle [0-9a-f]{64}\n$/.test(line) ? line : undefined;
};

/** The bundle's code (already wrapped: WRAPPER), compiled with `cache` when it belongs to this code. */
export const bundleScript = (file, cache) => {
  // UTF-8: esbuild escapes characters outside ASCII in strings, not in regular expressions (/[åä]/).
  const source = readFileSync(file, "utf8");
  const header = readHeader(Buffer.from(source.slice(0, 90), "latin1"));
  const cachedData = cache !== undefined && header !== undefined && readHeader(cache) === header ? cache.subarray(header.length) : undefined;
  return new Script(source, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
};
