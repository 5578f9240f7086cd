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

export class LazyMap<V> extends Map<string, V> {
  private base: Records = EMPTY;
  private readonly removed = new Set<string>();

  static of<V>(records: Records): LazyMap<V> {
    const map = new LazyMap<V>();
    map.base = records;
    return map;
  }

  private inBase(key: string): number | undefined {
    if (this.removed.has(key) || this.base.offsets.length === 1) return undefined;
    const at = lowerBound(this.base, Buffer.from(key, "utf8"));
    return at.found ? at.index : undefined;
  }

  override get(key: string): V | undefined {
    if (super.has(key)) return super.get(key);
    const index = this.inBase(key);
    if (index === undefined) return undefined;
    const value = JSON.parse(recordAt(this.base, index).value) as V;
    super.set(key, value);
    return value;
  }

  override has(key: string): boolean {
    return super.has(key) || this.inBase(key) !== undefined;
  }

  override set(key: string, value: V): this {
    this.removed?.delete(key);
    return super.set(key, value);
  }

  override delete(key: string): boolean {
    const had = this.has(key);
    super.delete(key);
    if (this.base.offsets.length > 1) this.removed.add(key);
    return had;
  }

  /** Parses every saved entry not yet read: for the uses that need them all. */
  private loadAll(): void {
    if (this.base.offsets.length === 1) return;
    const base = this.base;
    this.base = EMPTY;
    for (let index = 0; index < base.offsets.length - 1; index += 1) {
      const { key, value } = recordAt(base, index);
      if (!super.has(key) && !this.removed.has(key)) super.set(key, JSON.parse(value) as V);
    }
    this.removed.clear();
  }

  override get size(): number {
    this.loadAll();
    return super.size;
  }

  override clear(): void {
    this.base = EMPTY;
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

  /** The saved form, or undefined when an entry is not plain data under a string key. */
  toRecords(): Records | undefined {
    const changes = new Map<string, string | undefined>();
    for (const key of this.removed) changes.set(key, undefined);
    for (const [key, value] of super.entries()) {
      if (!keyable(key) || !isPlainData(value)) return undefined;
      changes.set(key, JSON.stringify(value));
    }
    return merge(this.base, changes);
  }
}

export class LazySet extends Set<string> {
  private base: Records = EMPTY;
  private readonly removed = new Set<string>();

  static of(records: Records): LazySet {
    const set = new LazySet();
    set.base = records;
    return set;
  }

  override has(key: string): boolean {
    if (super.has(key)) return true;
    if (this.removed.has(key) || this.base.offsets.length === 1) return false;
    return lowerBound(this.base, Buffer.from(key, "utf8")).found;
  }

  override add(key: string): this {
    this.removed?.delete(key);
    return super.add(key);
  }

  override delete(key: string): boolean {
    const had = this.has(key);
    super.delete(key);
    if (this.base.offsets.length > 1) this.removed.add(key);
    return had;
  }

  private loadAll(): void {
    if (this.base.offsets.length === 1) return;
    const base = this.base;
    this.base = EMPTY;
    for (let index = 0; index < base.offsets.length - 1; index += 1) {
      const { key } = recordAt(base, index);
      if (!this.removed.has(key)) super.add(key);
    }
    this.removed.clear();
  }

  override get size(): number {
    this.loadAll();
    return super.size;
  }

  override clear(): void {
    this.base = EMPTY;
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

  toRecords(): Records | undefined {
    const changes = new Map<string, string | undefined>();
    for (const key of this.removed) changes.set(key, undefined);
    for (const key of super.values()) {
      if (!keyable(key)) return undefined;
      changes.set(key, "");
    }
    return merge(this.base, changes);
  }
}

const LAZY = "\u0000lazy";

/** A Map or Set in saved form: records for lazy loading when its keys and values allow, else itself. */
const encodeCollection = (value: Map<unknown, unknown> | Set<unknown>): unknown => {
  if (value instanceof LazyMap) {
    const records = value.toRecords();
    if (records !== undefined) return { [LAZY]: "map", records };
  } else if (value instanceof LazySet) {
    const records = value.toRecords();
    if (records !== undefined) return { [LAZY]: "set", records };
  } else if (value instanceof Map) {
    if ([...value].every(([key, item]) => keyable(key) && isPlainData(item))) {
      return { [LAZY]: "map", records: merge(EMPTY, new Map([...value].map(([key, item]) => [key as string, JSON.stringify(item)]))) };
    }
  } else if ([...value].every(keyable)) {
    return { [LAZY]: "set", records: merge(EMPTY, new Map([...value].map((key) => [key as string, ""]))) };
  }
  // Other keys (numbers…) v8 copies as they are; values must still be plain data, since a class
  // instance would come back without its methods.
  const items = value instanceof Map ? [...value.values()] : [...value];
  if (!items.every(isPlainData)) throw new UnsavableStateError("a rule keeps something other than plain data in a Map or Set");
  return value;
};

/** A rule state that cannot be saved and loaded back as it is: append then reads the log instead. */
export class UnsavableStateError extends Error {}

/** A rule state ready for v8.serialize: Maps and Sets of plain data as lazily loadable records. */
export const encodeState = (value: unknown): unknown => {
  if (value instanceof Map || value instanceof Set) return encodeCollection(value);
  if (Array.isArray(value)) return value.map(encodeState);
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encodeState(item)]));
};

/** The inverse of `encodeState`: records become LazyMaps and LazySets. */
export const decodeState = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(decodeState);
  if (typeof value !== "object" || value === null || value instanceof Map || value instanceof Set || ArrayBuffer.isView(value)) return value;
  const marked = value as { [LAZY]?: "map" | "set"; records?: Records };
  if (marked[LAZY] !== undefined && marked.records !== undefined) return marked[LAZY] === "map" ? LazyMap.of(marked.records) : LazySet.of(marked.records);
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decodeState(item)]));
};
