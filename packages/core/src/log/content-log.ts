import { readRange } from "./file-range.js";
import { CONTENT_HEX } from "./id-index.js";

/** Bytes of one content fingerprint in a content log and its file. */
export const CONTENT_BYTES = CONTENT_HEX / 2;

/** The first `count` fingerprints of a content file: what a saved state's file holds for its events. */
export interface ContentFile {
  readonly path: string;
  readonly count: number;
}

/**
 * The content fingerprint (`contentOf`) of every event, in seq order: what lets `tertial append`
 * find a batch of drafts without ids that was appended before (they got fresh ids, so only their
 * content tells) from the append state, instead of reading the log. Loaded from a saved state,
 * the fingerprints up to its head stay in their file until a search needs them; the ones pushed
 * since are kept here.
 */
export class ContentLog {
  private bytes: Buffer;
  private used: number;
  private whole: Buffer | undefined;

  constructor(
    saved: Uint8Array = new Uint8Array(0),
    /** The file that holds the fingerprints before `saved`'s. */
    readonly file?: ContentFile,
  ) {
    this.bytes = Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
    this.used = saved.byteLength;
  }

  /** How many events it holds: the head's seq + 1 when it matches the log. */
  get size(): number {
    return (this.file?.count ?? 0) + this.used / CONTENT_BYTES;
  }

  push(content: string): void {
    if (this.used + CONTENT_BYTES > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(1024 * CONTENT_BYTES, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.bytes.write(content, this.used, CONTENT_BYTES, "hex");
    this.used += CONTENT_BYTES;
    this.whole = undefined;
  }

  /** The fingerprints pushed since it was made or loaded: what a saved state's file gains. */
  pushed(): Buffer {
    return this.bytes.subarray(0, this.used);
  }

  /** Every fingerprint as one buffer, the file's read first. */
  toBuffer(): Buffer {
    if (this.whole !== undefined) return this.whole;
    if (this.file === undefined) return (this.whole = this.pushed());
    // Read straight into the whole, so fifteen bytes an event are copied once, not twice.
    const whole = Buffer.allocUnsafe(this.file.count * CONTENT_BYTES + this.used);
    readRange(this.file.path, whole, this.file.count * CONTENT_BYTES, 0);
    this.pushed().copy(whole, this.file.count * CONTENT_BYTES);
    return (this.whole = whole);
  }

  /**
   * The seq of the last run of consecutive events whose fingerprints are `contents`, in order;
   * undefined when there is none. The fingerprints are truncated hashes: a caller that must be
   * exact confirms a run against the events themselves.
   */
  lastRun(contents: readonly string[]): number | undefined {
    const wanted = contents.map((content) => Buffer.from(content, "hex"));
    const first = wanted[0];
    if (first === undefined || first.length !== CONTENT_BYTES || wanted.length > this.size) return undefined;
    const region = this.toBuffer();
    for (let at = region.lastIndexOf(first, (this.size - wanted.length) * CONTENT_BYTES); at !== -1; at = at === 0 ? -1 : region.lastIndexOf(first, at - 1)) {
      if (at % CONTENT_BYTES !== 0) continue;
      const seq = at / CONTENT_BYTES;
      if (wanted.every((content, offset) => region.compare(content, 0, CONTENT_BYTES, (seq + offset) * CONTENT_BYTES, (seq + offset + 1) * CONTENT_BYTES) === 0)) return seq;
    }
    return undefined;
  }
}
