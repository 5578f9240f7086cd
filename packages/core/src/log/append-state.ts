import { createHash } from "node:crypto";
import { open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Catalog } from "../events/catalog.js";
import type { ConsistencyRule } from "../events/consistency.js";
import type { DomainEvent } from "../events/envelope.js";
import type { Issue } from "../events/issues.js";
import { CORE_VERSION } from "../version.js";
import { CONTENT_BYTES, ContentLog } from "./content-log.js";
import { FileRecordRun, ID_RECORD_BYTES, IdIndex, sortedRecords } from "./id-index.js";
import { decodeState, encodeState, inlineRecords, UnreadableStateError, type CollectionPlace } from "./lazy-collections.js";
import { RuleFiles } from "./rule-files.js";
import type { LogHead } from "./store.js";

/** Every type some of these rules keeps facts of, by their `learnsFrom`; undefined when a rule without one keeps every type. */
export const typesRulesLearnFrom = (rules: readonly ConsistencyRule<unknown>[]): ReadonlySet<string> | undefined =>
  rules.some((rule) => rule.learnsFrom === undefined) ? undefined : new Set(rules.flatMap((rule) => rule.learnsFrom ?? []));

/** Whether any of these rules keeps facts of an event type, by their `learnsFrom` (a rule without one keeps every type). */
export const someRuleLearnsFrom = (rules: readonly ConsistencyRule<unknown>[]): ((type: string) => boolean) => {
  const types = typesRulesLearnFrom(rules);
  return types === undefined ? () => true : (type) => types.has(type);
};

/**
 * The consistency rules' state, held here rather than in a `ConsistencyChecker` so it can be
 * saved beside the log and loaded back. Same semantics: `accept` checks, and learns when clean.
 */
export class RuleBook {
  /** Whether some rule keeps facts of an event of this type: correcting such an event makes the rules forget. */
  readonly learnsFrom: (type: string) => boolean;

  constructor(
    readonly rules: readonly ConsistencyRule<unknown>[],
    readonly states: unknown[] = rules.map((rule) => rule.init()),
  ) {
    this.learnsFrom = someRuleLearnsFrom(rules);
  }

  accept(event: DomainEvent): readonly Issue[] {
    const found = this.check(event);
    if (found.length === 0) this.learn(event);
    return found;
  }

  /** The issues the rules find with an event, learning nothing. */
  check(event: DomainEvent): readonly Issue[] {
    return this.rules.flatMap((rule, index) => rule.check(this.states[index], event));
  }

  /**
   * Makes every rule that learns from the fact's type forget it (`ConsistencyRule.forget`); false
   * when one of them cannot, or has no `forget`: those rules must then be started over.
   */
  forget(fact: DomainEvent): boolean {
    let exact = true;
    this.rules.forEach((rule, index) => {
      if (rule.learnsFrom !== undefined && !rule.learnsFrom.includes(fact.type)) return;
      if (rule.forget === undefined || !rule.forget(this.states[index], fact)) exact = false;
    });
    return exact;
  }

  learn(event: DomainEvent): void {
    this.rules.forEach((rule, index) => rule.learn(this.states[index], event));
  }

  /**
   * This book with every rule that learns from one of these types started over from `init()` (a
   * rule without `learnsFrom` learns from every type, so it always starts over); the others keep
   * their state. `restarted` holds the started-over rules alone, sharing their state objects with
   * `book` (a rule's `learn` mutates its state), so the facts that still count are folded into it.
   */
  restarting(types: ReadonlySet<string>): { readonly book: RuleBook; readonly restarted: RuleBook } {
    const affected = this.rules.map((rule) => rule.learnsFrom === undefined || rule.learnsFrom.some((type) => types.has(type)));
    const restarted = new RuleBook(this.rules.filter((_, index) => affected[index]));
    let next = 0;
    const states = this.states.map((state, index) => (affected[index] ? restarted.states[next++] : state));
    return { book: new RuleBook(this.rules, states), restarted };
  }
}

/** What append knows of the log: its head, ids, corrections so far and the rules' state. */
export interface AppendState {
  readonly head: LogHead;
  readonly ids: IdIndex;
  readonly removed: Set<string>;
  readonly rules: RuleBook;
  /** Every event's content fingerprint in seq order, where the store keeps it (a file's state does; a database answers from its table). */
  readonly contents?: ContentLog;
  /**
   * Where each fact the rules learned from is in the log, by id (the store's position of its line),
   * where the store keeps it (a file's state does): a batch correcting such a fact reads it there,
   * so a rule that can forget it exactly does without reading the log. A fact not here is found by
   * reading the log, as before.
   */
  readonly facts?: Map<string, string>;
}

