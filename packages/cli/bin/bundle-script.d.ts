import type { Script } from "node:vm";

/** The bundle: a script (one function expression, see WRAPPER), never imported as a module. */
export declare const BUNDLE_FILE: string;
/** Its code cache is the bundle's name and this. */
export declare const CACHE_SUFFIX: string;
/** What the bundle's code stands in, as Node wraps a CommonJS module: [before, after]. */
export declare const WRAPPER: readonly [string, string];
/** The first line of the bundle and of its cache: the SHA-256 of the bundle's code after it. */
export declare const headerOf: (sha256: string) => string;
/** The header a bundle or cache file starts with, or undefined. */
export declare const readHeader: (bytes: Buffer) => string | undefined;
/** The bundle's code, compiled with `cache` when it belongs to this code. */
export declare const bundleScript: (file: string, cache?: Buffer) => Script;
