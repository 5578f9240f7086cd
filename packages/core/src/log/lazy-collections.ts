/**
 * Maps and Sets of a saved rule state that load in O(1) and answer lookups by binary search in
 * the saved bytes, so appending onto a long log does not rebuild a million-entry Map first.
 * A rule sees an ordinary Map or Set: `get`, `has`, `set`, `add` and `delete` touch only the
 * entries asked for (a value read is parsed once and kept, so a rule may mutate it in place); any
 * other use (size, iteration) loads the rest first.
 */

/** Sorted string keys with JSON values, as one buffer of "key\0value" records and their offsets. */
export interface Records {
  readonly offsets: Uint32Array;
  readonly data: Uint8Array;
}

const EMPTY: Records = { offsets: new Uint32Array([0]), data: new Uint8Array(0) };

const compareKey = (records: Records, index: number, key: Buffer): number => {
  const data = Buffer.from(records.data.buffer, records.data.byteOffset, records.data.byteLength);
  const start = records.offsets[index] as number;
  const end = data.indexOf(0, start);
  return Buffer.compare(data.subarray(start, end), key);
};

/** The first record whose key is not below `key`, and whether its key is `key`. */
const lowerBound = (records: Records, key: Buffer): { index: number; found: boolean } => {
  let low = 0;
  let high = records.offsets.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKey(records, middle, key) < 0) low = middle + 1;
    else high = middle;
  }
  return { index: low, found: low < records.offsets.length - 1 && compareKey(records, low, key) === 0 };
};

const recordAt = (records: Records, index: number): { key: string; value: string } => {
  const data = Buffer.from(records.data.buffer, records.data.byteOffset, records.data.byteLength);
  const start = records.offsets[index] as number;
  const end = records.offsets[index + 1] as number;
  const split = data.indexOf(0, start);
  return { key: data.toString("utf8", start, split), value: data.toString("utf8", split + 1, end) };
};

const byBytes = (a: { bytes: Buffer }, b: { bytes: Buffer }): number => Buffer.compare(a.bytes, b.bytes);

/**
 * The base records with `changes` applied (a new value, or undefined to remove), copying the
 * untouched runs of the base whole: cost in the changes, plus one copy of the bytes.
 */
const merge = (base: Records, changes: ReadonlyMap<string, string | undefined>): Records => {
  const touched = [...changes].map(([key, value]) => ({ key, value, bytes: Buffer.from(key, "utf8") })).sort(byBytes);
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  let cursor = 0;
  const copyBase = (until: number): void => {
    if (until <= cursor) return;
    const from = base.offsets[cursor] as number;
    for (let index = cursor; index < until; index += 1) offsets.push((base.offsets[index] as number) - from + size);
    const to = base.offsets[until] as number;
    chunks.push(base.data.subarray(from, to));
    size += to - from;
    cursor = until;
  };
  for (const change of touched) {
    const at = lowerBound(base, change.bytes);
    copyBase(at.index);
    if (at.found) cursor = at.index + 1;
    if (change.value === undefined) continue;
    const record = Buffer.from(`${change.key}\u0000${change.value}`, "utf8");
    offsets.push(size);
    chunks.push(record);
    size += record.length;
  }
  copyBase(base.offsets.length - 1);
  offsets.push(size);
  return { offsets: Uint32Array.from(offsets), data: Buffer.concat(chunks, size) };
};

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
