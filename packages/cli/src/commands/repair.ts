import { describeRepair, formatIssue, logExists, repairLogEnd, verifyLog, withLogLock } from "@tertial/core";
import { EXIT, FileRefusal, logArg, UsageError, type Command } from "../command.js";
import { isPostgresUrl } from "../store-location.js";

export const repairCommand: Command = {
  name: "repair",
  summary: "roll back what an interrupted append left at the end of a log (an incomplete batch or a cut-off line), or add the newline a committed last line lost",
  usage: "tertial repair <log>",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {},
  run: async ({ args, io, catalog }) => {
    const log = logArg(args);
    // A database rolls an interrupted batch back itself: its batch is one transaction.
    if (isPostgresUrl(log)) throw new UsageError("a PostgreSQL log needs no repair: each batch is one transaction, rolled back by the server if its writer dies");
    if (!(await logExists(log))) throw new FileRefusal(`${log}: no such log`);
    // Under the lock: a batch being written right now is not an interrupted one.
    const end = await withLogLock(log, repairLogEnd);
    if (end.kind === "inconsistent") {
      io.stderr(`${log}: ${describeRepair(end)}; run tertial verify ${log}\n`);
      return EXIT.tampered;
    }
    // Repair mends only an end an append (or an editor) left; a log broken anywhere else is not whole, whatever its end.
    const broken = (await verifyLog(log, catalog)).issues[0];
    const didNothing = end.kind === "clean" && end.staleRecord !== true;
    if (broken === undefined || !didNothing) io.stdout(`${log}: ${describeRepair(end)}\n`);
    if (broken === undefined) return EXIT.ok;
    io.stderr(`${log}: ${didNothing ? "no interrupted append to roll back, but" : "yet"} the log is broken: ${formatIssue(broken)}; repair cannot mend that, see tertial verify ${log}\n`);
    return EXIT.tampered;
  },
};
