/** Loads an ES module by URL or package name, as `import()` does. */
export type ModuleLoader = (specifier: string) => Promise<Record<string, unknown>>;

let loader: ModuleLoader = async (specifier) => (await import(specifier)) as Record<string, unknown>;

/** The loader given by the launcher (see `StartOptions.loadModule`). */
export const useModuleLoader = (given: ModuleLoader): void => {
  loader = given;
};

/** A module loaded by URL or name, by the launcher's loader or else by `import()`. */
export const loadModule = (specifier: string): Promise<Record<string, unknown>> => loader(specifier);
