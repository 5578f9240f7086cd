import { accessSync, constants, statSync } from "node:fs";

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

/**
 * Something is at the Chromium's path, but it cannot print: a directory, a file that may not be
 * run, or a program that does not start as a browser (it exits at once, or cannot be started).
 * Like ChromiumNotFoundError it carries a `code` and the path, and no `syscall`, so the CLI
 * reports it as one line naming the path and exits 6; `reason` says why, as a phrase.
 */
export class ChromiumUnusableError extends Error {
  readonly code = "ERR_CHROMIUM_UNUSABLE";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`no usable Chromium to print the PDF with: ${reason}; set CHROMIUM_PATH to a Chromium or Chrome binary`);
    this.name = "ChromiumUnusableError";
  }
}

/** The path, if something is there that may be run; otherwise the error that says what is there instead. */
export const checkChromium = (path: string): string => {
  const found = statSync(path, { throwIfNoEntry: false });
  if (found === undefined) throw new ChromiumNotFoundError(path);
  if (found.isDirectory()) throw new ChromiumUnusableError(path, "it is a directory, not a program");
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new ChromiumUnusableError(path, "it is not executable");
  }
  return path;
};

/** The machine's Chromium: CHROMIUM_PATH when set, else Debian's. Never a downloaded browser. */
export const findChromium = (env: NodeJS.ProcessEnv = process.env): string => {
  const path = env.CHROMIUM_PATH === undefined || env.CHROMIUM_PATH === "" ? DEFAULT_CHROMIUM : env.CHROMIUM_PATH;
  try {
    return checkChromium(path);
  } catch (error) {
    if (error instanceof ChromiumUnusableError) throw error;
    throw new ChromiumNotFoundError(path);
  }
};

/** Terminal colours (Playwright's call log has them), then any other control character. */
const CONTROL = new RegExp(String.raw`\u001b\[[0-9;]*m|[\u0000-\u001f\u007f]`, "g");

/** The last line the program wrote to its standard error, as Playwright's "Browser logs" keep it (`[pid=N][err] …`). */
const lastErrorLine = (message: string): string | undefined => {
  const lines = [...message.matchAll(/^\[pid=\d+\]\[err\] (.*)$/gm)].map((match) => (match[1] ?? "").replace(CONTROL, "").trim()).filter((line) => line !== "");
  const last = lines.at(-1);
  return last === undefined ? undefined : last.length > 200 ? `${last.slice(0, 199)}…` : last;
};

/**
 * Why Playwright could not launch the program at `path`, as a phrase, from what its error
 * reliably says: the spawn's error code (Node's), or how the process ended (Playwright's call log
 * records `<process did exit: exitCode=N, signal=S>`) and the last line it wrote to stderr.
 */
export const launchFailureReason = (error: unknown): string => {
  const message = error instanceof Error ? error.message : String(error);
  const spawn = /Failed to launch: Error: spawn .* (E[A-Z0-9]+)\b/.exec(message)?.[1];
  if (spawn === "EACCES") return "it is not executable (spawn EACCES)";
  if (spawn === "ENOENT") return "it could not be started: the interpreter or loader it names is missing (spawn ENOENT)";
  if (spawn !== undefined) return `it could not be started (spawn ${spawn})`;
  const exit = /<process did exit: exitCode=(\d+|null), signal=(\w+|null)>/.exec(message);
  const said = lastErrorLine(message);
  const saying = said === undefined ? "" : ` (its last line on stderr: ${said})`;
  if (exit !== null && exit[1] !== "null") return `it exited with code ${exit[1] ?? ""} before it could print${saying}`;
  if (exit !== null && exit[2] !== "null") return `it was killed by ${exit[2] ?? ""} before it could print${saying}`;
  const first = (message.split("\n")[0] ?? "").replace(/^browserType\.launch: /, "").replace(CONTROL, "").trim();
  return `it did not start as a browser (${first === "" ? "no reason given" : first})${saying}`;
};
