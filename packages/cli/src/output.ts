import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { copyFile, link, open, realpath, rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { formatIssue, type Issue } from "@tertial/core";
import { FileRefusal, UsageError, value, type FlagSpec, type Io, type ParsedArgs } from "./command.js";

/** Stable, pretty JSON: the same value always prints the same bytes. */
export const toJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export const printIssues = (io: Io, issues: readonly Issue[]): void => {
  for (const found of issues) io.stderr(`${formatIssue(found)}\n`);
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

/** Puts the finished temporary file at a name that must not exist yet (atomic: a hard link). */
const linkNew = async (temporary: string, target: string, text: string | Uint8Array, shown: string): Promise<void> => {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new FileRefusal(`${shown} already exists; give --force to replace it`);
    // File systems without hard links: exclusive create still refuses an existing file.
    if (code === "EPERM" || code === "ENOTSUP" || code === "EXDEV") await writeFile(target, text, { flag: "wx" });
    else throw error;
  }
};

/** `linkNew` for a file too big to hold: the fallback copies it, still refusing an existing target. */
const linkNewFile = async (temporary: string, target: string, shown: string): Promise<void> => {
  try {
    await link(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new FileRefusal(`${shown} already exists; give --force to replace it`);
    if (code === "EPERM" || code === "ENOTSUP" || code === "EXDEV") await copyFile(temporary, target, constants.COPYFILE_EXCL);
    else throw error;
  }
};

/** Refuses --out naming one of these files (the command's log), even with --force: a usage error. */
export const refuseOutputOnto = async (args: ParsedArgs, protect: readonly string[]): Promise<void> => {
  const out = value(args, "out");
  if (out === undefined) return;
  const target = await realTarget(out);
  for (const path of protect) {
    if (target === (await realTarget(path))) throw new UsageError(`--out ${out} is the log itself; Tertial never writes output onto a log`);
  }
};

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
  await refuseOutputOnto(args, protect);
  const target = await realTarget(out);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    // Name the file the user asked for, not the temporary one (a missing directory, no permission).
    throw Object.assign(error, { path: out });
  });
  try {
    if (args.switches.has("force")) await rename(temporary, target);
    else await linkNew(temporary, target, text, out);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
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
  await refuseOutputOnto(args, protect);
  const target = await realTarget(out);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx").catch((error: NodeJS.ErrnoException) => {
    throw Object.assign(error, { path: out });
  });
  try {
    try {
      for await (const piece of pieces) await handle.write(piece);
    } finally {
      await handle.close();
    }
    if (args.switches.has("force")) await rename(temporary, target);
    else await linkNewFile(temporary, target, out);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
};
