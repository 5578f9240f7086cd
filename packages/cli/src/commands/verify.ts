import { describeLogEnd, GENESIS_HASH, issue, type Issue, type VerifyReport } from "@tertial/core";
import { EXIT, logArg, UsageError, value, type Command } from "../command.js";
import { printIssues, toJson } from "../output.js";
import { openStore, type OpenedLog } from "../store-location.js";

/** What a hash looks like as append and verify print it: SHA-256 in lowercase hex. */
const HEAD_PATTERN = /^[0-9a-f]{64}$/;

/** Where a head noted earlier is in the log: the seq of the event it is the hash of (-1: the empty log's head), or undefined when no event has it. */
const seqOfHead = async (opened: OpenedLog, report: VerifyReport, head: string): Promise<number | undefined> => {
  if (head === GENESIS_HASH) return -1;
  // The common case, a log nothing was appended to since, needs no second read.
  if (head === report.head) return report.events - 1;
  for await (const line of opened.lines()) if (line.parsed.ok && line.parsed.event.hash === head) return line.parsed.event.seq;
  return undefined;
};

interface HeadFound {
  readonly hash: string;
  readonly seq: number;
  readonly eventsAfter: number;
}

/**
 * A chain cannot show that lines were cut off its end; a head noted earlier can. The log must
 * still hold the event that head is the hash of: every hash covers the one before it, so the log
 * up to there is then unchanged; events appended after it are no problem, and are counted.
 */
const checkHead = async (opened: OpenedLog, report: VerifyReport, head: string): Promise<{ found?: HeadFound; issues: Issue[] }> => {
  const seq = await seqOfHead(opened, report, head);
  if (seq === undefined)
    return {
      issues: [issue("chain-broken", "hash", `no event of the log has the head noted earlier: the event it is the hash of was cut off the end or changed, or the log is another one`, { file: opened.name, expected: head, actual: `head ${report.head}` })],
    };
  return { found: { hash: head, seq, eventsAfter: Math.max(0, report.events - 1 - seq) }, issues: [] };
};

const describeFound = (found: HeadFound): string =>
  `${found.seq < 0 ? "--head is the empty log's head" : `--head is the hash of seq ${found.seq}`}: the log up to it is unchanged, and ${found.eventsAfter} event(s) were appended after it`;

export const verifyCommand: Command = {
  name: "verify",
  summary: "check the hash chain and every line of a log",
  usage: "tertial verify <log> [--head <hash>] [--format text|json]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    head: {
      value: true,
      placeholder: "hash",
      help: "also fail unless the log still holds the event with this hash (a head printed by append or verify earlier), unchanged with everything before it: detects lines cut off the end; events appended after it are counted, not a failure",
    },
    format: { value: true, placeholder: "format", choices: ["text", "json"], help: "text (default) or json: { log, ok, events, head, issues, expectedHead } on standard output" },
  },
  run: async ({ args, io, catalog }) => {
    const expectedHead = value(args, "head");
    if (expectedHead !== undefined && !HEAD_PATTERN.test(expectedHead)) throw new UsageError(`--head must be a head as append and verify print it, 64 lowercase hex digits, not "${expectedHead}"`);
    const opened = openStore(logArg(args), { catalog });
    const log = opened.name;
    const format = value(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    const report = await opened.verify(catalog);
    const anchored = expectedHead === undefined ? { issues: [] } : await checkHead(opened, report, expectedHead);
    const issues = [...report.issues, ...anchored.issues];
    if (format === "json")
      io.stdout(toJson({ log, ok: issues.length === 0, events: report.events, head: report.head, issues, ...(expectedHead === undefined ? {} : { expectedHead: anchored.found ?? { hash: expectedHead, seq: null } }) }));
    else if (issues.length > 0) {
      printIssues(io, issues);
      io.stderr(`${log}: FAILED: ${issues.length} problem(s) in ${report.events} readable event(s)\n`);
    } else {
      if (report.end.kind === "committed") io.stderr(`${log}: note: ${describeLogEnd(report.end) ?? ""}; tertial repair ${log} (or the next append) clears its record\n`);
      // An append in progress is no problem: its writer is alive and holds the lock, and readers do not see its batch until it is committed.
      if (report.end.kind === "in-progress" || (report.end.kind === "clean" && report.end.staleRecord === true)) io.stderr(`${log}: note: ${describeLogEnd(report.end) ?? ""}\n`);
      if (anchored.found !== undefined && anchored.found.eventsAfter > 0) io.stderr(`${log}: note: ${describeFound(anchored.found)}\n`);
      io.stdout(`${log}: ok, ${report.events} events, head ${report.head}\n`);
    }
    return issues.length > 0 ? EXIT.tampered : EXIT.ok;
  },
};