/** Head, corrections and the rules' states in saved form: what the file and the database both keep. */
interface SavedCore {
  readonly head: LogHead;
  readonly removed: readonly string[];
  readonly rules: readonly unknown[];
  readonly facts?: unknown;
}

/** Where the facts' positions sit among a saved state's collections: apart from every rule's. */
const FACTS_PATH = JSON.stringify("facts");

/** The append state without its ids: what a store that looks ids up where they live (a database) keeps. */
export type AppendCore = Omit<AppendState, "ids">;

/**
 * Version 2 added the learned-from flag to each id's record, version 3 the file's content log: a
 * state of an earlier version lacks them and is rebuilt from the log.
 */
export const APPEND_STATE_FORMAT = "tertial-append-state/3";
const FORMAT = APPEND_STATE_FORMAT;

/**
 * A saved state is only good for the same rules: the same version of the core, each rule's name,
 * revision and the types it learns from (the ids' flags follow them), so a new version of a rule
 * never starts from an old one's state. Not their source text: a bundler reprints it (the
 * `tertial` command's bundle renames locals), and the command and a program using the library
 * must read each other's states.
 */
export const rulesFingerprint = (catalog: Catalog): string =>
  createHash("sha256")
    .update(`${FORMAT}\n${CORE_VERSION}\n`)
    .update(catalog.rules.map((rule) => `${rule.name}\n${rule.revision ?? 1}\n${rule.learnsFrom === undefined ? "*" : [...rule.learnsFrom].sort().join(" ")}`).join("\n\n"))
    .digest("hex");

/** The file the state was taken at: any other change to the log (a repair, an edit, an older writer) shows here. */
interface FileMark {
  readonly dev: string;
  readonly ino: string;
  readonly size: string;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
}

const markOf = async (path: string): Promise<FileMark> => {
  const info = await stat(path, { bigint: true });
  return { dev: String(info.dev), ino: String(info.ino), size: String(info.size), mtimeNs: String(info.mtimeNs), ctimeNs: String(info.ctimeNs) };
};

const sameMark = (a: FileMark, b: FileMark): boolean => a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;

export const statePath = (realLogPath: string): string => `${realLogPath}.append-state`;

/** The file of a saved state's id records: its base run (sorted) and then its journal, by the head seq the base was written at. */
export const idsPath = (realLogPath: string, generation: number): string => `${realLogPath}.append-ids.${generation}`;

/** The file of every event's content fingerprint, in seq order. */
export const contentsPath = (realLogPath: string): string => `${realLogPath}.append-contents`;

/**
 * A file's state keeps its ids and content fingerprints in files of their own, which an append
 * only adds to, so saving the state after a batch writes the batch's records, not the log's
 * (version 3 kept them in the state file, rewritten whole by every append: 47 MB at a million
 * events). Version 4's state file holds the rest, and where those files end. Version 5 files the
 * rules' big Maps and Sets likewise (`rule-files.ts`): version 4 rewrote them whole with every
 * save, 14 MB when the staff rules know a third of a million positions.
 */
export const APPEND_STATE_FILE_FORMAT = "tertial-append-state/5";

/** Where a state's id records are: `base` sorted records, then `journal` records in the order added. */
interface SavedIds {
  readonly generation: number;
  readonly base: number;
  readonly journal: number;
  readonly fences: Uint8Array;
}

interface Saved extends SavedCore {
  readonly format: string;
  readonly fingerprint: string;
  readonly mark: FileMark;
  readonly ids: SavedIds;
  /** How many fingerprints of the contents file are the log's. */
  readonly contents: number;
}

/**
 * The journal is written into the base's file until it holds this many records; then the next
 * save merges it into a new base: one rewrite per an eighth of the log (or 16 384 ids), so an
 * append costs O(batch) amortised, and a load reads at most that many records besides the
 * blocks its lookups need.
 */
const defaultJournalLimit = (base: number): number => Math.max(16_384, Math.floor(base / 8));

