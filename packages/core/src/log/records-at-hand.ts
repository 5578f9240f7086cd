/**
 * A place for a rule state's Maps and Sets whose entries a store keeps one by one elsewhere (a
 * database table, a row per entry), so an append reads and writes the entries its batch touches,
 * not the megabytes of a rule that knows every position.
 *
 * Rules are synchronous and the table is not, so lookups are answered from the entries fetched
 * so far. A lookup of any other key answers "none saved" and is noted as wanted: a check that saw
 * such an answer is void, and the store fetches what was wanted and checks again (a check writes
 * nothing; `rehearseRules` asks most keys before the first). Saving notes each collection's
 * changes as writes for the store to make, in the same transaction as the state that names them.
 */
import type { CollectionChanges, CollectionPlace, SavedEntries } from "./lazy-collections.js";

/** What a save changes in a collection: `whole` replaces every entry it had with `set`. */
export interface CollectionWrite {
  readonly collection: string;
  readonly whole: boolean;
  readonly set: readonly (readonly [string, string])[];
  readonly removed: readonly string[];
}

/** The keys wanted since the last fetch, by collection, and the collections wanted whole (for a size or an iteration). */
export interface WantedEntries {
  readonly keys: ReadonlyMap<string, readonly string[]>;
  readonly whole: readonly string[];
}

class AskedEntries implements SavedEntries {
  constructor(
    readonly owner: RecordsAtHand,
    readonly path: string,
  ) {}

  get empty(): boolean {
    return this.owner.knownEmpty(this.path);
  }

  find(key: string): string | undefined {
    return this.owner.find(this.path, key);
  }

  all(): Iterable<readonly [string, string]> {
    return this.owner.all(this.path);
  }
}

export class RecordsAtHand implements CollectionPlace {
  readonly field = "at";
  /** Entries fetched or written, by collection: undefined for a key known to have none. */
  private readonly known = new Map<string, Map<string, string | undefined>>();
  /** Collections whose every entry is known. */
  private readonly complete = new Set<string>();
  private readonly wantedKeys = new Map<string, Set<string>>();
  private readonly wantedWhole = new Set<string>();
  private writes: CollectionWrite[] = [];

  /** How many entries are held in memory: a long-lived store starts afresh past a bound. */
  get size(): number {
    let count = 0;
    for (const entries of this.known.values()) count += entries.size;
    return count;
  }

  put(path: string, collection: CollectionChanges): unknown {
    const incremental = collection.base instanceof AskedEntries && collection.base.owner === this && collection.base.path === path;
    if (incremental) {
      const set: [string, string][] = [];
      const removed: string[] = [];
      for (const [key, value] of collection.changes) {
        if (value === undefined) removed.push(key);
        else set.push([key, value]);
      }
      this.writes.push({ collection: path, whole: false, set, removed });
    } else {
      const entries = new Map<string, string | undefined>(collection.base.empty ? [] : collection.base.all());
      for (const [key, value] of collection.changes) entries.set(key, value);
      const set = [...entries].filter((entry): entry is [string, string] => entry[1] !== undefined);
      this.writes.push({ collection: path, whole: true, set, removed: [] });
    }
    return path;
  }

  entries(path: string, held: unknown): SavedEntries | undefined {
    return held === path ? new AskedEntries(this, path) : undefined;
  }

  knownEmpty(path: string): boolean {
    return this.complete.has(path) && (this.known.get(path)?.size ?? 0) === 0;
  }

  find(path: string, key: string): string | undefined {
    const entries = this.known.get(path);
    if (entries?.has(key) === true) return entries.get(key);
    if (!this.complete.has(path)) {
      const wanted = this.wantedKeys.get(path) ?? new Set<string>();
      wanted.add(key);
      this.wantedKeys.set(path, wanted);
    }
    return undefined;
  }

  all(path: string): Iterable<readonly [string, string]> {
    if (!this.complete.has(path)) this.wantedWhole.add(path);
    return [...(this.known.get(path) ?? [])].filter((entry): entry is [string, string] => entry[1] !== undefined);
  }

  /** Whether a lookup since the last `takeWanted` was answered without its entry: the check that made it is void. */
  get missed(): boolean {
    return this.wantedKeys.size > 0 || this.wantedWhole.size > 0;
  }

  /** The entries wanted since the last call, for the store to fetch. */
  takeWanted(): WantedEntries {
    const wanted = { keys: new Map([...this.wantedKeys].map(([path, keys]) => [path, [...keys].sort()])), whole: [...this.wantedWhole].sort() };
    this.wantedKeys.clear();
    this.wantedWhole.clear();
    return wanted;
  }

  /** An entry fetched, or undefined: the collection has none under this key. */
  found(path: string, key: string, value: string | undefined): void {
    const entries = this.known.get(path) ?? new Map<string, string | undefined>();
    entries.set(key, value);
    this.known.set(path, entries);
  }

  /** Every entry of a collection, fetched. */
  foundWhole(path: string, entries: Iterable<readonly [string, string]>): void {
    this.known.set(path, new Map(entries));
    this.complete.add(path);
  }

  /** The writes the saves since the last call noted, for the store to make. */
  takeWrites(): readonly CollectionWrite[] {
    const writes = this.writes;
    this.writes = [];
    return writes;
  }

  /** The writes made: what is at hand now matches the table (for the next append by the same store). */
  wrote(writes: readonly CollectionWrite[]): void {
    for (const write of writes) {
      if (write.whole) this.foundWhole(write.collection, write.set);
      else {
        for (const [key, value] of write.set) this.found(write.collection, key, value);
        for (const key of write.removed) this.found(write.collection, key, undefined);
      }
    }
    this.wantedKeys.clear();
    this.wantedWhole.clear();
  }
}
