import * as crypto from "node:crypto";
import { HeldFile } from "./file-range.js";

/**
 * What append needs to know of an earlier event: its content fingerprint, whether it is a
 * retraction, and whether some consistency rule learned from it (so correcting it makes the
 * rules forget a fact, and their state must be rebuilt).
 */
export interface KnownId {
  readonly content: string;
  readonly retraction: boolean;
  readonly learnedFrom: boolean;
}

/** The record's last byte: one bit per flag. */
const RETRACTION = 1;
const LEARNED_FROM = 2;

const KEY_BYTES = 16;
const CONTENT_BYTES = 15;
const RECORD_BYTES = KEY_BYTES + CONTENT_BYTES + 1;

// Node 20.12+ hashes in one call, without a Hash object per id: most of taking a log's ids.
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: "buffer") => Buffer }).hash;

const keyOf = (id: string): Buffer => (oneShot === undefined ? crypto.createHash("sha256").update(id, "utf8").digest() : oneShot("sha256", id, "buffer")).subarray(0, KEY_BYTES);

/** Bytes of one record: what an id index file holds per id. */
export const ID_RECORD_BYTES = RECORD_BYTES;

/** Records per block of a file run: one fence key per block, one read per lookup. */
export const RUN_BLOCK_RECORDS = 128;

/**
 * A sorted run of records kept in a file, from its start: a lookup finds its block by the fence
 * keys (the first key of every block, kept in memory: 16 bytes per 128 records) and reads that
 * block alone, so a million ids are looked up without reading 32 MB.
 */
export class FileRecordRun {
  private readonly file: HeldFile;

  constructor(
    readonly path: string,
    readonly count: number,
    readonly fences: Buffer,
  ) {
    this.file = new HeldFile(path);
  }

  /** The bytes of the fence keys of a run of `count` records. */
  static fenceBytes(count: number): number {
    return Math.ceil(count / RUN_BLOCK_RECORDS) * KEY_BYTES;
  }

  /** The fence keys of a sorted run: what is kept beside the file so a lookup reads one block. */
  static fencesOf(sorted: Buffer): Buffer {
    const count = sorted.length / RECORD_BYTES;
    const fences = Buffer.allocUnsafe(FileRecordRun.fenceBytes(count));
    for (let block = 0; block * RUN_BLOCK_RECORDS < count; block += 1) sorted.copy(fences, block * KEY_BYTES, block * RUN_BLOCK_RECORDS * RECORD_BYTES, block * RUN_BLOCK_RECORDS * RECORD_BYTES + KEY_BYTES);
    return fences;
  }

  /** The record with this key, read from its block; undefined when the run has none. */
  find(key: Buffer): Buffer | undefined {
    const blocks = this.fences.length / KEY_BYTES;
    let low = 0;
    let high = blocks - 1;
    // The last block whose first key is not after the key.
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (this.fences.compare(key, 0, KEY_BYTES, middle * KEY_BYTES, middle * KEY_BYTES + KEY_BYTES) > 0) high = middle - 1;
      else low = middle;
    }
    if (blocks === 0) return undefined;
    const first = low * RUN_BLOCK_RECORDS;
    const block = this.read(first, Math.min(RUN_BLOCK_RECORDS, this.count - first));
    const at = searchRecords(block, key);
    return at === -1 ? undefined : block.subarray(at, at + RECORD_BYTES);
  }

  /** Every record of the run, in order. */
  all(): Buffer {
    return this.read(0, this.count);
  }

  private read(firstRecord: number, records: number): Buffer {
    const bytes = Buffer.allocUnsafe(records * RECORD_BYTES);
    this.file.read(bytes, bytes.length, firstRecord * RECORD_BYTES);
    return bytes;
  }
}

/** The offset of the record with this key in sorted records, or -1. */
const searchRecords = (sorted: Buffer, key: Buffer): number => {
  let low = 0;
  let high = sorted.length / RECORD_BYTES - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = middle * RECORD_BYTES;
    const order = sorted.compare(key, 0, KEY_BYTES, at, at + KEY_BYTES);
    if (order === 0) return at;
    if (order > 0) high = middle - 1;
    else low = middle + 1;
  }
  return -1;
};

const knownIdAt = (records: Buffer, at: number): KnownId => {
  const flags = records[at + RECORD_BYTES - 1] ?? 0;
  return { content: records.toString("hex", at + KEY_BYTES, at + KEY_BYTES + CONTENT_BYTES), retraction: (flags & RETRACTION) !== 0, learnedFrom: (flags & LEARNED_FROM) !== 0 };
};

