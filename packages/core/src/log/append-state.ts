import { createHash } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { deserialize, serialize } from "node:v8";
import type { Catalog } from "../events/catalog.js";
import type { ConsistencyRule } from "../events/consistency.js";
import type { DomainEvent } from "../events/envelope.js";
import type { Issue } from "../events/issues.js";
import { CORE_VERSION } from "../version.js";
import { ContentLog } from "./content-log.js";
import { IdIndex } from "./id-index.js";
import { decodeState, encodeState } from "./lazy-collections.js";
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
    private readonly rules: readonly ConsistencyRule<unknown>[],
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
}

/** Head, corrections and the rules' states in saved form: what the file and the database both keep. */
interface SavedCore {
  readonly head: LogHead;
  readonly removed: readonly string[];
  readonly rules: readonly unknown[];
}

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

interface Saved extends SavedCore {
  readonly format: string;
  readonly fingerprint: string;
  readonly mark: FileMark;
  readonly ids: Uint8Array;
  readonly contents: Uint8Array;
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

/** Throws UnsavableStateError when a rule keeps something that cannot be saved and loaded back. */
const savedCoreOf = (state: AppendCore): SavedCore => ({ head: state.head, removed: [...state.removed], rules: state.rules.states.map(encodeState) });

const coreFromSaved = (saved: SavedCore, catalog: Catalog): AppendCore | undefined => {
  if (!Array.isArray(saved.rules) || saved.rules.length !== catalog.rules.length || !Array.isArray(saved.removed)) return undefined;
  const states = catalog.rules.map((rule, index) => hydrate(rule.init(), decodeState(saved.rules[index])));
  return { head: saved.head, removed: new Set(saved.removed), rules: new RuleBook(catalog.rules, states) };
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
 * The saved state, when it was taken at exactly the log as it is now (same file, same bytes,
 * by the same rules); undefined otherwise, and then append rebuilds it by reading the log.
 */
export const loadAppendState = async (realLogPath: string, catalog: Catalog): Promise<AppendState | undefined> => {
  let saved: Saved;
  try {
    saved = deserialize(await readFile(statePath(realLogPath))) as Saved;
  } catch {
    return undefined;
  }
  if (saved?.format !== FORMAT || saved.fingerprint !== rulesFingerprint(catalog)) return undefined;
  if (!sameMark(saved.mark, await markOf(realLogPath))) return undefined;
  const core = coreFromSaved(saved, catalog);
  if (core === undefined) return undefined;
  const ids = Buffer.from(saved.ids.buffer, saved.ids.byteOffset, saved.ids.byteLength);
  const contents = new ContentLog(saved.contents);
  if (contents.size !== core.head.seq + 1) return undefined;
  return { ...core, ids: new IdIndex(ids), contents };
};

/**
 * Saves the state for the log as it is now. A cache: written to a temporary file and renamed,
 * not synced; if it is lost, torn or stale the next append rebuilds it from the log. A state
 * that cannot be saved (a rule keeping something v8 cannot copy) is simply not kept.
 */
export const saveAppendState = async (realLogPath: string, catalog: Catalog, state: AppendState): Promise<void> => {
  const path = statePath(realLogPath);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    const core = savedCoreOf(state);
    // Key order is the file format (v8 keeps it): unchanged since the first version.
    // A state without its content log (one a database kept) is not saved as a file's: the next append rebuilds it.
    if (state.contents === undefined) throw new Error("no content log");
    const saved: Saved = { format: FORMAT, fingerprint: rulesFingerprint(catalog), mark: await markOf(realLogPath), head: core.head, removed: core.removed, ids: state.ids.toBuffer(), rules: core.rules, contents: state.contents.toBuffer() };
    await writeFile(temporary, serialize(saved));
    await rename(temporary, path);
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
