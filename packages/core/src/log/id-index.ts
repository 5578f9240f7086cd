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

  /** All records, sorted, as one buffer: what the append state stores. Untouched runs are copied whole. */
  toBuffer(): Buffer {
    const fresh = [...this.added].map(([id, known]) => {
      const record = Buffer.alloc(RECORD_BYTES);
      keyOf(id).copy(record, 0);
      record.write(known.content, KEY_BYTES, CONTENT_BYTES, "hex");
      record[RECORD_BYTES - 1] = (known.retraction ? RETRACTION : 0) | (known.learnedFrom ? LEARNED_FROM : 0);
      return record;
    });
    // By the key's first four bytes as a number, then the rest: the same order as comparing the keys, with few Buffer comparisons.
    fresh.sort((a, b) => a.readUInt32BE(0) - b.readUInt32BE(0) || a.compare(b, 4, KEY_BYTES, 4, KEY_BYTES));
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