/**
 * Every id in the log, as fixed 32-byte records sorted by a hash of the id (16 bytes of it, the
 * content fingerprint, a byte of flags): a base run (in memory, or in a file read a block at a
 * time), a small sorted run of the ids a saved state added since its base was written (its
 * journal), and the ids added since it was loaded. A lookup is a binary search, so a million ids
 * need neither a million map entries nor a read of them all.
 */
export class IdIndex {
  private readonly added = new Map<string, KnownId>();

  constructor(
    private readonly sorted: Buffer | FileRecordRun = Buffer.alloc(0),
    private readonly journal: Buffer = Buffer.alloc(0),
  ) {}

  get size(): number {
    return this.baseCount + this.journalCount + this.added.size;
  }

  /** The records of the base run. */
  get baseCount(): number {
    return this.sorted instanceof FileRecordRun ? this.sorted.count : this.sorted.length / RECORD_BYTES;
  }

  /** The file the base run is read from, when it is kept in one. */
  get baseFile(): FileRecordRun | undefined {
    return this.sorted instanceof FileRecordRun ? this.sorted : undefined;
  }

  /** The records added after the base run by the saved state this index was loaded from. */
  get journalCount(): number {
    return this.journal.length / RECORD_BYTES;
  }

  /** The ids added since the index was made or loaded. */
  get addedCount(): number {
    return this.added.size;
  }

  lookup(id: string): KnownId | undefined {
    const added = this.added.get(id);
    if (added !== undefined) return added;
    const key = keyOf(id);
    const inJournal = searchRecords(this.journal, key);
    if (inJournal !== -1) return knownIdAt(this.journal, inJournal);
    if (this.sorted instanceof FileRecordRun) {
      const record = this.sorted.find(key);
      return record === undefined ? undefined : knownIdAt(record, 0);
    }
    const at = searchRecords(this.sorted, key);
    return at === -1 ? undefined : knownIdAt(this.sorted, at);
  }

  add(id: string, known: KnownId): void {
    this.added.set(id, known);
  }

  /**
   * All records, sorted, as one buffer: what a new base run is written from. The journal's and
   * the added ids' records are put in key order and merged with the base run in one pass:
   * taking the state of a million-event log writes a million records, and a Buffer and a
   * comparison callback per record cost seconds there.
   */
  toBuffer(): Buffer {
    const base = this.sorted instanceof FileRecordRun ? this.sorted.all() : this.sorted;
    return mergeRecords(base, Buffer.concat([this.journal, this.addedRecords()]));
  }

  /** The ids added since, as records in the order they were added: what a saved state's journal gains. */
  addedRecords(): Buffer {
    const records = Buffer.alloc(this.added.size * RECORD_BYTES);
    let at = 0;
    for (const [id, known] of this.added) {
      writeRecord(records, at, id, known.content, known.retraction, known.learnedFrom);
      at += RECORD_BYTES;
    }
    return records;
  }
}

/** Sorted records with records in any order merged in; records with an equal key stay before the one merged in, as they always did. */
const mergeRecords = (sorted: Buffer, fresh: Buffer): Buffer => {
  const order = keyOrder(fresh);
  const merged = Buffer.allocUnsafe(sorted.length + fresh.length);
  let written = 0;
  let from = 0;
  for (let index = 0; index < order.length; index += 1) {
    const at = (order[index] as number) * RECORD_BYTES;
    const until = upperBound(sorted, fresh, at, from) * RECORD_BYTES;
    written += sorted.copy(merged, written, from, until);
    written += fresh.copy(merged, written, at, at + RECORD_BYTES);
    from = until;
  }
  sorted.copy(merged, written, from);
  return merged;
};

/** The number of sorted records, from byte `from` on, whose key is not after the key at `at` in `records`. */
const upperBound = (sorted: Buffer, records: Buffer, at: number, from: number): number => {
  let low = from / RECORD_BYTES;
  let high = sorted.length / RECORD_BYTES;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted.compare(records, at, at + KEY_BYTES, middle * RECORD_BYTES, middle * RECORD_BYTES + KEY_BYTES) > 0) high = middle;
    else low = middle + 1;
  }
  return low;
};

/** Records in any order, sorted by key (stably): a loaded journal, looked up by binary search. */
export const sortedRecords = (records: Buffer): Buffer => mergeRecords(Buffer.alloc(0), records);

