import { describeRepair, logExists, repairLogEnd, withLogLock } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";

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
      io.stderr(`${log}: ${describeRepair(end)}; run tertial verify ${log}\n`);
      return EXIT.tampered;
    }
    io.stdout(`${log}: ${describeRepair(end)}\n`);
    return EXIT.ok;
  },
};
