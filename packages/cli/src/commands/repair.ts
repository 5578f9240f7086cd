import { describeLogEnd, logExists, repairLogEnd, withLogLock, type LogEnd } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";

const said = (log: string, end: LogEnd): string => {
  switch (end.kind) {
    case "clean":
      return `${log}: nothing to repair: every batch in the log is whole\n`;
    case "committed":
      return `${log}: kept the last batch: ${describeLogEnd(end) ?? ""}; head seq ${end.batch.headAfter.seq} ${end.batch.headAfter.hash}\n`;
    case "incomplete":
    case "torn-line":
      return `${log}: removed ${describeLogEnd(end) ?? ""}; restored head seq ${end.restoredHead.seq} ${end.restoredHead.hash}\n`;
    case "inconsistent":
      return "";
  }
};

export const repairCommand: Command = {
  name: "repair",
  summary: "roll back what an interrupted append left at the end of a log (an incomplete batch or a cut-off line)",
  usage: "tertial repair <log>",
  flags: {},
  run: async ({ args, io }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial repair needs the log to repair");
    if (!(await logExists(log))) {
      io.stderr(`${log}: no such log\n`);
      return EXIT.io;
    }
    // Under the lock: a batch being written right now is not an interrupted one.
    const end = await withLogLock(log, repairLogEnd);
    if (end.kind === "inconsistent") {
      io.stderr(`${log}: cannot repair: ${end.message}; run tertial verify ${log}\n`);
      return EXIT.tampered;
    }
    io.stdout(said(log, end));
    return EXIT.ok;
  },
};
