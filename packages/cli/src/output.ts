import { randomBytes } from "node:crypto";
import { constants, unlinkSync } from "node:fs";
import { copyFile, link, lstat, open, readdir, realpath, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { isLiveWriter, ownWriterIdentity, type Issue } from "@tertial/core";
import { collapseRepeated } from "./repeated-issues.js";
import { FileRefusal, UsageError, value, type FlagSpec, type Io, type ParsedArgs } from "./command.js";

/** Stable, pretty JSON: the same value always prints the same bytes. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Issues on stderr, one a line; a problem repeated on many lines is shown at its first places and counted. */
export const printIssues = (io: Io, issues: readonly Issue[]): void => {
  for (const line of collapseRepeated(issues)) io.stderr(`${line}\n`);
};

/** Paths printed relative to the working directory, so output does not depend on where a repo lives. */
export const shownPath = (io: Io, path: string): string => (path.startsWith(`${io.cwd}/`) ? path.slice(io.cwd.length + 1) : path);

/** `-o/--out` and `--force`, for commands that write a document. */
export const OUTPUT_FLAGS: Readonly<Record<string, FlagSpec>> = {
  out: { value: true, short: "o", placeholder: "file", path: true, help: "write to this file instead of standard output; the format follows its extension unless --format is given" },
  force: { value: false, help: "let --out replace an existing file (never the log itself)" },
};

/**
 * The format to write: --format when given, else the one --out's extension names (.md → md),
 * else the default. An --out extension no format has is a usage error unless --format says.
 */
export const chooseFormat = (args: ParsedArgs, byExtension: Readonly<Record<string, string>>, fallback: string): string => {
  const given = value(args, "format");
  if (given !== undefined) return given;
  const out = value(args, "out");
  if (out === undefined) return fallback;
  const extension = extname(out).toLowerCase();
  const inferred = byExtension[extension];
  if (inferred === undefined) {
    const known = Object.keys(byExtension).join(", ");
    throw new UsageError(`--out ${out}: cannot tell the format from ${extension === "" ? "a name without an extension" : `"${extension}"`} (one of ${known}); give --format`);
  }
  return inferred;
};

/** The real path of a file, or of its directory joined with its name when it does not exist yet. */
const realTarget = async (path: string): Promise<string> => {
  try {
    return await realpath(path);
  } catch {
    return join(await realpath(dirname(path)).catch(() => resolve(dirname(path))), basename(path));
  }
};

/** The same file under another name: a symlink resolves to it, a hard link shares its inode. */
const isSameFile = async (path: string, other: string): Promise<boolean> => {
  if ((await realTarget(path)) === (await realTarget(other))) return true;
  const [a, b] = await Promise.all([stat(path).catch(() => undefined), stat(other).catch(() => undefined)]);
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
};

/** A file a command writes whole, and the rules it is written by. */
export interface NewFile {
  /** The path as the user gave it: messages name it, never the temporary file. */
  readonly path: string;
  /** The option that named it ("--out", "--checkpoint-out"), for messages; none when it is an argument. */
  readonly option?: string;
  /** Replace an existing file (--force was given); never one of `protect`. */
  readonly replace: boolean;
  /** The command takes --force, so refusing an existing file says how to replace it. */
  readonly forceable: boolean;
  /** Files it must never be (the command's log), even with `replace`: a usage error. */
  readonly protect: readonly string[];
}

const named = (file: Pick<NewFile, "path" | "option">): string => (file.option === undefined ? file.path : `${file.option} ${file.path}`);

const alreadyExists = (file: NewFile): FileRefusal =>
  new FileRefusal(`${file.path} already exists${file.forceable ? "; give --force to replace it" : ""}`);

const notAFile = (file: NewFile): FileRefusal =>
  new FileRefusal(`${file.path} is not a regular file (a device, pipe or socket): Tertial writes a file whole and puts it at its name${file.option === "--out" ? "; leave out --out to write to standard output" : ""}`);

/** Refuses a file that is one of `protect` (the command's log), even with --force: a usage error. */
export const refuseWritingOnto = async (file: Pick<NewFile, "path" | "option" | "protect">): Promise<void> => {
  for (const path of file.protect) {
    if (await isSameFile(file.path, path)) throw new UsageError(`${named(file)} is the log itself; Tertial never writes output onto a log`);
  }
};

/** Refuses --out naming one of these files (the command's log), even with --force: a usage error. */
export const refuseOutputOnto = async (args: ParsedArgs, protect: readonly string[]): Promise<void> => {
  const out = value(args, "out");
  if (out !== undefined) await refuseWritingOnto({ path: out, option: "--out", protect });
};

/** A system error about the temporary file names the file the user asked for instead. */
const nameTheTarget =
  (path: string) =>
  (error: unknown): never => {
    if (error instanceof Error && "code" in error) Object.assign(error, { path });
    throw error;
  };

/**
 * Removes the temporary files of `target` whose writers are gone: a SIGKILL leaves one (an export's
 * can be as large as the log), and its name says which process wrote it. A live writer's is left.
 */
const removeAbandonedTemporaries = async (target: string): Promise<void> => {
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(".tmp")) continue;
    const writer = /^(\d+-\d+)-[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (writer !== undefined && !isLiveWriter(writer)) await unlink(join(dirname(target), name)).catch(() => undefined);
  }
};

