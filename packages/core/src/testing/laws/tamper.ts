import * as fc from "fast-check";

/** One way to tamper with a log's lines; indices are resolved modulo the number of lines. */
export type Tampering =
  | { readonly kind: "change"; readonly line: number; readonly at: number; readonly char: string }
  | { readonly kind: "drop"; readonly line: number }
  | { readonly kind: "duplicate"; readonly line: number; readonly to: number }
  | { readonly kind: "swap"; readonly line: number; readonly with: number };

/** Changed, dropped, duplicated or reordered lines: what `verify` must catch. */
export const arbTampering: fc.Arbitrary<Tampering> = fc.oneof(
  fc.record({ kind: fc.constant("change" as const), line: fc.nat(), at: fc.nat(), char: fc.constantFrom("0", "1", "a", "f", "x", "\"", "{", ",", " ", ":", "9", "-") }),
  fc.record({ kind: fc.constant("drop" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("duplicate" as const), line: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant("swap" as const), line: fc.nat(), with: fc.nat() }),
);

const changed = (text: string, at: number, char: string): string => {
  const index = at % text.length;
  const replacement = text[index] === char ? (char === "0" ? "1" : "0") : char;
  return `${text.slice(0, index)}${replacement}${text.slice(index + 1)}`;
};

/**
 * Applies a tampering to a log's lines (without newlines) and returns the new lines, or
 * undefined when it would leave them unchanged (a swap of equal lines, fewer than two lines).
 * Dropping the last line leaves a valid shorter chain: only a head noted earlier shows it, so
 * pass `keepLast` to drop only lines that have a successor.
 */
export const applyTampering = (lines: readonly string[], tampering: Tampering, options: { readonly keepLast?: boolean } = {}): string[] | undefined => {
  if (lines.length === 0) return undefined;
  const out = [...lines];
  const line = tampering.line % lines.length;
  switch (tampering.kind) {
    case "change":
      out[line] = changed(lines[line] ?? "", tampering.at, tampering.char);
      return out;
    case "drop":
      if (options.keepLast === true && lines.length < 2) return undefined;
      out.splice(options.keepLast === true ? tampering.line % (lines.length - 1) : line, 1);
      return out;
    case "duplicate":
      out.splice(tampering.to % (lines.length + 1), 0, lines[line] ?? "");
      return out;
    case "swap": {
      const other = tampering.with % lines.length;
      if (other === line || lines[other] === lines[line]) return undefined;
      [out[line], out[other]] = [lines[other] ?? "", lines[line] ?? ""];
      return out;
    }
  }
};
