import { fnv1a, IdTexts } from "./id-set.js";

const FIRST_CAPACITY = 1024;

/** Indices 0…count-1 in the order of their hashes as unsigned numbers, equal hashes in index order (two stable 16-bit passes). */
const byHash = (hashes: Int32Array, count: number): Int32Array => {
  let order = new Int32Array(count);
  let spare = new Int32Array(count);
  for (let index = 0; index < count; index += 1) order[index] = index;
  for (const shift of [0, 16]) {
    const starts = new Int32Array(65_537);
    for (let at = 0; at < count; at += 1) {
      const bucket = (((hashes[order[at] as number] as number) >>> shift) & 0xffff) + 1;
      starts[bucket] = (starts[bucket] as number) + 1;
    }
    for (let bucket = 0; bucket < 65_536; bucket += 1) starts[bucket + 1] = (starts[bucket + 1] as number) + (starts[bucket] as number);
    for (let at = 0; at < count; at += 1) {
      const index = order[at] as number;
      const bucket = ((hashes[index] as number) >>> shift) & 0xffff;
      spare[starts[bucket] as number] = index;
      starts[bucket] = (starts[bucket] as number) + 1;
    }
    [order, spare] = [spare, order];
  }
  return order;
};

/**
 * Every id a verify reads, in order, and at the end the ones read before: what `IdSet` answers id
 * by id, found in one pass over the hashes sorted. Adding an id only writes at the end of typed
 * arrays, where a hash set's probe lands anywhere in a table of a million slots and nearly always
 * misses the cache: on a million events this took verify from about 4,8 to 4,4 s CPU. Exact: ids
 * of one hash are compared unit by unit. `hashOf` is a parameter so a test can make every id collide.
 */
export class RepeatedIds {
  private readonly texts = new IdTexts();
  private hashes = new Int32Array(FIRST_CAPACITY);
  private lines = new Int32Array(FIRST_CAPACITY);

  constructor(private readonly hashOf: (text: string) => number = fnv1a) {}

  /** Reads an id at a line. */
  add(id: string, line: number): void {
    const index = this.texts.push(id);
    if (index === this.hashes.length) {
      this.hashes = grown(this.hashes);
      this.lines = grown(this.lines);
    }
    this.hashes[index] = this.hashOf(id) | 0;
    this.lines[index] = line;
  }

  /** Each reading of an id that was read before, in reading order, with its line. */
  repeats(): { readonly id: string; readonly line: number }[] {
    const count = this.texts.size;
    const order = byHash(this.hashes, count);
    const repeated: number[] = [];
    for (let first = 0; first < count; ) {
      const hash = this.hashes[order[first] as number];
      let end = first + 1;
      while (end < count && this.hashes[order[end] as number] === hash) end += 1;
      // Within one hash the ids stand in reading order: a reading repeats when an earlier one of them is the same id.
      for (let later = first + 1; later < end; later += 1) {
        for (let earlier = first; earlier < later; earlier += 1) {
          if (this.texts.same(order[earlier] as number, order[later] as number)) {
            repeated.push(order[later] as number);
            break;
          }
        }
      }
      first = end;
    }
    return repeated.sort((a, b) => a - b).map((index) => ({ id: this.texts.text(index), line: this.lines[index] as number }));
  }
}

const grown = (values: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
  const larger = new Int32Array(values.length * 2);
  larger.set(values);
  return larger;
};
