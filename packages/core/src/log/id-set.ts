/** FNV-1a over a string's UTF-16 code units: a well-spread 32-bit hash computed in a few steps. */
export const fnv1a = (text: string): number => {
  let hash = 0x811c9dc5 | 0;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash;
};

const FIRST_CAPACITY = 1024;

/**
 * The ids a verify has seen, to find one seen twice: an open-addressing hash set over typed
 * arrays. A `Set` of 200 000 ids cost a tenth of a second of verify's time, most of it the set's
 * own growth and bookkeeping; this keeps the strings in one list, their hashes in a typed array,
 * and slots (index + 1, 0 for empty) in another, probing linearly. Exact: a hash that matches is
 * confirmed by comparing the strings. `hashOf` is a parameter so a test can make every id collide.
 */
export class IdSet {
  private readonly ids: string[] = [];
  private hashes = new Int32Array(FIRST_CAPACITY);
  private slots = new Int32Array(FIRST_CAPACITY * 2);
  private mask = FIRST_CAPACITY * 2 - 1;

  constructor(private readonly hashOf: (text: string) => number = fnv1a) {}

  get size(): number {
    return this.ids.length;
  }

  /** Adds an id; false when it was there already (and nothing changes). */
  add(id: string): boolean {
    const hash = this.hashOf(id) | 0;
    let slot = hash & this.mask;
    for (let taken = this.slots[slot] as number; taken !== 0; taken = this.slots[slot] as number) {
      if (this.hashes[taken - 1] === hash && this.ids[taken - 1] === id) return false;
      slot = (slot + 1) & this.mask;
    }
    const index = this.ids.length;
    this.ids.push(id);
    if (index === this.hashes.length) {
      const hashes = new Int32Array(index * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[index] = hash;
    this.slots[slot] = index + 1;
    // At most half the slots in use, so a probe ends soon.
    if ((index + 1) * 2 > this.mask) this.grow();
    return true;
  }

  has(id: string): boolean {
    const hash = this.hashOf(id) | 0;
    for (let slot = hash & this.mask, taken = this.slots[slot] as number; taken !== 0; slot = (slot + 1) & this.mask, taken = this.slots[slot] as number) {
      if (this.hashes[taken - 1] === hash && this.ids[taken - 1] === id) return true;
    }
    return false;
  }

  private grow(): void {
    const mask = this.slots.length * 2 - 1;
    const slots = new Int32Array(mask + 1);
    for (let index = 0; index < this.ids.length; index += 1) {
      let slot = (this.hashes[index] as number) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
