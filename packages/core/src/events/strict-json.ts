/**
 * A strict reader for the JSON people hand to Tertial (event drafts): I-JSON (RFC 7493), which the
 * canonical form of RFC 8785 presumes. Beyond RFC 8259 it refuses duplicate keys (JSON.parse lets
 * the last win, so a fact would silently change), strings holding a lone surrogate (no UTF-8 form,
 * so no canonical bytes), numbers beyond a double's range, and values nested deeper than
 * `JSON_LIMITS.depth`. Each refusal says where (the index in the text and the field path) and what
 * was expected. Written here rather than taken from a library because none found combines I-JSON
 * strictness, a depth limit and field paths for errors, and the grammar is small.
 */
export const JSON_LIMITS = {
  /** Objects and arrays inside each other; events nest a few levels, so this is generous. */
  depth: 64,
  /** Characters in one line of drafts (one event); the largest real event is a few kilobytes. */
  lineLength: 1_048_576,
} as const;

export type StrictJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly index: number; readonly path: string; readonly message: string; readonly expected: string };

class StrictJsonError extends Error {
  constructor(
    readonly index: number,
    readonly path: string,
    message: string,
    readonly expected: string,
  ) {
    super(message);
  }
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whether every surrogate in a string is half of a pair, so the string has a UTF-8 form. */
const isWellFormed = (text: string): boolean => {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) index += 1;
    else if (isHighSurrogate(code) || isLowSurrogate(code)) return false;
  }
  return true;
};

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** Reads one JSON text, strictly; never throws. */
/** A character as a message shows it: a visible one quoted, an invisible one by name (a byte order mark, a zero-width space, a control character). */
const describeCharacter = (code: number): string => {
  if (code === 0xfeff) return "a byte order mark (U+FEFF; save the file as UTF-8 without it)";
  const invisible = code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0x200b && code <= 0x200f) || code === 0x2060 || code === 0x00a0;
  return invisible ? `an invisible character (U+${code.toString(16).toUpperCase().padStart(4, "0")})` : JSON.stringify(String.fromCharCode(code));
};

