import { describeLogEnd, issue, type Issue } from "@tertial/core";
import { EXIT, logArg, UsageError, value, type Command } from "../command.js";
import { printIssues, toJson } from "../output.js";
import { openStore } from "../store-location.js";

/** A chain cannot show that lines were cut off its end; a head noted earlier can. */
const headIssues = (log: string, head: string, expected: string | undefined): Issue[] =>
  expected === undefined || expected === head
    ? []
    : [issue("chain-broken", "hash", "the last event is not the expected head: lines were cut off the end, or the log is another one", { file: log, expected, actual: head })];

export const verifyCommand: Command = {
  name: "verify",
  summary: "check the hash chain and every line of a log",
  usage: "tertial verify <log> [--head <hash>] [--format text|json]",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {
    head: { value: true, placeholder: "hash", help: "also fail unless the log ends at this hash (a head printed by append or verify earlier): detects lines cut off the end" },
    format: { value: true, placeholder: "format", choices: ["text", "json"], help: "text (default) or json: { log, ok, events, head, issues } on standard output" },
  },
  run: async ({ args, io, catalog }) => {
    const opened = openStore(logArg(args), { catalog });
    const log = opened.name;
    const format = value(args, "format") ?? "text";
    if (format !== "text" && format !== "json") throw new UsageError(`--format must be text or json, not "${format}"`);
    const report = await opened.verify(catalog);
    const issues = [...report.issues, ...headIssues(log, report.head, value(args, "head"))];
    if (format === "json") io.stdout(toJson({ log, ok: issues.length === 0, events: report.events, head: report.head, issues }));
    else if (issues.length > 0) {
      printIssues(io, issues);
      io.stderr(`${log}: FAILED: ${issues.length} problem(s) in ${report.events} readable event(s)\n`);
    } else {
      if (report.end.kind === "committed") io.stderr(`${log}: note: ${describeLogEnd(report.end) ?? ""}; tertial repair ${log} (or the next append) clears its record\n`);
      // An append in progress is no problem: its writer is alive and holds the lock, and readers do not see its batch until it is committed.
      if (report.end.kind === "in-progress" || (report.end.kind === "clean" && report.end.staleRecord === true)) io.stderr(`${log}: note: ${describeLogEnd(report.end) ?? ""}\n`);
      io.stdout(`${log}: ok, ${report.events} events, head ${report.head}\n`);
    }
    return issues.length > 0 ? EXIT.tampered : EXIT.ok;
  },
};
