import { readdirSync, readFileSync } from "node:fs";
import { mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { isAscii } from "node:buffer";
import { asciiJson } from "./ascii-json.js";
import { sha256Hex } from "./chain.js";
import { join } from "node:path";
import { SNAPSHOT_FORMAT, StaleSnapshotError, type ReplaySnapshot, type SnapshotStore } from "../snapshots/snapshot.js";

/** Where a log's snapshots live: a folder beside its real path, one folder per plan. */
export const snapshotFolderOf = (realLogPath: string): string => `${realLogPath}.snapshots`;

const NAME = /^(\d{12})-(\d+)\.json$/;

const fileName = (snapshot: ReplaySnapshot): string => `${String(snapshot.anchor.seq).padStart(12, "0")}-${Date.parse(snapshot.recordedAt)}.json`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * A snapshot as text, for a file or a database row: a first line with all but the states (which
 * name their folds, in order), then each fold's state on a line of its own, all in ASCII. A reader
 * parses the first line, and a fold's state only when the replay wants it (`parseSnapshot`).
 */
export const snapshotText = (snapshot: ReplaySnapshot): string => {
  const { states, ...rest } = snapshot;
  const folds = Object.keys(states).filter((fold) => states[fold] !== undefined);
  const body = folds.map((fold) => `${asciiJson(states[fold])}\n`).join("");
  return `${asciiJson({ ...rest, states: folds, statesDigest: sha256Hex(body) })}\n${body}`;
};

/**
 * The states of a snapshot's text, each parsed when first read and kept. The lines were checked
 * against the digest the first line gives, so each is the JSON that was written; one that is not
 * is said as a snapshot that does not fit.
 */
const statesReadWhenWanted = (folds: readonly string[], texts: readonly string[], where: string): Readonly<Record<string, unknown>> => {
  const states: Record<string, unknown> = {};
  folds.forEach((fold, index) => {
    let read: { readonly state: unknown } | undefined;
    Object.defineProperty(states, fold, {
      enumerable: true,
      get: () => {
        try {
          read ??= { state: JSON.parse(texts[index] ?? "") as unknown };
        } catch (error) {
          throw new StaleSnapshotError(`${where}: the state of ${fold} is not JSON (${(error as Error).message}): the snapshot was changed since it was written; delete it (snapshots are a cache)`);
        }
        return read.state;
      },
    });
  });
  return states;
};

const isFoldList = (value: unknown): value is string[] => Array.isArray(value) && value.every((fold) => typeof fold === "string") && new Set(value).size === value.length;

/** The snapshot a text (a file's, a row's) holds, or what is wrong with it; `where` names it in the message of a state that turns out not to be JSON. */
export const parseSnapshot = (text: string, plan: string, where = "a snapshot"): ReplaySnapshot | string => {
  const firstLineEnd = text.indexOf("\n");
  let raw: unknown;
  try {
    raw = JSON.parse(firstLineEnd === -1 ? text : text.slice(0, firstLineEnd));
  } catch (error) {
    return `is not JSON: ${(error as Error).message}`;
  }
  if (!isObject(raw)) return "is not a JSON object";
  if (raw.format !== SNAPSHOT_FORMAT) return `has format ${JSON.stringify(raw.format)}, expected ${SNAPSHOT_FORMAT}`;
  if (raw.plan !== plan) return `belongs to plan ${JSON.stringify(raw.plan)}, not ${plan}`;
  const anchor = raw.anchor;
  if (!isObject(anchor) || !isCount(anchor.seq) || typeof anchor.hash !== "string" || !/^[0-9a-f]{64}$/.test(anchor.hash) || typeof anchor.position !== "string") return "anchor: expected {seq, hash (64 hex digits), position}";
  if (typeof raw.recordedAt !== "string" || Number.isNaN(Date.parse(raw.recordedAt))) return "recordedAt: expected an instant";
  if (!isCount(raw.events) || !isCount(raw.lines)) return "events, lines: expected counts";
  if (!isFoldList(raw.states)) return "states: expected the names of the folds, each once";
  if (typeof raw.statesDigest !== "string") return "statesDigest: expected the SHA-256 of the state lines";
  // The states are parsed only when wanted, so they are checked as text now: a state changed, cut short, added or taken out since it was written is never used.
  const body = firstLineEnd === -1 ? "" : text.slice(firstLineEnd + 1);
  if (sha256Hex(body) !== raw.statesDigest) return "has state lines other than those it was written with (their SHA-256 is not the one its first line gives)";
  const texts = body.split("\n");
  if (texts.pop() !== "" || texts.length !== raw.states.length) return `holds ${texts.length} state line(s) where its first line names ${raw.states.length} fold(s)`;
  const { statesDigest: _digest, ...snapshot } = raw;
  return { ...(snapshot as unknown as Omit<ReplaySnapshot, "states">), states: statesReadWhenWanted(raw.states, texts, where) };
};

/** A snapshot file's text: as Latin-1 when it is all ASCII (as `save` writes it; the same characters, read faster), else as UTF-8. */
const textOf = (bytes: Buffer): string => (isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8"));

const readIfThere = (file: string): Buffer | undefined => {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
};

export interface FileSnapshotOptions {
  /** Told about a snapshot file that cannot be used (it is skipped, never trusted). */
  readonly onIgnored?: (file: string, problem: string) => void;
}

/**
 * Snapshots kept beside a log file, in `<log>.snapshots/<plan>/<seq>-<recorded ms>.json`,
 * each written whole (a temporary file renamed into place). A cache: deleting the folder only
 * makes the next report replay from the beginning. Like the append state, a snapshot is trusted
 * as the log is: anyone who may edit the log's folder may edit it too (see the README).
 */
export const fileSnapshots = (logPath: string, options: FileSnapshotOptions = {}): SnapshotStore => {
  // Resolved once: a process asking many known-at questions of one log should not walk its path each time.
  let real: Promise<string> | undefined;
  const folderOf = async (plan: string): Promise<string> => join(snapshotFolderOf(await (real ??= realpath(logPath))), plan);

  // Read synchronously: a snapshot is read whole and is a few hundred KiB, and the asynchronous
  // reads' trips through the thread pool (list, open, stat, read, close) took longer than reading
  // it (2 of a known-at report's 50 ms); the event loop is held for a fraction of a millisecond.
  const candidates = (folder: string, cutoffMs: number | undefined): string[] => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") return [];
      // A file where the folder belongs (`<log>.snapshots` made by hand): a cache that cannot serve, not a fault of the log.
      if (code === "ENOTDIR") {
        options.onIgnored?.(folder, "cannot be read: a part of its path is a file, not a folder");
        return [];
      }
      throw error;
    }
    return names
      .map((name) => ({ name, parts: NAME.exec(name) }))
      .filter(({ parts }) => parts !== null && (cutoffMs === undefined || Number(parts[2]) <= cutoffMs))
      .map(({ name }) => name)
      .sort()
      .reverse();
  };

  return {
    nearest: async (plan, cutoffMs) => {
      const folder = await folderOf(plan);
      for (const name of candidates(folder, cutoffMs)) {
        const file = join(folder, name);
        const bytes = readIfThere(file);
        // Removed since the folder was listed (a cache being cleared): the next one serves.
        if (bytes === undefined) continue;
        const parsed = parseSnapshot(textOf(bytes), plan, file);
        if (typeof parsed !== "string") return parsed;
        options.onIgnored?.(file, parsed);
      }
      return undefined;
    },
    save: async (snapshot) => {
      const folder = await folderOf(snapshot.plan);
      const text = snapshotText(snapshot);
      await mkdir(folder, { recursive: true });
      const file = join(folder, fileName(snapshot));
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, text);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
};
