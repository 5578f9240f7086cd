import type { StoredEvent } from "../events/envelope.js";
import { changedLineIssue, LogBrokenError, LogReadError, parseStoredLine } from "./jsonl-store.js";
import { readLinesWhere } from "./lines.js";
import { headEndingAt } from "./recovery.js";

/** The last key of a canonical line, with the quote its value opens with. */
const TYPE_KEY = Buffer.from(',"type":"');

/**
 * Where the type a canonical line names starts, read from its last bytes (`,"type":"…"}`: "type"
 * sorts last of the envelope's keys; the value runs to the line's last two bytes), or -1 for a
 * line not ending so, or whose type is written with an escape. The quote before the value follows
 * a colon, so it opens a string; the value holds no quote or backslash; and the line ends with the
 * object it closes: that is the top-level "type", the last one, which is the one JSON.parse keeps.
 * Byte by byte in plain code: a scan asks this of every line of a long log, and each call into
 * Buffer's native search cost more than the few bytes it looks at.
 */
const tailTypeStart = (bytes: Buffer, start: number, end: number): number => {
  if (end - start < TYPE_KEY.length + 3 || bytes[end - 1] !== 0x7d || bytes[end - 2] !== 0x22) return -1;
  let open = end - 3;
  for (; open >= start; open -= 1) {
    const byte = bytes[open];
    if (byte === 0x22) break;
    if (byte === 0x5c) return -1;
  }
  const key = open - TYPE_KEY.length + 1;
  if (key < start) return -1;
  for (let index = 0; index < TYPE_KEY.length; index += 1) if (bytes[key + index] !== TYPE_KEY[index]) return -1;
  return open + 1;
};

/** The type named by a canonical line's last bytes, or undefined (see tailTypeStart). */
export const tailType = (bytes: Buffer, start: number, end: number): string | undefined => {
  const from = tailTypeStart(bytes, start, end);
  return from === -1 ? undefined : bytes.toString("utf8", from, end - 2);
};

/** Whether bytes[from, to) spell one of these types (UTF-8), compared in place. */
const spellsOneOf = (byLength: ReadonlyMap<number, readonly Buffer[]>, bytes: Buffer, from: number, to: number): boolean => {
  const candidates = byLength.get(to - from);
  if (candidates === undefined) return false;
  return candidates.some((type) => {
    for (let index = 0; index < type.length; index += 1) if (bytes[from + index] !== type[index]) return false;
    return true;
  });
};

const byByteLength = (types: ReadonlySet<string>): Map<number, Buffer[]> => {
  const byLength = new Map<number, Buffer[]>();
  for (const type of types) {
    const bytes = Buffer.from(type, "utf8");
    byLength.set(bytes.length, [...(byLength.get(bytes.length) ?? []), bytes]);
  }
  return byLength;
};

/**
 * The committed events of these types, in log order, each checked against its own hash (a
 * changed or non-canonical line is an error, as in a read) but not linked to the lines around it:
 * the lines of other types are passed over by their last bytes, never decoded. A line whose end
 * does not read as a canonical line's is parsed to learn its type (and refused if it is of one). For what the append state needs again from a log it
 * has verified up to its head (the facts the rules learn from), not for a report.
 */
export async function* readTypesFromFile(display: string, file: string, types: ReadonlySet<string>, until: number): AsyncGenerator<StoredEvent> {
  const byLength = byByteLength(types);
  const wanted = (bytes: Buffer, start: number, end: number): boolean => {
    const from = tailTypeStart(bytes, start, end);
    return from === -1 || spellsOneOf(byLength, bytes, from, end - 2);
  };
  for await (const line of readLinesWhere(file, wanted, until)) {
    // A last line with no newline is named as a read names it: a committed line that lost its newline, or a cut-off one.
    const before = line.terminated ? undefined : await headEndingAt(file, line.start);
    const parsed = parseStoredLine(display, line.text, line.number, line.terminated, before);
    if (!parsed.ok) throw new LogReadError(parsed.issues);
    if (!types.has(parsed.event.type)) continue;
    if (!parsed.intact) throw new LogBrokenError([changedLineIssue(display, line.text, line.number, parsed.event)]);
    yield parsed.event;
  }
}
