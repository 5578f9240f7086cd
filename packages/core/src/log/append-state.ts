import { createHash } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { deserialize, serialize } from "node:v8";
import type { Catalog } from "../events/catalog.js";
import type { ConsistencyRule } from "../events/consistency.js";
import type { DomainEvent } from "../events/envelope.js";
import type { Issue } from "../events/issues.js";
import { decodeState, encodeState } from "./lazy-collections.js";
import type { LogHead } from "./store.js";

/** What append needs to know of an earlier event: its content fingerprint and whether it is a retraction. */
export interface KnownId {
  readonly content: string;
  readonly retraction: boolean;
}

const KEY_BYTES = 16;
const CONTENT_BYTES = 15;
const RECORD_BYTES = KEY_BYTES + CONTENT_BYTES + 1;

const keyOf = (id: string): Buffer => createHash("sha256").update(id, "utf8").digest().subarray(0, KEY_BYTES);

/**
 * Every id in the log, as fixed 32-byte records sorted by a hash of the id (16 bytes of it, the
 * content fingerprint, a retraction flag) plus the ids added since: a lookup is a binary search,
 * so a million ids load as one buffer instead of a million map entries.
 */
export class IdIndex {
  private readonly added = new Map<string, KnownId>();

  constructor(private readonly sorted: Buffer = Buffer.alloc(0)) {}

  get size(): number {
    return this.sorted.length / RECORD_BYTES + this.added.size;
  }

  lookup(id: string): KnownId | undefined {
    return this.added.get(id) ?? this.search(keyOf(id));
  }

  add(id: string, known: KnownId): void {
    this.added.set(id, known);
  }

  private search(key: Buffer): KnownId | undefined {
    let low = 0;
    let high = this.sorted.length / RECORD_BYTES - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const at = middle * RECORD_BYTES;
      const order = this.sorted.compare(key, 0, KEY_BYTES, at, at + KEY_BYTES);
      if (order === 0) return { content: this.sorted.toString("hex", at + KEY_BYTES, at + KEY_BYTES + CONTENT_BYTES), retraction: this.sorted[at + RECORD_BYTES - 1] === 1 };
      if (order > 0) high = middle - 1;
      else low = middle + 1;
    }
    return undefined;
  }

  /** All records, sorted, as one buffer: what the append state stores. Untouched runs are copied whole. */
  toBuffer(): Buffer {
    const fresh = [...this.added].map(([id, known]) => {
      const record = Buffer.alloc(RECORD_BYTES);
      keyOf(id).copy(record, 0);
      record.write(known.content, KEY_BYTES, CONTENT_BYTES, "hex");
      record[RECORD_BYTES - 1] = known.retraction ? 1 : 0;
      return record;
    });
    fresh.sort((a, b) => a.compare(b, 0, KEY_BYTES, 0, KEY_BYTES));
    const chunks: Buffer[] = [];
    let from = 0;
    for (const record of fresh) {
      const until = this.lowerBound(record.subarray(0, KEY_BYTES)) * RECORD_BYTES;
      chunks.push(this.sorted.subarray(from, until), record);
      from = until;
    }
    chunks.push(this.sorted.subarray(from));
    return Buffer.concat(chunks);
  }

  private lowerBound(key: Buffer): number {
    let low = 0;
    let high = this.sorted.length / RECORD_BYTES;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted.compare(key, 0, KEY_BYTES, middle * RECORD_BYTES, middle * RECORD_BYTES + KEY_BYTES) > 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** The length of a content fingerprint, in hex digits: what the index keeps of a content hash. */
export const CONTENT_HEX = CONTENT_BYTES * 2;

/**
 * The consistency rules' state, held here rather than in a `ConsistencyChecker` so it can be
 * saved beside the log and loaded back. Same semantics: `accept` checks, and learns when clean.
 */
export class RuleBook {
  constructor(
    private readonly rules: readonly ConsistencyRule<unknown>[],
    readonly states: unknown[] = rules.map((rule) => rule.init()),
  ) {}

  accept(event: DomainEvent): readonly Issue[] {
    const found = this.rules.flatMap((rule, index) => rule.check(this.states[index], event));
    if (found.length === 0) this.learn(event);
    return found;
  }

  learn(event: DomainEvent): void {
    this.rules.forEach((rule, index) => rule.learn(this.states[index], event));
  }
}

/** What append knows of the log: its head, ids, corrections so far and the rules' state. */
export interface AppendState {
  readonly head: LogHead;
  readonly ids: IdIndex;
  readonly removed: Set<string>;
  readonly rules: RuleBook;
}

const FORMAT = "tertial-append-state/1";

/**
 * A saved state is only good for the same rules: their names and the code that builds and
 * feeds their state, so a new version of a rule never starts from an old one's state.
 */
export const rulesFingerprint = (catalog: Catalog): string =>
  createHash("sha256")
    .update(FORMAT)
    .update(catalog.rules.map((rule) => `${rule.name}\n${String(rule.init)}\n${String(rule.learn)}`).join("\n\n"))
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

interface Saved {
  readonly format: string;
  readonly fingerprint: string;
  readonly mark: FileMark;
  readonly head: LogHead;
  readonly removed: readonly string[];
  readonly ids: Uint8Array;
  readonly rules: readonly unknown[];
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
  if (saved?.format !== FORMAT || saved.fingerprint !== rulesFingerprint(catalog) || !Array.isArray(saved.rules) || saved.rules.length !== catalog.rules.length) return undefined;
  if (!sameMark(saved.mark, await markOf(realLogPath))) return undefined;
  const states = catalog.rules.map((rule, index) => hydrate(rule.init(), decodeState(saved.rules[index])));
  const ids = Buffer.from(saved.ids.buffer, saved.ids.byteOffset, saved.ids.byteLength);
  return { head: saved.head, ids: new IdIndex(ids), removed: new Set(saved.removed), rules: new RuleBook(catalog.rules, states) };
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
    const saved: Saved = {
      format: FORMAT,
      fingerprint: rulesFingerprint(catalog),
      mark: await markOf(realLogPath),
      head: state.head,
      removed: [...state.removed],
      ids: state.ids.toBuffer(),
      rules: state.rules.states.map(encodeState),
    };
    await writeFile(temporary, serialize(saved));
    await rename(temporary, path);
  } catch {
    await rm(temporary, { force: true });
    await rm(path, { force: true });
  }
};

export const forgetAppendState = async (realLogPath: string): Promise<void> => rm(statePath(realLogPath), { force: true });
