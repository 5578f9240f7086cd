/**
 * Sorted string keys with values, as one buffer of "key\0value" records and their offsets: what
 * a saved rule state keeps a Map or Set as. Looked up by binary search, merged with changes by
 * copying untouched runs whole.
 */
export interface Records {
  readonly offsets: Uint32Array;
  readonly data: Uint8Array;
}

export const EMPTY: Records = { offsets: new Uint32Array([0]), data: new Uint8Array(0) };

const compareKey = (records: Records, index: number, key: Buffer): number => {
  const data = Buffer.from(records.data.buffer, records.data.byteOffset, records.data.byteLength);
  const start = records.offsets[index] as number;
  const end = data.indexOf(0, start);
  return Buffer.compare(data.subarray(start, end), key);
};

/** The first record whose key is not below `key`, and whether its key is `key`. */
export const lowerBound = (records: Records, key: Buffer): { index: number; found: boolean } => {
  let low = 0;
  let high = records.offsets.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKey(records, middle, key) < 0) low = middle + 1;
    else high = middle;
  }
  return { index: low, found: low < records.offsets.length - 1 && compareKey(records, low, key) === 0 };
};

export const recordAt = (records: Records, index: number): { key: string; value: string } => {
  const data = Buffer.from(records.data.buffer, records.data.byteOffset, records.data.byteLength);
  const start = records.offsets[index] as number;
  const end = records.offsets[index + 1] as number;
  const split = data.indexOf(0, start);
  return { key: data.toString("utf8", start, split), value: data.toString("utf8", split + 1, end) };
};

const byBytes = (a: { bytes: Buffer }, b: { bytes: Buffer }): number => Buffer.compare(a.bytes, b.bytes);

/**
 * The base records with `changes` applied (a new value, or undefined to remove), copying the
 * untouched runs of the base whole: cost in the changes, plus one copy of the bytes.
 */
export const merge = (base: Records, changes: ReadonlyMap<string, string | undefined>): Records => {
  const touched = [...changes].map(([key, value]) => ({ key, value, bytes: Buffer.from(key, "utf8") })).sort(byBytes);
  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let size = 0;
  let cursor = 0;
  const copyBase = (until: number): void => {
    if (until <= cursor) return;
    const from = base.offsets[cursor] as number;
    for (let index = cursor; index < until; index += 1) offsets.push((base.offsets[index] as number) - from + size);
    const to = base.offsets[until] as number;
    chunks.push(base.data.subarray(from, to));
    size += to - from;
    cursor = until;
  };
  for (const change of touched) {
    const at = lowerBound(base, change.bytes);
    copyBase(at.index);
    if (at.found) cursor = at.index + 1;
    if (change.value === undefined) continue;
    const record = Buffer.from(`${change.key}\u0000${change.value}`, "utf8");
    offsets.push(size);
    chunks.push(record);
    size += record.length;
  }
  copyBase(base.offsets.length - 1);
  offsets.push(size);
  return { offsets: Uint32Array.from(offsets), data: Buffer.concat(chunks, size) };
};

