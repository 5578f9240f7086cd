/**
 * Small counts as Swedish prose writes them ("tre ansökningar", "Nio av nätverken"): the house
 * writes whole numbers up to twenty in words when a narrative asks for it, larger ones and
 * fractions in digits. One is "en" or "ett" by the noun's gender, which only the writer knows.
 */
const WORDS: readonly string[] = [
  "noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio",
  "elva", "tolv", "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo",
];

/** How a placeholder asks for words: `words=en`, `words=ett` (the gender of one), capitalised at a sentence's start. */
export type NumberWordStyle = "en" | "ett" | "En" | "Ett";

export const NUMBER_WORD_STYLES: readonly NumberWordStyle[] = ["en", "ett", "En", "Ett"];

export const isNumberWordStyle = (text: string): text is NumberWordStyle => (NUMBER_WORD_STYLES as readonly string[]).includes(text);

/** The word for a whole number 0–20 in the style asked; undefined for anything else (printed in digits then). */
export const numberWord = (value: string, style: NumberWordStyle): string | undefined => {
  if (!/^[0-9]+$/.test(value)) return undefined;
  const n = Number(value);
  if (n >= WORDS.length) return undefined;
  const word = n === 1 && style.toLowerCase() === "ett" ? "ett" : (WORDS[n] ?? "");
  return style[0] === style[0]?.toUpperCase() ? `${word.charAt(0).toUpperCase()}${word.slice(1)}` : word;
};
