import { realpath } from "node:fs/promises";
import type { Catalog } from "../events/catalog.js";
import { issue, type Issue } from "../events/issues.js";
import { ChainCheck } from "./chain-check.js";
import { readLineBatches } from "./lines.js";
import { SeqExpectation } from "./seq-expectation.js";
import { parseStoredLine } from "./jsonl-store.js";
import { describeLogEnd, inspectLogEndWithoutLock, type LogEnd } from "./recovery.js";

export interface VerifyReport {
  readonly events: number;
  readonly head: string;
  readonly issues: readonly Issue[];
  /**
   * How the log ends: clean, an append in progress (only the committed lines before its batch
   * were checked; not a problem), or what an interrupted append or an editor left there.
   */
  readonly end: LogEnd;
}

/** The issue for an end that needs `tertial repair`, placed at the first line it concerns. */
const endIssues = (path: string, end: LogEnd): Issue[] => {
  const said = describeLogEnd(end);
  switch (end.kind) {
    case "incomplete":
      return [issue("torn-line", "", `${said ?? ""}; run tertial repair ${path} to roll it back (to seq ${end.restoredHead.seq})`, { file: path, line: end.firstLine })];
    case "missing-newline":
      return [issue("torn-line", "", `${said ?? ""}; run tertial repair ${path} to add it`, { file: path, line: end.line })];
    case "inconsistent":
      return [issue("chain-broken", "", end.message, end.line === undefined ? { file: path } : { file: path, line: end.line })];
    default:
      // A torn line is named by the line itself; a whole batch left, an append in progress or a stale record are no problem.
      return [];
  }
};

/**
 * Checks a log file end to end, streaming: every line canonical and parseable, seq gap-free,
 * each prevHash the previous hash, each hash recomputed, ids unique, transaction time never
 * going back, and (with a catalog) every event's data valid for its type and version.
 * Keeps going after a problem so one run lists them all.
 */
export const verifyLog = async (path: string, catalog?: Catalog): Promise<VerifyReport> => {
  const real = await realpath(path);
  // Without the lock, so an append may be running: only the bytes that were committed when the end was judged are read.
  const { end, size } = await inspectLogEndWithoutLock(real);
  const issues: Issue[] = [];
  const chain = new ChainCheck("line", catalog, { idsAtEnd: true });
  const seq = new SeqExpectation();
  let events = 0;
  // An incomplete batch is named once, as such; its lines were never part of the log, nor are those of a batch being written.
  // A last line that only lost its newline is checked as the committed line it is, and its newline named once.
  for await (const lines of readLineBatches(real, undefined, end.kind === "incomplete" || end.kind === "in-progress" ? end.cutAt : size)) {
    for (const line of lines) {
      // A committed last line cut off since is named once, by the end's issue, not as a line an append never finished.
      if (!line.terminated && end.kind === "inconsistent" && end.line === line.number) continue;
      const parsed = parseStoredLine(path, line.text, line.number, line.terminated || end.kind === "missing-newline");
      if (!parsed.ok) {
        issues.push(...parsed.issues);
        seq.skipUnreadable();
        continue;
      }
      const event = parsed.event;
      events += 1;
      if (!seq.fits(event.seq)) issues.push(issue("chain-broken", "seq", `expected ${seq.expected}: a line was dropped, duplicated or moved`, { file: path, line: line.number, actual: String(event.seq) }));
      else if (seq.followsLostEvent(event.seq)) chain.forgetLink();
      const found = chain.problems(event, line.text, path, line.number, parsed.intact);
      if (found !== undefined) issues.push(...found);
      seq.read(event.seq);
    }
  }
  return { events, head: chain.head, issues: [...chain.withRepeatedIds(issues), ...endIssues(path, end)], end };
};
