import { CONTENT_HEX } from "./id-index.js";

const BYTES = CONTENT_HEX / 2;

/**
 * The content fingerprint (`contentOf`) of every event, in seq order: what lets `tertial append`
 * find a batch of drafts without ids that was appended before (they got fresh ids, so only their
 * content tells) from the append state, instead of reading the log.
 */
export class ContentLog {
  private bytes: Buffer;
  private used: number;

  constructor(saved: Uint8Array = new Uint8Array(0)) {
    this.bytes = Buffer.from(saved.buffer, saved.byteOffset, saved.byteLength);
    this.used = saved.byteLength;
  }

  /** How many events it holds: the head's seq + 1 when it matches the log. */
  get size(): number {
    return this.used / BYTES;
  }

  push(content: string): void {
    if (this.used + BYTES > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(1024 * BYTES, this.bytes.length * 2));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    this.bytes.write(content, this.used, BYTES, "hex");
    this.used += BYTES;
  }

  /** The fingerprints as one buffer, for the saved state. */
  toBuffer(): Buffer {
    return Buffer.from(this.bytes.subarray(0, this.used));
  }

  /**
   * The seq of the last run of consecutive events whose fingerprints are `contents`, in order;
   * undefined when there is none. The fingerprints are truncated hashes: a caller that must be
   * exact confirms a run against the events themselves.
   */
  lastRun(contents: readonly string[]): number | undefined {
    const wanted = contents.map((content) => Buffer.from(content, "hex"));
    const first = wanted[0];
    if (first === undefined || first.length !== BYTES || wanted.length > this.size) return undefined;
    const region = this.bytes.subarray(0, this.used);
    for (let at = region.lastIndexOf(first, (this.size - wanted.length) * BYTES); at !== -1; at = at === 0 ? -1 : region.lastIndexOf(first, at - 1)) {
      if (at % BYTES !== 0) continue;
      const seq = at / BYTES;
      if (wanted.every((content, offset) => region.compare(content, 0, BYTES, (seq + offset) * BYTES, (seq + offset + 1) * BYTES) === 0)) return seq;
    }
    return undefined;
  }
}
