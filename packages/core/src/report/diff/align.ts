/**
 * Aligns two lists by a key (a block's address, a row's label), so one inserted item leaves every
 * later item matched rather than "changed". A longest common subsequence of keys is kept as
 * "same"; in each gap between two kept items, a removed and an added item the caller calls the
 * same thing rewritten (`pairable`) become "changed", in order, never crossing.
 */
export type AlignStep<T> =
  | { readonly op: "same"; readonly a: T; readonly b: T }
  | { readonly op: "changed"; readonly a: T; readonly b: T }
  | { readonly op: "removed"; readonly a: T }
  | { readonly op: "added"; readonly b: T };

/** Index pairs of a longest common subsequence of the keys, in order. Lists within a section are short, so the plain table will do. */
const commonSubsequence = (a: readonly string[], b: readonly string[]): [number, number][] => {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const length = new Uint32Array(rows * columns);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      length[i * columns + j] = a[i] === b[j] ? (length[(i + 1) * columns + j + 1] ?? 0) + 1 : Math.max(length[(i + 1) * columns + j] ?? 0, length[i * columns + j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let [i, j] = [0, 0];
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if ((length[(i + 1) * columns + j] ?? 0) >= (length[i * columns + j + 1] ?? 0)) i += 1;
    else j += 1;
  }
  return pairs;
};

/** A gap's removed and added items, paired in order where `pairable` allows, the rest left as they are. */
const alignGap = <T>(removed: readonly T[], added: readonly T[], pairable: (a: T, b: T) => boolean): AlignStep<T>[] => {
  const steps: AlignStep<T>[] = [];
  let next = 0;
  for (const a of removed) {
    const found = added.findIndex((b, index) => index >= next && pairable(a, b));
    if (found === -1) {
      steps.push({ op: "removed", a });
      continue;
    }
    for (const b of added.slice(next, found)) steps.push({ op: "added", b });
    steps.push({ op: "changed", a, b: added[found] as T });
    next = found + 1;
  }
  for (const b of added.slice(next)) steps.push({ op: "added", b });
  return steps;
};

/**
 * The steps that turn `a` into `b`: reading the a-side of "same", "changed" and "removed" gives
 * `a`, the b-side of "same", "changed" and "added" gives `b`, and as many items as possible are
 * "same" (equal keys).
 */
export const alignLists = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string, pairable: (a: T, b: T) => boolean = () => false): AlignStep<T>[] => {
  const steps: AlignStep<T>[] = [];
  let [i, j] = [0, 0];
  for (const [nextI, nextJ] of [...commonSubsequence(a.map(key), b.map(key)), [a.length, b.length] as [number, number]]) {
    steps.push(...alignGap(a.slice(i, nextI), b.slice(j, nextJ), pairable));
    if (nextI < a.length && nextJ < b.length) steps.push({ op: "same", a: a[nextI] as T, b: b[nextJ] as T });
    [i, j] = [nextI + 1, nextJ + 1];
  }
  return steps;
};
