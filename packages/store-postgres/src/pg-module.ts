import { createRequire } from "node:module";
import type pgTypes from "pg";

/**
 * node-postgres, loaded without loading Node's fetch. When pg is loaded it asks whether it runs
 * in a Cloudflare Worker: by `navigator.userAgent` where there is a `navigator` (Node 21 and
 * later), and otherwise by constructing a `Response`. On Node 20 that constructor is a lazy global
 * whose first use loads undici, Node's fetch: 30–45 ms of every process that opens a store, for
 * an answer that is always no.
 *
 * So where `navigator` is missing, one with Node's own user agent (what Node 21 gives) stands for
 * the length of a synchronous `require`, and is gone before any other code can run: nothing else
 * ever sees it. Where `navigator` exists it is left alone.
 */
const loadPg = (): typeof pgTypes => {
  const load = () => createRequire(import.meta.url)("pg") as typeof pgTypes;
  if ("navigator" in globalThis) return load();
  Object.defineProperty(globalThis, "navigator", { value: { userAgent: `Node.js/${process.versions.node.split(".")[0] ?? ""}` }, configurable: true, enumerable: false, writable: false });
  try {
    return load();
  } finally {
    delete (globalThis as { navigator?: unknown }).navigator;
  }
};

export const pg = loadPg();