/** Puts the finished temporary file at a name that must not exist yet (atomic: a hard link). */
const linkNew = async (temporary: string, target: string, file: NewFile): Promise<void> => {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw alreadyExists(file);
    // File systems without hard links: an exclusive copy still refuses an existing file.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EXDEV") await copyFile(temporary, target, constants.COPYFILE_EXCL);
    else throw error;
  }
};

/** Makes the new name survive a power cut; a file system that cannot sync a directory only loses that. */
const syncDirectory = async (directory: string): Promise<void> => {
  const handle = await open(directory, "r").catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
};

/** A signal while the temporary file exists removes it, then ends the process as that signal would. */
const removeOnSignal = (temporary: string): (() => void) => {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const onSignal = (signal: NodeJS.Signals): void => {
    stop();
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone, or never made: nothing to remove.
    }
    process.kill(process.pid, signal);
  };
  const stop = (): void => {
    for (const signal of signals) process.removeListener(signal, onSignal);
  };
  for (const signal of signals) process.once(signal, onSignal);
  return stop;
};

/**
 * Writes a file whole or not at all: `write` fills a temporary file beside it, which is synced,
 * checked by `check` when given (a throw leaves nothing behind), and only then put at its name,
 * by a rename with --force, else by a hard link that refuses an existing file. The temporary file
 * is removed on failure and on SIGINT/SIGTERM/SIGHUP; a SIGKILL can leave it, never a part at the name.
 */
export const writeNewFile = async (file: NewFile, write: (handle: FileHandle) => Promise<void>, check?: (temporary: string) => Promise<void>): Promise<void> => {
  await refuseWritingOnto(file);
  const target = await realTarget(file.path);
  const existing = await lstat(target).catch(() => undefined);
  // A rename would put a file where a device, pipe or socket was, not write into it (as root, /dev/full itself).
  if (existing !== undefined && !existing.isFile() && !existing.isDirectory()) throw notAFile(file);
  // Refused before the work, not after it; the hard link below still refuses one made meanwhile.
  if (!file.replace && existing !== undefined) throw alreadyExists(file);
  await removeAbandonedTemporaries(target);
  const temporary = join(dirname(target), `.${basename(target)}.${ownWriterIdentity()}-${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx").catch(nameTheTarget(file.path));
  const stopWatching = removeOnSignal(temporary);
  try {
    try {
      await write(handle);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await check?.(temporary);
    if (file.replace) await rename(temporary, target).catch(nameTheTarget(file.path));
    else await linkNew(temporary, target, file).catch(nameTheTarget(file.path));
    await syncDirectory(dirname(target));
  } finally {
    await unlink(temporary).catch(() => undefined);
    stopWatching();
  }
};

/** --out with the --force switch and the command's log, as `writeNewFile` takes them. */
const outFile = (args: ParsedArgs, out: string, protect: readonly string[]): NewFile => ({ path: out, option: "--out", replace: args.switches.has("force"), forceable: true, protect });

/**
 * Writes a command's output to --out, or to stdout without it. The file is written whole (a
 * temporary file renamed into place), never onto the command's own log (even with --force), and
 * never over an existing file without --force.
 */
export const writeOutput = async (io: Io, args: ParsedArgs, text: string | Uint8Array, protect: readonly string[] = []): Promise<void> => {
  const out = value(args, "out");
  if (out === undefined) {
    if (typeof text !== "string") throw new UsageError("this output is a binary file: give -o/--out <file>");
    io.stdout(text);
    return;
  }
  await writeNewFile(outFile(args, out, protect), async (handle) => handle.writeFile(text));
};

/**
 * `writeOutput` for output made piece by piece (the audit's findings): to stdout as it comes,
 * or to a temporary file put in place at the end with the same rules, so memory holds one piece.
 */
export const writeOutputPieces = async (io: Io, args: ParsedArgs, pieces: AsyncIterable<string>, protect: readonly string[] = []): Promise<void> => {
  const out = value(args, "out");
  if (out === undefined) {
    for await (const piece of pieces) io.stdout(piece);
    return;
  }
  await writeNewFile(outFile(args, out, protect), async (handle) => {
    for await (const piece of pieces) await handle.write(piece);
  });
};
