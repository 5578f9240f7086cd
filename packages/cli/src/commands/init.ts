import { EXIT, FileRefusal, logArg, type Command } from "../command.js";
import { LogAlreadyExistsError, openStore } from "../store-location.js";

export const initCommand: Command = {
  name: "init",
  summary: "create an empty event log",
  usage: "tertial init <log>",
  positionals: [{ name: "log", required: true, log: true }],
  flags: {},
  run: async ({ args, io, catalog }) => {
    const opened = openStore(logArg(args), { catalog });
    try {
      await opened.create();
    } catch (error) {
      if (error instanceof LogAlreadyExistsError) throw new FileRefusal(error.message);
      throw error;
    }
    io.stdout(`created ${opened.name}\n`);
    return EXIT.ok;
  },
};
