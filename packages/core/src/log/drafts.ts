import { readFile } from "node:fs/promises";
import { EventDraftCodec, type EventDraft } from "../events/envelope.js";
import { decodeWith } from "../events/catalog.js";
import { issue, type Issue } from "../events/issues.js";
import { columnOf, valueColumns } from "../events/json-positions.js";
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
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      const position = /position (\d+)/.exec((error as Error).message);
      issues.push(issue("not-json", "", `is not JSON: ${(error as Error).message}`, { file, line, column: position === null ? 1 : Number(position[1]) + 1 }));
      return;
    }
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

export const readDraftFile = async (path: string): Promise<{ text: string; parsed: ParsedDrafts }> => {
  const text = path === "-" ? await readStdin() : await readFile(path, "utf8");
  return { text, parsed: parseDrafts(text, path === "-" ? "<stdin>" : path) };
};

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
};