export interface SaveStateOptions {
  /** How many ids the journal may hold before a save writes a new base run; by default an eighth of the base, at least 16 384. */
  readonly journalLimit?: number;
  /** From how many bytes of records a rule's Map or Set is kept in a rules file of its own; by default 64 KiB. */
  readonly rulesFiledFrom?: number;
  /** How many changes a filed Map or Set's journal may hold before a save writes it anew; by default a sixteenth of its records, at least 4 096. */
  readonly rulesJournalLimit?: number;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Map) && !(value instanceof Set) && !ArrayBuffer.isView(value);

/**
 * Puts saved fields back into a fresh `init()` value, so class instances in it (a rule's
 * `KnownReferences`) keep their methods; Maps, Sets and plain data come back as saved.
 */
const hydrate = (fresh: unknown, saved: unknown): unknown => {
  if (!isPlainObject(fresh) || !isPlainObject(saved)) return saved;
  const target = fresh as Record<string, unknown>;
  for (const key of Object.keys(saved)) target[key] = hydrate(target[key], saved[key]);
  return target;
};

/** Where rule `index`'s collections sit in a saved state: by its place and name, so no two rules share one. */
const rulePath = (rules: readonly Pick<ConsistencyRule<unknown>, "name">[], index: number): string => JSON.stringify(`${index}:${rules[index]?.name ?? ""}`);

/** Throws UnsavableStateError when a rule keeps something that cannot be saved and loaded back. */
const savedCoreOf = (state: AppendCore, place: CollectionPlace = inlineRecords): SavedCore => ({
  head: state.head,
  removed: [...state.removed],
  rules: state.rules.states.map((ruleState, index) => encodeState(ruleState, place, rulePath(state.rules.rules, index))),
  ...(state.facts === undefined ? {} : { facts: encodeState(state.facts, place, FACTS_PATH) }),
});

const coreFromSaved = (saved: SavedCore, catalog: Catalog, place: CollectionPlace = inlineRecords): AppendCore | undefined => {
  if (!Array.isArray(saved.rules) || saved.rules.length !== catalog.rules.length || !Array.isArray(saved.removed)) return undefined;
  try {
    const states = catalog.rules.map((rule, index) => hydrate(rule.init(), decodeState(saved.rules[index], place, rulePath(catalog.rules, index))));
    const facts = saved.facts === undefined ? undefined : decodeState(saved.facts, place, FACTS_PATH);
    return { head: saved.head, removed: new Set(saved.removed), rules: new RuleBook(catalog.rules, states), ...(facts instanceof Map ? { facts: facts as Map<string, string> } : {}) };
  } catch (error) {
    if (error instanceof UnreadableStateError) return undefined;
    throw error;
  }
};

/**
 * The append state without its ids as bytes, for a store to keep beside its log (the caller binds
 * them to the head and to `rulesFingerprint`); undefined when a rule keeps something that cannot
 * be saved and loaded back (the file's state is then not kept either).
 */
export const encodeAppendCore = (state: AppendCore): Buffer | undefined => {
  try {
    return serialize({ format: FORMAT, ...savedCoreOf(state) });
  } catch {
    return undefined;
  }
};

/** The inverse of `encodeAppendCore`; undefined for bytes of another format or other rules. */
export const decodeAppendCore = (bytes: Uint8Array, catalog: Catalog): AppendCore | undefined => {
  let saved: SavedCore & { readonly format?: unknown };
  try {
    saved = deserialize(bytes) as SavedCore & { readonly format?: unknown };
  } catch {
    return undefined;
  }
  return saved?.format === FORMAT ? coreFromSaved(saved, catalog) : undefined;
};

/**
 * The format of an append state whose rules' Maps and Sets a store keeps apart, entry by entry (a
 * database table), so an append reads and writes only the entries its batch touches.
 */
export const APPEND_CORE_APART_FORMAT = "tertial-append-core-apart/1";

/**
 * The append state without its ids as bytes, its rules' collections put in `place` (which keeps
 * their entries; the bytes say where); undefined when a rule keeps something that cannot be saved.
 */
export const encodeAppendCoreApart = (state: AppendCore, place: CollectionPlace): Buffer | undefined => {
  try {
    return serialize({ format: APPEND_CORE_APART_FORMAT, ...savedCoreOf(state, place) });
  } catch {
    return undefined;
  }
};

