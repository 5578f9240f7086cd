/**
 * Maps and Sets of a saved rule state that load in O(1) and answer lookups by binary search in
 * the saved bytes, so appending onto a long log does not rebuild a million-entry Map first.
 * A rule sees an ordinary Map or Set: `get`, `has`, `set`, `add` and `delete` touch only the
 * entries asked for (a value read is parsed once and kept, so a rule may mutate it in place); any
 * other use (size, iteration) loads the rest first.
 */
import { EMPTY, lowerBound, merge, recordAt, type Records } from "./sorted-records.js";

/** Whether a value survives JSON unchanged in meaning: plain data only. */
export const isPlainData = (value: unknown): boolean => {
  if (value === null || typeof value === "string" || typeof value === "boolean" || value === undefined) return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return (prototype === Object.prototype || prototype === null) && Object.values(value as object).every(isPlainData);
};

const keyable = (key: unknown): key is string => typeof key === "string" && !key.includes("\u0000");

/** A saved collection's entries, asked for one key at a time: each value as JSON text ("" for a Set's member). */
export interface SavedEntries {
  /** True only when nothing is saved: lookups then skip asking. */
  readonly empty: boolean;
  /** The value saved under `key`, or undefined when none is. */
  find(key: string): string | undefined;
  /** Every saved entry, for the uses that need them all (size, iteration). */
  all(): Iterable<readonly [string, string]>;
  /** The entries as sorted records, where they are kept so: a save merges changes into them without sorting. */
  sorted?(): Records;
}

/** Entries held as sorted records in memory: what a file's state keeps a collection as. */
export class RecordEntries implements SavedEntries {
  constructor(readonly records: Records) {}

  sorted(): Records {
    return this.records;
  }

  get empty(): boolean {
    return this.records.offsets.length === 1;
  }

  find(key: string): string | undefined {
    if (this.empty) return undefined;
    const at = lowerBound(this.records, Buffer.from(key, "utf8"));
    return at.found ? recordAt(this.records, at.index).value : undefined;
  }

  *all(): Iterable<readonly [string, string]> {
    for (let index = 0; index < this.records.offsets.length - 1; index += 1) {
      const { key, value } = recordAt(this.records, index);
      yield [key, value];
    }
  }
}

const NO_ENTRIES = new RecordEntries(EMPTY);

/** A collection's entries as they are now, as changes (a value's JSON text, or undefined for removed) to the entries it was loaded from. */
export interface CollectionChanges {
  readonly kind: "map" | "set";
  readonly base: SavedEntries;
  readonly changes: ReadonlyMap<string, string | undefined>;
}

export class LazyMap<V> extends Map<string, V> {
  private base: SavedEntries = NO_ENTRIES;
  private readonly removed = new Set<string>();
  /** Keys given a value by `set`: changed, with no need to compare them with what is saved (which may mean reading it). */
  private readonly assigned = new Set<string>();

  static over<V>(entries: SavedEntries): LazyMap<V> {
    const map = new LazyMap<V>();
    map.base = entries;
    return map;
  }

  static of<V>(records: Records): LazyMap<V> {
    return LazyMap.over(new RecordEntries(records));
  }

  private saved(key: string): string | undefined {
    return this.removed.has(key) || this.base.empty ? undefined : this.base.find(key);
  }

  override get(key: string): V | undefined {
    if (super.has(key)) return super.get(key);
    const text = this.saved(key);
    if (text === undefined) return undefined;
    const value = JSON.parse(text) as V;
    super.set(key, value);
    return value;
  }

  override has(key: string): boolean {
    return super.has(key) || this.saved(key) !== undefined;
  }

