import { initLog } from "@tertial/core";
import { EXIT, UsageError, type Command } from "../command.js";

export const initCommand: Command = {
  name: "init",
  summary: "create an empty event log",
  usage: "tertial init <log>",
  flags: {},
  run: async ({ args, io }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial init needs the path of the log to create");
    try {
      await initLog(log);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`${log}: ${code === "EEXIST" ? "already exists; tertial init never overwrites a log" : (error as Error).message}\n`);
      return EXIT.io;
    }
    io.stdout(`created ${log}\n`);
    return EXIT.ok;
  },
};