/** The length of a content fingerprint, in hex digits: what the index keeps of a content hash. */
export const CONTENT_HEX = CONTENT_BYTES * 2;

/** One record at `at`: the id's key, the content fingerprint (hex) as bytes, the flags. */
const writeRecord = (records: Buffer, at: number, id: string, content: string, retraction: boolean, learnedFrom: boolean): void => {
  keyOf(id).copy(records, at);
  records.write(content, at + KEY_BYTES, CONTENT_BYTES, "hex");
  records[at + RECORD_BYTES - 1] = (retraction ? RETRACTION : 0) | (learnedFrom ? LEARNED_FROM : 0);
};

/**
 * The id index of a whole log, taken while reading it: each id goes straight into a record (no
 * map entry, no object per event), and the records are sorted once at the end. An id given twice
 * (a log verify would refuse) keeps its last record, as adding it twice to an index does.
 */
export class IdIndexBuilder {
  private records = Buffer.alloc(1024 * RECORD_BYTES);
  private used = 0;

  add(id: string, content: string, retraction: boolean, learnedFrom: boolean): void {
    if (this.used === this.records.length) {
      const grown = Buffer.alloc(this.records.length * 2);
      this.records.copy(grown);
      this.records = grown;
    }
    writeRecord(this.records, this.used, id, content, retraction, learnedFrom);
    this.used += RECORD_BYTES;
  }

  build(): IdIndex {
    const records = this.records.subarray(0, this.used);
    const order = keyOrder(records);
    const sorted = Buffer.allocUnsafe(records.length);
    let written = 0;
    for (let index = 0; index < order.length; index += 1) {
      const at = (order[index] as number) * RECORD_BYTES;
      const next = order[index + 1];
      // Equal keys stand in the order they were added: only the last of them is kept.
      if (next !== undefined && records.compare(records, next * RECORD_BYTES, next * RECORD_BYTES + KEY_BYTES, at, at + KEY_BYTES) === 0) continue;
      written += records.copy(sorted, written, at, at + RECORD_BYTES);
    }
    return new IdIndex(sorted.subarray(0, written));
  }
}

const BUCKETS = 1 << 16;

/**
 * The record numbers of `records` in the order of their keys, stably. Keys are hashes, so they
 * spread evenly over buckets by their first two bytes (a counting sort); each bucket, a handful of
 * records, is then sorted by the rest of the key in place.
 */
const keyOrder = (records: Buffer): Uint32Array => {
  const count = records.length / RECORD_BYTES;
  const starts = new Uint32Array(BUCKETS + 1);
  for (let record = 0; record < count; record += 1) {
    const bucket = bucketOf(records, record);
    starts[bucket + 1] = (starts[bucket + 1] as number) + 1;
  }
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) starts[bucket + 1] = (starts[bucket + 1] as number) + (starts[bucket] as number);
  const order = new Uint32Array(count);
  const next = starts.slice(0, BUCKETS);
  for (let record = 0; record < count; record += 1) {
    const bucket = bucketOf(records, record);
    const place = next[bucket] as number;
    order[place] = record;
    next[bucket] = place + 1;
  }
  for (let bucket = 0; bucket < BUCKETS; bucket += 1) insertionSort(records, order, starts[bucket] as number, starts[bucket + 1] as number);
  return order;
};

const bucketOf = (records: Buffer, record: number): number => ((records[record * RECORD_BYTES] as number) << 8) | (records[record * RECORD_BYTES + 1] as number);

/** Sorts order[from, until) by the keys' bytes after the first two; equal keys keep their order. */
const insertionSort = (records: Buffer, order: Uint32Array, from: number, until: number): void => {
  for (let index = from + 1; index < until; index += 1) {
    const record = order[index] as number;
    let place = index;
    while (place > from && keyAfter(records, order[place - 1] as number, record)) {
      order[place] = order[place - 1] as number;
      place -= 1;
    }
    order[place] = record;
  }
};

/** Whether record a's key comes after record b's (they share their first two bytes). */
const keyAfter = (records: Buffer, a: number, b: number): boolean => {
  const left = a * RECORD_BYTES;
  const right = b * RECORD_BYTES;
  for (let byte = 2; byte < KEY_BYTES; byte += 1) {
    const difference = (records[left + byte] as number) - (records[right + byte] as number);
    if (difference !== 0) return difference > 0;
  }
  return false;
};
