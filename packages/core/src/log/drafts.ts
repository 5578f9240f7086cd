import { createReadStream, fstatSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { EventDraftCodec, type EventDraft } from "../events/envelope.js";
import { decodeWith } from "../events/catalog.js";
import { issue, type Issue } from "../events/issues.js";
import { columnOf, valueColumns } from "../events/json-positions.js";
import { decodeUtf8Lines, JSON_LIMITS, parseStrictJson } from "../events/strict-json.js";
import type { DraftPlace } from "./store.js";
import { isEventDraft } from "./draft-check.js";

export interface ParsedDrafts {
  readonly drafts: readonly EventDraft[];
  readonly places: readonly DraftPlace[];
  readonly issues: readonly Issue[];
}

/**
 * Reads event drafts from JSONL text (one object a line; blank lines and lines starting with
 * "//" are skipped so hand-written files can be commented). Collects every envelope problem
 * with its line and column; data is checked later, against the catalog.
 */
export const parseDrafts = (text: string, file: string): ParsedDrafts => {
  const drafts: EventDraft[] = [];
  const places: DraftPlace[] = [];
  const issues: Issue[] = [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("//")) return;
    if (raw.length > JSON_LIMITS.lineLength) {
      issues.push(issue("too-long", "", `is ${raw.length} characters long`, { expected: `at most ${JSON_LIMITS.lineLength} characters a line`, file, line, column: JSON_LIMITS.lineLength + 1 }));
      return;
    }
    // Strict I-JSON: duplicate keys, lone surrogates and deep nesting are refused, not smoothed over.
    const parsed = parseStrictJson(raw);
    if (!parsed.ok) {
      issues.push(issue("not-json", parsed.path, `is not valid JSON: ${parsed.message}`, { expected: parsed.expected, file, line, column: parsed.index + 1 }));
      return;
    }
    const value = parsed.value;
    const decoded = isEventDraft(value) ? { ok: true as const, value: value as EventDraft } : decodeWith(EventDraftCodec, value);
    if (!decoded.ok) {
      const columns = valueColumns(raw);
      issues.push(...decoded.issues.map((found) => ({ ...found, file, line, column: columnOf(columns, found.path) ?? 1 })));
      return;
    }
    drafts.push(decoded.value);
    places.push({ file, line });
  });
  return { drafts, places, issues };
};

/**
 * Adds the column of each issue's field, using the source line the draft came from. Issues that
 * name another file (the log itself, e.g. a torn line) keep their own column; pass `file` (the
 * name the drafts were parsed under) so they can be told apart.
 */
export const placeColumns = (text: string, found: readonly Issue[], file?: string): Issue[] => {
  const lines = text.split("\n");
  return found.map((item) => {
    if (item.line === undefined) return item;
    if (file !== undefined && item.file !== undefined && item.file !== file) return item;
    const columns = valueColumns(lines[item.line - 1] ?? "");
    return { ...item, column: columnOf(columns, item.path) ?? 1 };
  });
};

/** Reads drafts as strict UTF-8: a line with invalid bytes is an issue at its line and column, never U+FFFD. */
export const readDraftFile = async (path: string, maxBytes: number = DRAFTS_MAX_BYTES): Promise<{ text: string; parsed: ParsedDrafts }> => {
  // NaN or a negative limit would compare false with every size and let any file through.
  if (!(Number.isSafeInteger(maxBytes) && maxBytes > 0)) throw new RangeError(`readDraftFile's limit is a whole number of bytes above zero, not ${String(maxBytes)}`);
  const file = path === "-" ? "<stdin>" : path;
  const bytes = await readBounded(path, maxBytes);
  if (bytes === undefined) {
    const tooLarge = issue("too-long", "", `is larger than ${maxBytes / (1024 * 1024)} MiB: a batch is checked whole in memory, so append it in parts (or move a whole log with tertial import)`, { expected: `at most ${maxBytes} bytes of drafts`, file });
    return { text: "", parsed: { drafts: [], places: [], issues: [tooLarge] } };
  }
  const { text, problems } = decodeUtf8Lines(bytes);
  const parsed = parseDrafts(text, file);
  if (problems.length === 0) return { text, parsed };
  const notUtf8 = problems.map((found) =>
    issue("not-utf8", "", `has a byte 0x${found.byte.toString(16).padStart(2, "0")} that is not UTF-8`, { expected: "text in UTF-8", file, line: found.line, column: found.column }),
  );
  return { text, parsed: { ...parsed, issues: [...notUtf8, ...parsed.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } };
};

/** How much a drafts file may hold: a batch is validated whole, in memory, and a text this long is near what one string can be. */
export const DRAFTS_MAX_BYTES = 256 * 1024 * 1024;

/**
 * A drafts file's bytes, or undefined when it holds more than `maxBytes`: a regular file is
 * refused by its size before it is read; standard input, a pipe or a device (which has no size:
 * /dev/zero never ends) is read until it ends or passes the limit.
 */
const readBounded = async (path: string, maxBytes: number): Promise<Buffer | undefined> => {
  // A directory given as standard input (`< dir`) reads as nothing, which would be an empty batch.
  if (path === "-" && fstatSync(0).isDirectory()) throw Object.assign(new Error("standard input is a directory"), { code: "EISDIR", path: "standard input", syscall: "read" });
  if (path !== "-") {
    const info = await stat(path);
    if (info.isFile()) return info.size > maxBytes ? undefined : readFile(path);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  const input = path === "-" ? (process.stdin as AsyncIterable<Buffer>) : createReadStream(path);
  for await (const chunk of input) {
    total += chunk.length;
    if (total > maxBytes) {
      if ("destroy" in input && typeof input.destroy === "function") input.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
};
