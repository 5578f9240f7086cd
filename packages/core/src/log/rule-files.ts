/**
 * Where a file's append state keeps its rules' big Maps and Sets: as sorted records in files of
 * their own beside the log (`<log>.append-rules.<n>`), written once, plus a journal of the
 * changes since, kept in the state file. A save writes the changes a batch made, not the megabytes
 * of a rule that knows every position; when a journal would pass a sixteenth of its records (at
 * least 4 096) the save writes the collection's records anew, in a new file. Small collections
 * stay in the state file as records, as in format 4.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { readdir, rm, writeFile, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { RecordEntries, recordsOf, type CollectionChanges, type CollectionPlace, type SavedEntries } from "./lazy-collections.js";
import { EMPTY, lowerBound, merge, recordAt, type Records } from "./sorted-records.js";

/** A collection kept in a rules file: its records there, and the changes since (a value as "=" + its text, a removal as "!"). */
interface Filed {
  readonly generation: number;
  readonly offset: number;
  readonly count: number;
  readonly dataBytes: number;
  readonly journal: Records;
}

/** What the state holds in a collection's place: its records, or where they are filed. */
type Kept = { readonly records: Records } | { readonly filed: Filed };

const SET = "=";
const REMOVED = "!";
/** A collection whose records take fewer bytes than this stays in the state file. */
const FILED_FROM = 64 * 1024;
const defaultJournalLimit = (count: number): number => Math.max(4096, Math.floor(count / 16));

/** Where the limits are tuned (tests use small ones, so few entries go every way). */
export interface RuleFileLimits {
  readonly rulesFiledFrom?: number;
  readonly rulesJournalLimit?: number;
}

export const rulesFilePath = (realLogPath: string, generation: number): string => `${realLogPath}.append-rules.${generation}`;

const recordCount = (records: Records): number => records.offsets.length - 1;

const isRecords = (value: unknown): value is Records => {
  const records = value as Partial<Records> | undefined;
  return records?.offsets instanceof Uint32Array && records.data instanceof Uint8Array;
};

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

const isFiled = (value: unknown): value is Filed => {
  const filed = value as Partial<Filed> | undefined;
  return isCount(filed?.generation) && isCount(filed.offset) && isCount(filed.count) && isCount(filed.dataBytes) && isRecords(filed.journal);
};

/** A filed collection's entries: the journal first, then its records, read from their file at the first lookup. */
class FiledEntries implements SavedEntries {
  private base: Records | undefined;

  constructor(
    readonly file: string,
    readonly path: string,
    readonly filed: Filed,
  ) {}

  get empty(): boolean {
    return this.filed.count === 0 && recordCount(this.filed.journal) === 0;
  }

  /** The records as the file holds them, read whole once: a plain copy, nothing parsed. */
  records(): Records {
    if (this.base !== undefined) return this.base;
    const offsets = new Uint32Array(this.filed.count + 1);
    const data = Buffer.allocUnsafe(this.filed.dataBytes);
    const descriptor = openSync(this.file, "r");
    try {
      readSync(descriptor, new Uint8Array(offsets.buffer), 0, offsets.byteLength, this.filed.offset);
      readSync(descriptor, data, 0, data.length, this.filed.offset + offsets.byteLength);
    } finally {
      closeSync(descriptor);
    }
    this.base = { offsets, data };
    return this.base;
  }

  /** The journal as changes: a value's text, or undefined for a removal. */
  journalChanges(): Map<string, string | undefined> {
    const changes = new Map<string, string | undefined>();
    for (let index = 0; index < recordCount(this.filed.journal); index += 1) {
      const { key, value } = recordAt(this.filed.journal, index);
      changes.set(key, value === REMOVED ? undefined : value.slice(SET.length));
    }
    return changes;
  }

  find(key: string): string | undefined {
    const bytes = Buffer.from(key, "utf8");
    const journaled = lowerBound(this.filed.journal, bytes);
    if (journaled.found) {
      const value = recordAt(this.filed.journal, journaled.index).value;
      return value === REMOVED ? undefined : value.slice(SET.length);
    }
    if (this.filed.count === 0) return undefined;
    const records = this.records();
    const at = lowerBound(records, bytes);
    return at.found ? recordAt(records, at.index).value : undefined;
  }

  sorted(): Records {
    return merge(this.filed.count === 0 ? EMPTY : this.records(), this.journalChanges());
  }

