import { verifyLog } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";
import { printIssues } from "../output.js";

export const verifyCommand: Command = {
  name: "verify",
  summary: "check the hash chain and every line of a log",
  usage: "tertial verify <log>",
  flags: {},
  run: async ({ args, io, catalog }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial verify needs the log to check");
    const report = await verifyLog(log, catalog);
    if (report.issues.length > 0) {
      printIssues(io, report.issues);
      io.stderr(`${log}: FAILED: ${report.issues.length} problem(s) in ${report.events} readable event(s)\n`);
      return EXIT.tampered;
    }
    io.stdout(`${log}: ok, ${report.events} events, head ${report.head}\n`);
    return EXIT.ok;
  },
};