  override set(key: string, value: V): this {
    this.removed?.delete(key);
    this.assigned?.add(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    const had = this.has(key);
    super.delete(key);
    if (!this.base.empty) this.removed.add(key);
    return had;
  }

  /** Parses every saved entry not yet read: for the uses that need them all. */
  private loadAll(): void {
    if (this.base.empty) return;
    const base = this.base;
    this.base = NO_ENTRIES;
    for (const [key, value] of base.all()) {
      if (!super.has(key) && !this.removed.has(key)) super.set(key, JSON.parse(value) as V);
    }
    this.removed.clear();
  }

  override get size(): number {
    this.loadAll();
    return super.size;
  }

  override clear(): void {
    this.base = NO_ENTRIES;
    this.removed.clear();
    super.clear();
  }

  override forEach(callback: (value: V, key: string, map: Map<string, V>) => void, thisArg?: unknown): void {
    this.loadAll();
    super.forEach(callback, thisArg);
  }

  override entries(): MapIterator<[string, V]> {
    this.loadAll();
    return super.entries();
  }

  override keys(): MapIterator<string> {
    this.loadAll();
    return super.keys();
  }

  override values(): MapIterator<V> {
    this.loadAll();
    return super.values();
  }

  override [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  /**
   * The entries as changes to those it was loaded from: every value read may have been mutated in
   * place, so each is compared as saved text (a value given by `set` is taken as changed). Undefined when an entry is not plain data under a string key.
   */
  changes(): CollectionChanges | undefined {
    const changes = new Map<string, string | undefined>();
    for (const key of this.removed) changes.set(key, undefined);
    for (const [key, value] of super.entries()) {
      if (!keyable(key) || !isPlainData(value)) return undefined;
      const text = JSON.stringify(value);
      if (this.base.empty || this.assigned.has(key) || this.base.find(key) !== text) changes.set(key, text);
    }
    return { kind: "map", base: this.base, changes };
  }
}

export class LazySet extends Set<string> {
  private base: SavedEntries = NO_ENTRIES;
  private readonly removed = new Set<string>();

  static over(entries: SavedEntries): LazySet {
    const set = new LazySet();
    set.base = entries;
    return set;
  }

  static of(records: Records): LazySet {
    return LazySet.over(new RecordEntries(records));
  }

  override has(key: string): boolean {
    if (super.has(key)) return true;
    if (this.removed.has(key) || this.base.empty) return false;
    return this.base.find(key) !== undefined;
  }

  override add(key: string): this {
    this.removed?.delete(key);
    return super.add(key);
  }

  override delete(key: string): boolean {
    const had = this.has(key);
    super.delete(key);
    if (!this.base.empty) this.removed.add(key);
    return had;
  }

  private loadAll(): void {
    if (this.base.empty) return;
    const base = this.base;
    this.base = NO_ENTRIES;
    for (const [key] of base.all()) if (!this.removed.has(key)) super.add(key);
    this.removed.clear();
  }

  override get size(): number {
    this.loadAll();
    return super.size;
  }

  override clear(): void {
    this.base = NO_ENTRIES;
    this.removed.clear();
    super.clear();
  }

  override forEach(callback: (value: string, key: string, set: Set<string>) => void, thisArg?: unknown): void {
    this.loadAll();
    super.forEach(callback, thisArg);
  }

  override entries(): SetIterator<[string, string]> {
    this.loadAll();
    return super.entries();
  }

  override keys(): SetIterator<string> {
    this.loadAll();
    return super.keys();
  }

  override values(): SetIterator<string> {
    this.loadAll();
    return super.values();
  }

  override [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }

  changes(): CollectionChanges | undefined {
    const changes = new Map<string, string | undefined>();
    for (const key of this.removed) changes.set(key, undefined);
    for (const key of super.values()) {
      if (!keyable(key)) return undefined;
      if (this.base.empty || this.base.find(key) === undefined) changes.set(key, "");
    }
    return { kind: "set", base: this.base, changes };
  }
}

const LAZY = "\u0000lazy";

/**
 * Where a saved state keeps its string-keyed Maps and Sets of plain data. The state holds what
 * `put` returns in a collection's place; `entries` answers for it when the state is loaded.
 */
export interface CollectionPlace {
  /** The field of the state's marker that holds what `put` returned (inline records keep format 4's "records", so its files read both ways). */
  readonly field: string;
  put(path: string, collection: CollectionChanges): unknown;
  entries(path: string, held: unknown): SavedEntries | undefined;
}

/** The records of a collection's entries as they are now. */
export const recordsOf = (collection: CollectionChanges): Records => {
  const sorted = collection.base.sorted?.();
  if (sorted !== undefined) return merge(sorted, collection.changes);
  const whole = new Map<string, string | undefined>(collection.base.empty ? [] : collection.base.all());
  for (const [key, value] of collection.changes) whole.set(key, value);
  return merge(EMPTY, whole);
};

/** The default place: in the state itself, as sorted records a lookup searches without parsing the rest. */
export const inlineRecords: CollectionPlace = {
  field: "records",
  put: (_path, collection) => recordsOf(collection),
  entries: (_path, held) => {
    const records = held as Partial<Records> | undefined;
    return records?.offsets instanceof Uint32Array && records.data instanceof Uint8Array ? new RecordEntries(records as Records) : undefined;
  },
};

/** The changes of a collection that is not lazy: every entry, against nothing saved. */
const wholeChanges = (value: Map<unknown, unknown> | Set<unknown>): CollectionChanges | undefined => {
  if (value instanceof Map) {
    if (![...value].every(([key, item]) => keyable(key) && isPlainData(item))) return undefined;
    return { kind: "map", base: NO_ENTRIES, changes: new Map([...value].map(([key, item]) => [key as string, JSON.stringify(item)])) };
  }
  if (![...value].every(keyable)) return undefined;
  return { kind: "set", base: NO_ENTRIES, changes: new Map([...value].map((key) => [key as string, ""])) };
};

/** A Map or Set in saved form: put in its place for lazy loading when its keys and values allow, else itself. */
const encodeCollection = (value: Map<unknown, unknown> | Set<unknown>, place: CollectionPlace, path: string): unknown => {
  const collection = value instanceof LazyMap || value instanceof LazySet ? value.changes() : wholeChanges(value);
  if (collection !== undefined) return { [LAZY]: collection.kind, [place.field]: place.put(path, collection) };
  // Other keys (numbers…) v8 copies as they are; values must still be plain data, since a class
  // instance would come back without its methods.
  const items = value instanceof Map ? [...value.values()] : [...value];
  if (!items.every(isPlainData)) throw new UnsavableStateError("a rule keeps something other than plain data in a Map or Set");
  return value;
};

/** A rule state that cannot be saved and loaded back as it is: append then reads the log instead. */
export class UnsavableStateError extends Error {}

/** Where a value sits in a state: its keys from the top, unambiguous whatever the keys hold. */
const pathTo = (path: string, key: string): string => `${path}${JSON.stringify(key)}`;

/**
 * A rule state ready for v8.serialize: Maps and Sets of plain data put in `place` (by default as
 * lazily loadable records in the state itself), named by `path` and their keys from it.
 */
export const encodeState = (value: unknown, place: CollectionPlace = inlineRecords, path = ""): unknown => {
  if (value instanceof Map || value instanceof Set) return encodeCollection(value, place, path);
  if (Array.isArray(value)) return value.map((item, index) => encodeState(item, place, pathTo(path, String(index))));
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeState(item, place, pathTo(path, key))]));
};

/** A state that names a collection its place cannot answer for: loading it fails, and the state is rebuilt. */
export class UnreadableStateError extends Error {}

/** The inverse of `encodeState` with the same place and path: collections become LazyMaps and LazySets over their entries. */
export const decodeState = (value: unknown, place: CollectionPlace = inlineRecords, path = ""): unknown => {
  if (Array.isArray(value)) return value.map((item, index) => decodeState(item, place, pathTo(path, String(index))));
  if (typeof value !== "object" || value === null || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return value;
  const marked = value as { [LAZY]?: "map" | "set" } & Record<string, unknown>;
  if (marked[LAZY] !== undefined) {
    const entries = place.entries(path, marked[place.field]);
    if (entries === undefined) throw new UnreadableStateError(`no saved entries for the collection at ${path}`);
    return marked[LAZY] === "map" ? LazyMap.over(entries) : LazySet.over(entries);
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeState(item, place, pathTo(path, key))]));
};