  all(): Iterable<readonly [string, string]> {
    return new RecordEntries(this.sorted()).all();
  }
}

/** The bytes of a collection's records in a rules file: its offsets, then its data. */
const filedBytes = (records: Records): Buffer[] => [Buffer.from(records.offsets.buffer, records.offsets.byteOffset, records.offsets.byteLength), Buffer.from(records.data.buffer, records.data.byteOffset, records.data.byteLength)];

/**
 * The place of one save (or one load): `generation` names the file new records go to, chosen
 * above every rules file beside the log, so a file a saved state names is never overwritten.
 */
export class RuleFiles implements CollectionPlace {
  readonly field = "kept";
  private readonly pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The rules files the state being saved names. */
  readonly named = new Set<number>();

  constructor(
    readonly realLogPath: string,
    readonly generation: number,
    private readonly limits: RuleFileLimits = {},
  ) {}

  /** A place for a save at `head seq`: its new file numbered above the head and every rules file there is. */
  static async forSave(realLogPath: string, headSeq: number, limits: RuleFileLimits = {}): Promise<RuleFiles> {
    const prefix = `${basename(realLogPath)}.append-rules.`;
    const names = await readdir(dirname(realLogPath)).catch(() => [] as string[]);
    const taken = names.filter((name) => name.startsWith(prefix)).map((name) => Number(name.slice(prefix.length))).filter(Number.isSafeInteger);
    return new RuleFiles(realLogPath, Math.max(headSeq + 1, ...taken.map((generation) => generation + 1)), limits);
  }

  private file(records: Records): Kept {
    const offset = this.pendingBytes;
    for (const chunk of filedBytes(records)) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
    }
    this.named.add(this.generation);
    return { filed: { generation: this.generation, offset, count: recordCount(records), dataBytes: records.data.byteLength, journal: EMPTY } };
  }

  put(path: string, collection: CollectionChanges): Kept {
    const base = collection.base;
    if (base instanceof FiledEntries && base.file === rulesFilePath(this.realLogPath, base.filed.generation) && base.path === path) {
      const changes = new Map<string, string | undefined>();
      for (const [key, value] of collection.changes) changes.set(key, value === undefined ? REMOVED : `${SET}${value}`);
      const journal = merge(base.filed.journal, changes);
      if (recordCount(journal) <= (this.limits.rulesJournalLimit ?? defaultJournalLimit(base.filed.count))) {
        this.named.add(base.filed.generation);
        return { filed: { ...base.filed, journal } };
      }
    }
    const records = recordsOf(collection);
    return records.data.byteLength < (this.limits.rulesFiledFrom ?? FILED_FROM) ? { records } : this.file(records);
  }

  entries(path: string, held: unknown): SavedEntries | undefined {
    const kept = held as Partial<{ records: unknown; filed: unknown }> | undefined;
    if (isRecords(kept?.records)) return new RecordEntries(kept.records);
    if (!isFiled(kept?.filed)) return undefined;
    const file = rulesFilePath(this.realLogPath, kept.filed.generation);
    // A file shorter than the state says (lost, torn, or another's) is no state: it is rebuilt from the log.
    if (sizeOf(file) < kept.filed.offset + (kept.filed.count + 1) * 4 + kept.filed.dataBytes) return undefined;
    this.named.add(kept.filed.generation);
    return new FiledEntries(file, path, kept.filed);
  }

  /** Writes the records this save filed, under a temporary name, then in place; before the state that names them. */
  async write(): Promise<void> {
    if (this.pending.length === 0) return;
    const path = rulesFilePath(this.realLogPath, this.generation);
    const temporary = `${path}.${process.pid}.tmp`;
    try {
      await writeFile(temporary, this.pending);
      await rename(temporary, path);
    } finally {
      await rm(temporary, { force: true });
    }
  }

  /** Removes the rules files the saved state does not name: earlier records, or a save that stopped. */
  async removeUnnamed(): Promise<void> {
    const prefix = `${basename(this.realLogPath)}.append-rules.`;
    const names = await readdir(dirname(this.realLogPath)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.startsWith(prefix) && !this.named.has(Number(name.slice(prefix.length)))) await rm(join(dirname(this.realLogPath), name), { force: true });
    }
  }
}

const sizeOf = (path: string): number => {
  try {
    const descriptor = openSync(path, "r");
    try {
      return fstatSync(descriptor).size;
    } finally {
      closeSync(descriptor);
    }
  } catch {
    return -1;
  }
};
