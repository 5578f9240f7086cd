import { readdirSync, readFileSync } from "node:fs";
import { mkdir, realpath, rename, rm, writeFile } from "node:fs/promises";
import { isAscii } from "node:buffer";
import { asciiJson } from "./ascii-json.js";
import { join } from "node:path";
import { SNAPSHOT_FORMAT, type ReplaySnapshot, type SnapshotStore } from "../snapshots/snapshot.js";

/** Where a log's snapshots live: a folder beside its real path, one folder per plan. */
export const snapshotFolderOf = (realLogPath: string): string => `${realLogPath}.snapshots`;

const NAME = /^(\d{12})-(\d+)\.json$/;

const fileName = (snapshot: ReplaySnapshot): string => `${String(snapshot.anchor.seq).padStart(12, "0")}-${Date.parse(snapshot.recordedAt)}.json`;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** The snapshot a file holds, or what is wrong with it. */
export const parseSnapshot = (text: string, plan: string): ReplaySnapshot | string => {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
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
  if (!isObject(raw.states)) return "states: expected an object";
  return raw as unknown as ReplaySnapshot;
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
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
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
        const parsed = parseSnapshot(textOf(bytes), plan);
        if (typeof parsed !== "string") return parsed;
        options.onIgnored?.(file, parsed);
      }
      return undefined;
    },
    save: async (snapshot) => {
      const folder = await folderOf(snapshot.plan);
      const text = `${asciiJson(snapshot)}\n`;
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