export const parseStrictJson = (text: string, maxDepth: number = JSON_LIMITS.depth): StrictJsonResult => {
  let index = 0;
  const keys: (string | number)[] = [];
  const pathNow = (extra?: string | number): string =>
    [...keys, ...(extra === undefined ? [] : [extra])].reduce<string>((path, key) => (typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`), "");
  const fail = (message: string, expected: string, at = index, extra?: string | number): never => {
    throw new StrictJsonError(at, pathNow(extra), message, expected);
  };
  const skipSpace = (): void => {
    for (;;) {
      const code = text.charCodeAt(index);
      if (code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) index += 1;
      else return;
    }
  };
  const describeHere = (): string => (index >= text.length ? "the end of the line" : describeCharacter(text.charCodeAt(index)));

  const readString = (): string => {
    const start = index;
    index += 1;
    let out = "";
    let runStart = index;
    for (;;) {
      if (index >= text.length) fail("has a string that is not closed", 'a closing "', start);
      const code = text.charCodeAt(index);
      if (code === 0x22) break;
      if (code < 0x20) fail("has a control character inside a string", "control characters escaped, e.g. \\n", index);
      if (code !== 0x5c) {
        index += 1;
        continue;
      }
      out += text.slice(runStart, index);
      const escape = text[index + 1] ?? "";
      if (escape === "u") {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail("has a bad \\u escape", "\\u and four hex digits", index);
        out += String.fromCharCode(parseInt(hex, 16));
        index += 6;
      } else {
        const plain = ESCAPES[escape];
        if (plain === undefined) fail(`has a bad escape \\${escape}`, 'one of \\" \\\\ \\/ \\b \\f \\n \\r \\t \\u', index);
        out += plain;
        index += 2;
      }
      runStart = index;
    }
    out += text.slice(runStart, index);
    index += 1;
    if (!isWellFormed(out)) fail("has a lone surrogate in a string", "Unicode text (I-JSON, RFC 7493)", start);
    return out;
  };

  const readNumber = (): number => {
    NUMBER.lastIndex = index;
    const match = NUMBER.exec(text);
    if (match === null) fail(`has ${describeHere()} where a value should be`, "a JSON value");
    const digits = match?.[0] ?? "";
    const value = Number(digits);
    if (!Number.isFinite(value)) fail(`has a number too large for JSON (${digits.slice(0, 20)})`, "a number within a double's range (I-JSON)");
    index += digits.length;
    return value;
  };

  const readLiteral = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, index)) {
      index += word.length;
      return value;
    }
    return fail(`has ${describeHere()} where a value should be`, "a JSON value");
  };

  const readObject = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    index += 1;
    skipSpace();
    if (text[index] === "}") {
      index += 1;
      return out;
    }
    for (;;) {
      skipSpace();
      if (text[index] !== '"') fail(`has ${describeHere()} where a key should be`, 'a key in double quotes');
      const keyAt = index;
      const key = readString();
      if (seen.has(key)) fail(`has the key "${key}" twice`, "each key once (I-JSON, RFC 7493)", keyAt, key);
      seen.add(key);
      skipSpace();
      if (text[index] !== ":") fail(`has ${describeHere()} after a key`, '":"');
      index += 1;
      keys.push(key);
      const value = readValue(depth);
      keys.pop();
      if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      skipSpace();
      const separator = text[index];
      if (separator === "}") {
        index += 1;
        return out;
      }
      if (separator !== ",") fail(`has ${describeHere()} inside an object`, '"," or "}"');
      index += 1;
    }
  };

  const readArray = (depth: number): unknown[] => {
    const out: unknown[] = [];
    index += 1;
    skipSpace();
    if (text[index] === "]") {
      index += 1;
      return out;
    }
    for (;;) {
      keys.push(out.length);
      out.push(readValue(depth));
      keys.pop();
      skipSpace();
      const separator = text[index];
      if (separator === "]") {
        index += 1;
        return out;
      }
      if (separator !== ",") fail(`has ${describeHere()} inside a list`, '"," or "]"');
      index += 1;
    }
  };

  const readValue = (depth: number): unknown => {
    skipSpace();
    const head = text[index];
    if (head === "{" || head === "[") {
      if (depth >= maxDepth) fail(`nests deeper than ${maxDepth} levels`, `at most ${maxDepth} levels of objects and lists`);
      return head === "{" ? readObject(depth + 1) : readArray(depth + 1);
    }
    if (head === '"') return readString();
    if (head === "t") return readLiteral("true", true);
    if (head === "f") return readLiteral("false", false);
    if (head === "n") return readLiteral("null", null);
    return readNumber();
  };

  try {
    const value = readValue(0);
    skipSpace();
    if (index < text.length) fail(`has ${describeHere()} after the value`, "one JSON value a line");
    return { ok: true, value };
  } catch (error) {
    if (!(error instanceof StrictJsonError)) throw error;
    return { ok: false, index: error.index, path: error.path, message: error.message, expected: error.expected };
  }
};

export type Utf8Problem = { readonly line: number; readonly column: number; readonly byte: number };

const fatalDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const lenientDecoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** How many continuation bytes follow a lead byte, and the allowed range of the first one (RFC 3629's table). */
const sequenceOf = (lead: number): { readonly more: number; readonly low: number; readonly high: number } | undefined => {
  if (lead < 0x80) return { more: 0, low: 0, high: 0 };
  if (lead >= 0xc2 && lead <= 0xdf) return { more: 1, low: 0x80, high: 0xbf };
  if (lead === 0xe0) return { more: 2, low: 0xa0, high: 0xbf };
  if (lead === 0xed) return { more: 2, low: 0x80, high: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { more: 2, low: 0x80, high: 0xbf };
  if (lead === 0xf0) return { more: 3, low: 0x90, high: 0xbf };
  if (lead >= 0xf1 && lead <= 0xf3) return { more: 3, low: 0x80, high: 0xbf };
  if (lead === 0xf4) return { more: 3, low: 0x80, high: 0x8f };
  return undefined;
};

/** The offset of the first byte that does not belong to valid UTF-8 (the length when all is valid). */
const firstInvalidByte = (bytes: Uint8Array): number => {
  let index = 0;
  while (index < bytes.length) {
    const sequence = sequenceOf(bytes[index] ?? 0);
    if (sequence === undefined) return index;
    for (let next = 1; next <= sequence.more; next += 1) {
      const byte = bytes[index + next];
      const [low, high] = next === 1 ? [sequence.low, sequence.high] : [0x80, 0xbf];
      if (byte === undefined || byte < low || byte > high) return index;
    }
    index += sequence.more + 1;
  }
  return index;
};

/**
 * Decodes bytes as strict UTF-8. Lines holding invalid bytes (which a lenient decoder would
 * silently replace with U+FFFD, changing the fact) come back as problems with their line and
 * column, and as empty lines in the text, so every other line can still be checked.
 */
export const decodeUtf8Lines = (bytes: Uint8Array): { readonly text: string; readonly problems: readonly Utf8Problem[] } => {
  try {
    return { text: fatalDecoder.decode(bytes), problems: [] };
  } catch {
    // Fall through to find each bad line.
  }
  const lines: string[] = [];
  const problems: Utf8Problem[] = [];
  let start = 0;
  while (start <= bytes.length) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    const line = bytes.subarray(start, end);
    try {
      lines.push(fatalDecoder.decode(line));
    } catch {
      const good = firstInvalidByte(line);
      problems.push({ line: lines.length + 1, column: lenientDecoder.decode(line.subarray(0, good)).length + 1, byte: line[good] ?? 0 });
      lines.push("");
    }
    start = end + 1;
  }
  return { text: lines.join("\n"), problems };
};
