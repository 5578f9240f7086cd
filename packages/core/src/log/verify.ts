import { realpath } from "node:fs/promises";
import type { Catalog } from "../events/catalog.js";
import { issue, type Issue } from "../events/issues.js";
import { ChainCheck } from "./chain-check.js";
import { readLineBatches } from "./lines.js";
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
  const chain = new ChainCheck("line", catalog);
  let expectedSeq = 0;
  let events = 0;
  // An incomplete batch is named once, as such; its lines were never part of the log.
  for await (const lines of readLineBatches(real, undefined, end.kind === "incomplete" ? end.cutAt : Infinity)) {
    for (const line of lines) {
      const parsed = parseStoredLine(path, line.text, line.number, line.terminated);
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        continue;
      }
      const event = parsed.event;
      events += 1;
      if (event.seq !== expectedSeq) issues.push(issue("chain-broken", "seq", `expected seq ${expectedSeq}: a line was dropped, duplicated or moved`, { file: path, line: line.number, actual: String(event.seq) }));
      const found = chain.problems(event, line.text, path, line.number, parsed.intact);
      if (found !== undefined) issues.push(...found);
      expectedSeq = event.seq + 1;
    }
  }
  issues.push(...endIssues(path, end));
  return { events, head: chain.head, issues, end };
};
