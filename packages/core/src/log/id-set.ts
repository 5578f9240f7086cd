/** FNV-1a over a string's UTF-16 code units: a well-spread 32-bit hash computed in a few steps. */
export const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5 | 0;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
};

const FIRST_CAPACITY = 1024;
const FIRST_ARENA = 1 << 14;

/**
 * The ids a verify has seen, to find one seen twice: an open-addressing hash set over typed
 * arrays. A `Set` of 200 000 ids cost a tenth of a second of verify's time, most of it the set's
 * own growth and bookkeeping, and keeping the id strings alive cost as much again: every one
 * outlived the parse it came from, so the collector copied each twice and kept it. This copies an
 * id's UTF-16 code units into one growing arena instead, so the parsed strings die young, and
 * keeps their hashes and where each starts in typed arrays, with slots (index + 1, 0 for empty)
 * probed linearly. Exact: a hash that matches is confirmed unit by unit. `hashOf` is a parameter
 * so a test can make every id collide.
 */
export class IdSet {
  private count = 0;
  private hashes = new Int32Array(FIRST_CAPACITY);
  /** Where the count-th id starts in the arena; entry count is where the next one will. */
  private starts = new Int32Array(FIRST_CAPACITY + 1);
  private units = new Uint16Array(FIRST_ARENA);
  private slots = new Int32Array(FIRST_CAPACITY * 2);
  private mask = FIRST_CAPACITY * 2 - 1;

  constructor(private readonly hashOf: (text: string) => number = fnv1a) {}

  get size(): number {
    return this.count;
  }

  /** Adds an id; false when it was there already (and nothing changes). */
  add(id: string): boolean {
    const hash = this.hashOf(id) | 0;
    let slot = hash & this.mask;
    for (let taken = this.slots[slot] as number; taken !== 0; taken = this.slots[slot] as number) {
      if (this.hashes[taken - 1] === hash && this.holds(taken - 1, id)) return false;
      slot = (slot + 1) & this.mask;
    }
    const index = this.count;
    if (index === this.hashes.length) this.growLists();
    this.store(index, id);
    this.hashes[index] = hash;
    this.slots[slot] = index + 1;
    this.count = index + 1;
    // At most half the slots in use, so a probe ends soon.
    if ((index + 1) * 2 > this.mask) this.growSlots();
    return true;
  }

  has(id: string): boolean {
    const hash = this.hashOf(id) | 0;
    for (let slot = hash & this.mask, taken = this.slots[slot] as number; taken !== 0; slot = (slot + 1) & this.mask, taken = this.slots[slot] as number) {
      if (this.hashes[taken - 1] === hash && this.holds(taken - 1, id)) return true;
    }
    return false;
  }

  /** Whether the index-th id kept is `id`, unit by unit. */
  private holds(index: number, id: string): boolean {
    const start = this.starts[index] as number;
    if ((this.starts[index + 1] as number) - start !== id.length) return false;
    for (let offset = 0; offset < id.length; offset += 1) if (this.units[start + offset] !== id.charCodeAt(offset)) return false;
    return true;
  }

  private store(index: number, id: string): void {
    const start = this.starts[index] as number;
    const end = start + id.length;
    if (end > this.units.length) {
      const units = new Uint16Array(Math.max(this.units.length * 2, end));
      units.set(this.units.subarray(0, start));
      this.units = units;
    }
    for (let offset = 0; offset < id.length; offset += 1) this.units[start + offset] = id.charCodeAt(offset);
    this.starts[index + 1] = end;
  }

  private growLists(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const starts = new Int32Array(hashes.length + 1);
    starts.set(this.starts);
    this.starts = starts;
  }

  private growSlots(): void {
    const mask = this.slots.length * 2 - 1;
    const slots = new Int32Array(mask + 1);
    for (let index = 0; index < this.count; index += 1) {
      let slot = (this.hashes[index] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
