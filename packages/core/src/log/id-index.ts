import * as crypto from "node:crypto";

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

/**
 * Every id in the log, as fixed 32-byte records sorted by a hash of the id (16 bytes of it, the
 * content fingerprint, a byte of flags) plus the ids added since: a lookup is a binary search,
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
      if (order === 0) return this.recordAt(at);
      if (order > 0) high = middle - 1;
      else low = middle + 1;
    }
    return undefined;
  }

  private recordAt(at: number): KnownId {
    const flags = this.sorted[at + RECORD_BYTES - 1] ?? 0;
    return { content: this.sorted.toString("hex", at + KEY_BYTES, at + KEY_BYTES + CONTENT_BYTES), retraction: (flags & RETRACTION) !== 0, learnedFrom: (flags & LEARNED_FROM) !== 0 };
  }

  /**
   * All records, sorted, as one buffer: what the append state stores. The ids added since are
   * written into one buffer, put in key order, and merged with the sorted records in one pass:
   * taking the state of a million-event log writes a million records, and a Buffer and a
   * comparison callback per record cost seconds there.
   */
  toBuffer(): Buffer {
    const fresh = this.freshRecords();
    const order = keyOrder(fresh);
    const merged = Buffer.allocUnsafe(this.sorted.length + fresh.length);
    let written = 0;
    let from = 0;
    for (let index = 0; index < order.length; index += 1) {
      const at = (order[index] as number) * RECORD_BYTES;
      // Records with an equal key stay before the one added, as they always did.
      const until = this.upperBound(fresh, at, from) * RECORD_BYTES;
      written += this.sorted.copy(merged, written, from, until);
      written += fresh.copy(merged, written, at, at + RECORD_BYTES);
      from = until;
    }
    this.sorted.copy(merged, written, from);
    return merged;
  }

  /** The ids added since, as records in the order they were added. */
  private freshRecords(): Buffer {
    const records = Buffer.alloc(this.added.size * RECORD_BYTES);
    let at = 0;
    for (const [id, known] of this.added) {
      writeRecord(records, at, id, known.content, known.retraction, known.learnedFrom);
      at += RECORD_BYTES;
    }
    return records;
  }

  /** The number of sorted records, from the record number `from / RECORD_BYTES` on, whose key is not after the key at `at` in `records`. */
  private upperBound(records: Buffer, at: number, from: number): number {
    let low = from / RECORD_BYTES;
    let high = this.sorted.length / RECORD_BYTES;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted.compare(records, at, at + KEY_BYTES, middle * RECORD_BYTES, middle * RECORD_BYTES + KEY_BYTES) > 0) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

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
