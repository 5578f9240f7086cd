import { initLog } from "@tertial/core";
import { EXIT, FileRefusal, logArg, type Command } from "../command.js";

export const initCommand: Command = {
  name: "init",
  summary: "create an empty event log",
  usage: "tertial init <log>",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {},
  run: async ({ args, io }) => {
    const log = logArg(args);
    try {
      await initLog(log);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new FileRefusal(`${log}: already exists; tertial init never overwrites a log`);
      throw error;
    }
    io.stdout(`created ${log}\n`);
    return EXIT.ok;
  },
};
