/**
 * Refuses a store's options a plain-JavaScript caller got wrong, when the store is made: a path
 * given bare, or no catalog, would otherwise surface later as "no log at undefined" or a
 * TypeError inside an append. Throws a TypeError that names the store and what it takes.
 */
export const checkStoreOptions = (store: string, options: unknown, takes: readonly string[]): void => {
  const shape = `${store}({ ${takes.join(", ")} })`;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new TypeError(`${store} takes an object of options, ${shape}, not ${typeof options === "string" ? `the text "${options}"` : options === null ? "null" : Array.isArray(options) ? "a list" : typeof options}`);
  }
  const given = options as Record<string, unknown>;
  const catalog = given.catalog as { readonly definition?: unknown; readonly rules?: unknown } | undefined;
  if (typeof catalog?.definition !== "function" || !Array.isArray(catalog.rules)) throw new TypeError(`${store} needs a catalog (${shape}): defaultCatalog, or one made by createCatalog`);
  if (takes.includes("path") && (typeof given.path !== "string" || given.path === "")) throw new TypeError(`${store} needs the log's path as text (${shape})`);
  if (given.clock !== undefined && typeof given.clock !== "function") throw new TypeError(`${store}'s clock is a function returning epoch milliseconds, not ${typeof given.clock}`);
  if (given.newId !== undefined && typeof given.newId !== "function") throw new TypeError(`${store}'s newId is a function returning a new id, not ${typeof given.newId}`);
};
