/** A character as a message shows it: the invisible ones by name. */
const shown = (character: string | undefined): string => {
  if (character === undefined) return "the end of the line";
  if (character === "\r") return "a carriage return (\\r)";
  if (character === " ") return "a space";
  if (character === "\t") return "a tab";
  return JSON.stringify(character);
};

/**
 * Where a stored text first differs from the canonical JSON of its event (a 1-based column), and
 * what is there, for a message that lets a person see what rewrote it. Called only for text whose
 * exact bytes did not hash to its hash, so an intact line never pays for it.
 */
export const canonicalDifference = (text: string, canonical: string): { readonly column: number; readonly said: string } => {
  let at = 0;
  while (at < text.length && text.charCodeAt(at) === canonical.charCodeAt(at)) at += 1;
  // The common case by far: an editor or a transfer that rewrote the line endings.
  if (text.endsWith("\r") && at === text.length - 1) return { column: at + 1, said: "it ends with a carriage return (\\r): the file has Windows (CRLF) line endings" };
  return { column: at + 1, said: `it has ${shown(text[at])} where the canonical JSON has ${shown(canonical[at])}` };
};
