/**
 * Text width without a canvas or the machine's fonts: advance widths of Arial (and the metrically
 * identical Liberation Sans and Helvetica), in thousandths of an em. The chart is laid out from
 * this table alone, so the same document gives the same SVG bytes on every machine; the SVG asks
 * for exactly these fonts.
 */
const ARIAL_WIDTHS: Readonly<Record<string, number>> = {
  " ": 278, "\u00a0": 278, "!": 278, '"': 355, "#": 556, $: 556, "%": 889, "&": 667, "'": 191, "(": 333, ")": 333, "*": 389, "+": 584, ",": 278, "-": 333, ".": 278, "/": 278,
  ":": 278, ";": 278, "<": 584, "=": 584, ">": 584, "?": 556, "@": 1015, "[": 278, "\\": 278, "]": 278, "^": 469, _: 556, "`": 333, "{": 334, "|": 260, "}": 334, "~": 584,
  A: 667, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 722, I: 278, J: 500, K: 667, L: 556, M: 833, N: 722, O: 778, P: 667, Q: 778, R: 722, S: 667, T: 611, U: 722, V: 667, W: 944, X: 667, Y: 667, Z: 611,
  a: 556, b: 556, c: 500, d: 556, e: 556, f: 278, g: 556, h: 556, i: 222, j: 222, k: 500, l: 222, m: 833, n: 556, o: 556, p: 556, q: 556, r: 333, s: 500, t: 278, u: 556, v: 500, w: 722, x: 500, y: 500, z: 500,
  Å: 667, Ä: 667, Ö: 778, Ü: 722, É: 667, å: 556, ä: 556, ö: 556, ü: 556, é: 556, è: 556,
  "\u2013": 556, "\u2014": 1000, "\u2212": 584, "\u2026": 1000, "\u00b9": 333, "\u00b2": 333, "\u00b3": 333,
};

const DIGIT_WIDTH = 556;
/** Wider than most glyphs, so an unknown character is never under-measured. */
const UNKNOWN_WIDTH = 1000;
/** Bold Arial runs at most about a tenth wider than regular. */
const BOLD_FACTOR = 1.1;
/** Head-room for a substitute font (e.g. DejaVu Sans where Arial is missing) so text still fits its box. */
const SAFETY = 1.06;

const glyphWidth = (char: string): number => ARIAL_WIDTHS[char] ?? (char >= "0" && char <= "9" ? DIGIT_WIDTH : UNKNOWN_WIDTH);

/** The width in pixels `text` takes at `size` pixels, rounded up to a tenth. */
export const textWidth = (text: string, size: number, bold = false): number => {
  let units = 0;
  for (const char of text) units += glyphWidth(char);
  return Math.ceil((units / 1000) * size * SAFETY * (bold ? BOLD_FACTOR : 1) * 10) / 10;
};

/** A word that is wider than a whole line is cut into line-wide pieces (only pathological text does that). */
const pieces = (word: string, maxWidth: number, size: number): string[] => {
  const out: string[] = [];
  let current = "";
  for (const char of word) {
    if (current !== "" && textWidth(current + char, size) > maxWidth) {
      out.push(current);
      current = "";
    }
    current += char;
  }
  return current === "" ? out : [...out, current];
};

/** Greedy line breaking at spaces: every word kept whole, every line at most `maxWidth` wide. */
export const wrapText = (text: string, maxWidth: number, size: number): string[] => {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter((part) => part !== "")) {
    for (const piece of textWidth(word, size) > maxWidth ? pieces(word, maxWidth, size) : [word]) {
      const candidate = line === "" ? piece : `${line} ${piece}`;
      if (line !== "" && textWidth(candidate, size) > maxWidth) {
        lines.push(line);
        line = piece;
      } else line = candidate;
    }
  }
  return line === "" && lines.length === 0 ? [""] : line === "" ? lines : [...lines, line];
};

/** The widest single word of `text`, so a label column can be made wide enough never to cut one. */
export const widestWord = (text: string, size: number): number => Math.max(0, ...text.split(" ").map((word) => textWidth(word, size)));