/** The inverse of `encodeAppendCoreApart` over the same place; undefined for bytes of another format, other rules, or a collection the place does not hold. */
export const decodeAppendCoreApart = (bytes: Uint8Array, catalog: Catalog, place: CollectionPlace): AppendCore | undefined => {
  let saved: SavedCore & { readonly format?: unknown };
  try {
    saved = deserialize(bytes) as SavedCore & { readonly format?: unknown };
  } catch {
    return undefined;
  }
  return saved?.format === APPEND_CORE_APART_FORMAT ? coreFromSaved(saved, catalog, place) : undefined;
};

const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

const sizeOf = async (path: string): Promise<number | undefined> => stat(path).then((info) => (info.isFile() ? info.size : undefined), () => undefined);

/** The saved ids, when their file holds them: the base run read a block at a time, the journal read and sorted. */
const loadIds = async (realLogPath: string, saved: SavedIds): Promise<IdIndex | undefined> => {
  if (!isCount(saved?.generation) || !isCount(saved.base) || !isCount(saved.journal) || !(saved.fences instanceof Uint8Array)) return undefined;
  if (saved.fences.byteLength !== FileRecordRun.fenceBytes(saved.base)) return undefined;
  const path = idsPath(realLogPath, saved.generation);
  if ((await sizeOf(path) ?? -1) < (saved.base + saved.journal) * ID_RECORD_BYTES) return undefined;
  const journal = Buffer.allocUnsafe(saved.journal * ID_RECORD_BYTES);
  try {
    const file = await open(path, "r");
    try {
      await file.read(journal, 0, journal.length, saved.base * ID_RECORD_BYTES);
    } finally {
      await file.close();
    }
  } catch {
    // Gone since it was measured: a writer holding the lock wrote a new base (a reader without the lock may see that).
    return undefined;
  }
  const fences = Buffer.from(saved.fences.buffer, saved.fences.byteOffset, saved.fences.byteLength);
  return new IdIndex(new FileRecordRun(path, saved.base, fences), sortedRecords(journal));
};

/**
 * The head the last append recorded for this very file (same device and inode), whatever the log
 * holds now: evidence of what was committed, so that repair can tell a line an append never
 * finished from a committed line cut off since. Undefined when there is no readable state of it.
 */
