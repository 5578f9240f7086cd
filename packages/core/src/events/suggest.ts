/** Swedish letters folded to the ASCII spellings the command line also accepts (delårsrapport = delarsrapport). */
export const foldSwedish = (text: string): string => text.toLowerCase().replace(/[åä]/g, "a").replace(/ö/g, "o").replace(/é/g, "e");

/** The candidate a word means, with or without Swedish letters and in any case; undefined when none. */
export const matchWord = <T extends string>(word: string, candidates: readonly T[]): T | undefined => {
  const folded = foldSwedish(word);
  return candidates.find((candidate) => foldSwedish(candidate) === folded);
};

/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
const distance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/** The nearest candidate when the word is a near miss (a typo or two, or a prefix); undefined otherwise. */
export const nearest = (word: string, candidates: readonly string[]): string | undefined => {
  const folded = foldSwedish(word);
  if (folded.length >= 3) {
    const prefixed = candidates.filter((candidate) => foldSwedish(candidate).startsWith(folded));
    if (prefixed.length === 1) return prefixed[0];
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(folded.length / 3)));
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = distance(folded, foldSwedish(candidate));
    if (score <= allowed && (best === undefined || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
};

/** " (did you mean X?)" for a near miss, "" otherwise. */
export const didYouMean = (word: string, candidates: readonly string[], show: (candidate: string) => string = (candidate) => candidate): string => {
  const found = nearest(word, candidates);
  return found === undefined ? "" : ` (did you mean ${show(found)}?)`;
};
