import { describeLogEnd, issue, verifyLog, type Issue } from "@tertial/core";
import { EXIT, UsageError, value, type Command } from "../command.js";
import { printIssues } from "../output.js";

/** A chain cannot show that lines were cut off its end; a head noted earlier can. */
const headIssues = (log: string, head: string, expected: string | undefined): Issue[] =>
  expected === undefined || expected === head
    ? []
    : [issue("chain-broken", "hash", "the last event is not the expected head: lines were cut off the end, or the log is another one", { file: log, expected, actual: head })];

export const verifyCommand: Command = {
  name: "verify",
  summary: "check the hash chain and every line of a log",
  usage: "tertial verify <log> [--head <hash>]",
  flags: {
    head: { value: true, help: "also fail unless the log ends at this hash (a head printed by append or verify earlier): detects lines cut off the end" },
  },
  run: async ({ args, io, catalog }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial verify needs the log to check");
    const report = await verifyLog(log, catalog);
    const issues = [...report.issues, ...headIssues(log, report.head, value(args, "head"))];
    if (issues.length > 0) {
      printIssues(io, issues);
      io.stderr(`${log}: FAILED: ${issues.length} problem(s) in ${report.events} readable event(s)\n`);
      return EXIT.tampered;
    }
    if (report.end.kind === "committed") io.stderr(`${log}: note: ${describeLogEnd(report.end) ?? ""}; tertial repair ${log} (or the next append) clears its record\n`);
    io.stdout(`${log}: ok, ${report.events} events, head ${report.head}\n`);
    return EXIT.ok;
  },
};