export const recordedHeadOf = async (realLogPath: string): Promise<LogHead | undefined> => {
  try {
    const saved = deserialize(await readFile(statePath(realLogPath))) as Partial<Saved> | null;
    const head = saved?.head;
    if (saved?.format !== APPEND_STATE_FILE_FORMAT || saved.mark === undefined || typeof head?.seq !== "number" || typeof head.hash !== "string") return undefined;
    const info = await stat(realLogPath, { bigint: true });
    return saved.mark.dev === String(info.dev) && saved.mark.ino === String(info.ino) ? head : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The saved state, when it was taken at exactly the log as it is now (same file, same bytes,
 * by the same rules) and its id and content files hold what it says; undefined otherwise, and
 * then append rebuilds it by reading the log.
 */
export const loadAppendState = async (realLogPath: string, catalog: Catalog): Promise<AppendState | undefined> => {
  let saved: Saved;
  try {
    saved = deserialize(await readFile(statePath(realLogPath))) as Saved;
  } catch {
    return undefined;
  }
  if (saved?.format !== APPEND_STATE_FILE_FORMAT || saved.fingerprint !== rulesFingerprint(catalog)) return undefined;
  if (!sameMark(saved.mark, await markOf(realLogPath))) return undefined;
  const core = coreFromSaved(saved, catalog, new RuleFiles(realLogPath, 0));
  if (core === undefined || saved.contents !== core.head.seq + 1) return undefined;
  if ((await sizeOf(contentsPath(realLogPath)) ?? -1) < saved.contents * CONTENT_BYTES) return undefined;
  const ids = await loadIds(realLogPath, saved.ids);
  if (ids === undefined) return undefined;
  return { ...core, ids, contents: new ContentLog(undefined, { path: contentsPath(realLogPath), count: saved.contents }) };
};

/** Writes `bytes` at `position` of a file that exists. */
const writeAt = async (path: string, bytes: Uint8Array, position: number): Promise<void> => {
  const file = await open(path, "r+");
  try {
    await file.write(bytes, 0, bytes.length, position);
  } finally {
    await file.close();
  }
};

/** Writes a whole file under a temporary name, then puts it in place. */
const replaceFile = async (path: string, bytes: Uint8Array): Promise<void> => {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
};

/**
 * The ids written where the saved state will say: the records added since the state was loaded
 * go at the end of its journal while the journal has room; otherwise (a state learnt from the
 * log, or a full journal) every record is merged into a new base run, in a file of its own.
 */
const saveIds = async (realLogPath: string, ids: IdIndex, head: LogHead, journalLimit: number | undefined): Promise<SavedIds> => {
  const file = ids.baseFile;
  if (file !== undefined && file.path.startsWith(`${realLogPath}.append-ids.`) && ids.journalCount + ids.addedCount <= (journalLimit ?? defaultJournalLimit(file.count))) {
    const generation = Number(file.path.slice(`${realLogPath}.append-ids.`.length));
    await writeAt(file.path, ids.addedRecords(), (file.count + ids.journalCount) * ID_RECORD_BYTES);
    return { generation, base: file.count, journal: ids.journalCount + ids.addedCount, fences: file.fences };
  }
  const sorted = ids.toBuffer();
  const generation = head.seq + 1;
  await replaceFile(idsPath(realLogPath, generation), sorted);
  return { generation, base: sorted.length / ID_RECORD_BYTES, journal: 0, fences: FileRecordRun.fencesOf(sorted) };
};

/** The content fingerprints written to their file: the ones pushed since the state was loaded, or every one. */
const saveContents = async (realLogPath: string, contents: ContentLog): Promise<number> => {
  const path = contentsPath(realLogPath);
  if (contents.file?.path === path) await writeAt(path, contents.pushed(), contents.file.count * CONTENT_BYTES);
  else await replaceFile(path, contents.toBuffer());
  return contents.size;
};

/** Removes id files of other generations than the one the saved state names: left by an earlier base, or by an append that stopped. */
const removeOtherIdFiles = async (realLogPath: string, keep: number): Promise<void> => {
  const prefix = `${basename(realLogPath)}.append-ids.`;
  const names = await readdir(dirname(realLogPath)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith(prefix) && name !== `${prefix}${keep}`) await rm(join(dirname(realLogPath), name), { force: true });
  }
};

/**
 * Saves the state for the log as it is now. A cache: its ids and fingerprints are written
 * first, then the state file that says how many of them are the log's (to a temporary file,
 * renamed; nothing synced); if any is lost, torn or stale the next append rebuilds it from the
 * log. A state that cannot be saved (a rule keeping something v8 cannot copy) is simply not kept.
 */
export const saveAppendState = async (realLogPath: string, catalog: Catalog, state: AppendState, options: SaveStateOptions = {}): Promise<void> => {
  const path = statePath(realLogPath);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const rules = await RuleFiles.forSave(realLogPath, state.head.seq, options);
    const core = savedCoreOf(state, rules);
    // A state without its content log (one a database kept) is not saved as a file's: the next append rebuilds it.
    if (state.contents === undefined) throw new Error("no content log");
    const ids = await saveIds(realLogPath, state.ids, state.head, options.journalLimit);
    const contents = await saveContents(realLogPath, state.contents);
    await rules.write();
    const saved: Saved = { format: APPEND_STATE_FILE_FORMAT, fingerprint: rulesFingerprint(catalog), mark: await markOf(realLogPath), head: core.head, removed: core.removed, ids, rules: core.rules, contents, ...(core.facts === undefined ? {} : { facts: core.facts }) };
    await writeFile(temporary, serialize(saved));
    await rename(temporary, path);
    await removeOtherIdFiles(realLogPath, ids.generation);
    await rules.removeUnnamed();
  } catch {
    await rm(temporary, { force: true });
    await removeStateFile(path);
  }
};

export const forgetAppendState = async (realLogPath: string): Promise<void> => removeStateFile(statePath(realLogPath));

/**
 * Removes a state file if there is one. Something else in its place (a directory) is the user's:
 * it is never removed, and the error names the path as a file error does, so the command says
 * what is in the way instead of failing inside.
 */
const removeStateFile = async (path: string): Promise<void> => {
  try {
    await rm(path, { force: true });
  } catch (error) {
    if ((error as { code?: string }).code !== "ERR_FS_EISDIR") throw error;
    throw Object.assign(new Error(`${path}: is a directory, where the log's append state belongs`), { code: "EISDIR", path, syscall: "rm" });
  }
};
