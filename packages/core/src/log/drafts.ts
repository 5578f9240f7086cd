import { readFile } from "node:fs/promises";
import { EventDraftCodec, type EventDraft } from "../events/envelope.js";
import { decodeWith } from "../events/catalog.js";
import { issue, type Issue } from "../events/issues.js";
import { columnOf, valueColumns } from "../events/json-positions.js";
import { decodeUtf8Lines, JSON_LIMITS, parseStrictJson } from "../events/strict-json.js";
import type { DraftPlace } from "./store.js";

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
    const decoded = decodeWith(EventDraftCodec, value);
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
export const readDraftFile = async (path: string): Promise<{ text: string; parsed: ParsedDrafts }> => {
  const file = path === "-" ? "<stdin>" : path;
  const { text, problems } = decodeUtf8Lines(path === "-" ? await readStdin() : await readFile(path));
  const parsed = parseDrafts(text, file);
  if (problems.length === 0) return { text, parsed };
  const notUtf8 = problems.map((found) =>
    issue("not-utf8", "", `has a byte 0x${found.byte.toString(16).padStart(2, "0")} that is not UTF-8`, { expected: "text in UTF-8", file, line: found.line, column: found.column }),
  );
  return { text, parsed: { ...parsed, issues: [...notUtf8, ...parsed.issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0)) } };
};

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
};
