/** FNV-1a over a string's UTF-16 code units: a well-spread 32-bit hash computed in a few steps. */
export const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5 | 0;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
};

const FIRST_CAPACITY = 1024;
const FIRST_ARENA = 1 << 14;

/**
 * Ids' UTF-16 code units copied one after another into a growing arena, and where each starts:
 * the strings parsed from a line then die young instead of living as long as the log's read (the
 * collector copied each twice and kept it). The n-th id kept is compared unit by unit.
 */
export class IdTexts {
  private count = 0;
  /** Where the n-th id starts in the arena; entry count is where the next one will. */
  private starts = new Int32Array(FIRST_CAPACITY + 1);
  private units = new Uint16Array(FIRST_ARENA);

  get size(): number {
    return this.count;
  }

  /** Keeps an id; its index is the number kept before it. */
  push(id: string): number {
    const index = this.count;
    if (index + 1 === this.starts.length) {
      const starts = new Int32Array(this.starts.length * 2);
      starts.set(this.starts);
      this.starts = starts;
    }
    const start = this.starts[index] as number;
    const end = start + id.length;
    if (end > this.units.length) {
      const units = new Uint16Array(Math.max(this.units.length * 2, end));
      units.set(this.units.subarray(0, start));
      this.units = units;
    }
    for (let offset = 0; offset < id.length; offset += 1) this.units[start + offset] = id.charCodeAt(offset);
    this.starts[index + 1] = end;
    this.count = index + 1;
    return index;
  }

  /** Whether the index-th id kept is `id`. */
  holds(index: number, id: string): boolean {
    const start = this.starts[index] as number;
    if ((this.starts[index + 1] as number) - start !== id.length) return false;
    for (let offset = 0; offset < id.length; offset += 1) if (this.units[start + offset] !== id.charCodeAt(offset)) return false;
    return true;
  }

  /** Whether two ids kept are the same. */
  same(first: number, second: number): boolean {
    const [from, to] = [this.starts[first] as number, this.starts[second] as number];
    const length = (this.starts[first + 1] as number) - from;
    if ((this.starts[second + 1] as number) - to !== length) return false;
    for (let offset = 0; offset < length; offset += 1) if (this.units[from + offset] !== this.units[to + offset]) return false;
    return true;
  }

  /** The index-th id, as a string again. */
  text(index: number): string {
    return String.fromCharCode(...this.units.subarray(this.starts[index] as number, this.starts[index + 1] as number));
  }
}

/**
 * The ids a check has seen, to find one seen twice at once: an open-addressing hash set over
 * typed arrays, the ids themselves in an `IdTexts` arena. A `Set` of 200 000 ids cost a tenth of a
 * second of verify's time, most of it the set's own growth and bookkeeping, and keeping the id
 * strings alive cost as much again. Slots (index + 1, 0 for empty) are probed linearly; a hash that
 * matches is confirmed unit by unit. `hashOf` is a parameter so a test can make every id collide.
 */
export class IdSet {
  private readonly texts = new IdTexts();
  private hashes = new Int32Array(FIRST_CAPACITY);
  private slots = new Int32Array(FIRST_CAPACITY * 2);
  private mask = FIRST_CAPACITY * 2 - 1;

  constructor(private readonly hashOf: (text: string) => number = fnv1a) {}

  get size(): number {
    return this.texts.size;
  }

  /** Adds an id; false when it was there already (and nothing changes). */
  add(id: string): boolean {
    const hash = this.hashOf(id) | 0;
    let slot = hash & this.mask;
    for (let taken = this.slots[slot] as number; taken !== 0; taken = this.slots[slot] as number) {
      if (this.hashes[taken - 1] === hash && this.texts.holds(taken - 1, id)) return false;
      slot = (slot + 1) & this.mask;
    }
    const index = this.texts.push(id);
    if (index === this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hash;
    this.slots[slot] = index + 1;
    // At most half the slots in use, so a probe ends soon.
    if ((index + 1) * 2 > this.mask) this.growSlots();
    return true;
  }

  has(id: string): boolean {
    const hash = this.hashOf(id) | 0;
    for (let slot = hash & this.mask, taken = this.slots[slot] as number; taken !== 0; slot = (slot + 1) & this.mask, taken = this.slots[slot] as number) {
      if (this.hashes[taken - 1] === hash && this.texts.holds(taken - 1, id)) return true;
    }
    return false;
  }

  private growSlots(): void {
    const mask = this.slots.length * 2 - 1;
    const slots = new Int32Array(mask + 1);
    for (let index = 0; index < this.texts.size; index += 1) {
      let slot = (this.hashes[index] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
