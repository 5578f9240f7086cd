import { realpath } from "node:fs/promises";
import { decodeData, type Catalog } from "../events/catalog.js";
import { GENESIS_HASH } from "../events/envelope.js";
import { issue, type Issue } from "../events/issues.js";
import { parseInstant } from "../time/stockholm.js";
import { canonicalLineHashMatches, hashOf, lineOf } from "./chain.js";
import { readLines } from "./lines.js";
import { parseStoredLine } from "./jsonl-store.js";
import { describeLogEnd, inspectLogEnd, type LogEnd } from "./recovery.js";

export interface VerifyReport {
  readonly events: number;
  readonly head: string;
  readonly issues: readonly Issue[];
  /** How the log ends when an append was interrupted there (a batch left incomplete, or whole). */
  readonly end: LogEnd;
}

/** The issue for an end that needs `tertial repair`, placed at the first line it concerns. */
const endIssues = (path: string, end: LogEnd): Issue[] => {
  const said = describeLogEnd(end);
  if (said === undefined || end.kind === "committed" || end.kind === "torn-line") return [];
  const line = end.kind === "incomplete" ? { line: end.firstLine } : {};
  const advice = end.kind === "incomplete" ? `; run tertial repair ${path} to roll it back (to seq ${end.restoredHead.seq})` : "";
  return [issue(end.kind === "incomplete" ? "torn-line" : "chain-broken", "", `${said}${advice}`, { file: path, ...line })];
};

/**
 * Checks a log file end to end, streaming: every line canonical and parseable, seq gap-free,
 * each prevHash the previous hash, each hash recomputed, ids unique, transaction time never
 * going back, and (with a catalog) every event's data valid for its type and version.
 * Keeps going after a problem so one run lists them all.
 */
export const verifyLog = async (path: string, catalog?: Catalog): Promise<VerifyReport> => {
  const real = await realpath(path);
  const end = await inspectLogEnd(real);
  const issues: Issue[] = [];
  const ids = new Set<string>();
  let previousHash = GENESIS_HASH;
  let previousRecorded = "";
  let previousRecordedMs = -Infinity;
  let expectedSeq = 0;
  let events = 0;
  // An incomplete batch is named once, as such; its lines were never part of the log.
  for await (const line of readLines(real, undefined, end.kind === "incomplete" ? end.cutAt : Infinity)) {
    const place = { file: path, line: line.number };
    const parsed = parseStoredLine(path, line.text, line.number, line.terminated);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const event = parsed.event;
    events += 1;
    // A line whose exact bytes hash to its hash is canonical and unchanged; only other lines are canonicalised to say what is wrong.
    const intact = canonicalLineHashMatches(line.text, event.hash);
    if (!intact && lineOf(event) !== line.text) issues.push(issue("not-canonical", "", "is not the canonical JSON of its event: the stored bytes were changed", place));
    if (event.seq !== expectedSeq) issues.push(issue("chain-broken", "seq", `expected seq ${expectedSeq}: a line was dropped, duplicated or moved`, { ...place, actual: String(event.seq) }));
    if (event.prevHash !== previousHash) issues.push(issue("chain-broken", "prevHash", "does not match the previous line's hash: a line was dropped, inserted or moved", place));
    if (!intact && hashOf(event) !== event.hash) issues.push(issue("chain-broken", "hash", "does not match the event's content: the line was changed", place));
    if (ids.has(event.id)) issues.push(issue("duplicate-id", "id", `id "${event.id}" appears twice`, place));
    // Compared as instants, not as text: "09:00+02:00" is before "08:00Z".
    const recordedMs = parseInstant(event.recordedAt) ?? Number.NaN;
    if (recordedMs < previousRecordedMs) issues.push(issue("out-of-order", "recordedAt", "goes back in time", { ...place, actual: event.recordedAt, expected: `${previousRecorded} or later` }));
    if (catalog !== undefined) {
      const decoded = decodeData(catalog, event);
      if (!decoded.ok) issues.push(...decoded.issues.map((found) => ({ ...found, ...place })));
    }
    ids.add(event.id);
    previousHash = event.hash;
    previousRecorded = event.recordedAt;
    previousRecordedMs = recordedMs;
    expectedSeq = event.seq + 1;
  }
  issues.push(...endIssues(path, end));
  return { events, head: previousHash, issues, end };
};
