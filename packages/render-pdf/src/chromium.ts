import { accessSync, constants } from "node:fs";

export const DEFAULT_CHROMIUM = "/usr/bin/chromium";

/**
 * No Chromium to print with. Carries `code: "ENOENT"` and the path looked at, as a missing file
 * does, so the CLI reports it as one line and exits 6 ("a file could not be read").
 */
export class ChromiumNotFoundError extends Error {
  readonly code = "ENOENT";
  constructor(readonly path: string) {
    super(`no Chromium to print the PDF with: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary`);
    this.name = "ChromiumNotFoundError";
  }
}

/** The machine's Chromium: CHROMIUM_PATH when set, else Debian's. Never a downloaded browser. */
export const findChromium = (env: NodeJS.ProcessEnv = process.env): string => {
  const path = env.CHROMIUM_PATH === undefined || env.CHROMIUM_PATH === "" ? DEFAULT_CHROMIUM : env.CHROMIUM_PATH;
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ChromiumNotFoundError(path);
  }
  return path;
};
