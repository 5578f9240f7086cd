import { EXIT, UsageError, type Command } from "../command.js";
import { LogAlreadyExistsError, openStore } from "../store-location.js";

export const initCommand: Command = {
  name: "init",
  summary: "create an empty event log",
  usage: "tertial init <log>",
  flags: {},
  run: async ({ args, io, catalog }) => {
    const [log] = args.positionals;
    if (log === undefined) throw new UsageError("tertial init needs the path of the log to create");
    const opened = openStore(log, { catalog });
    try {
      await opened.create();
    } catch (error) {
      if (!(error instanceof LogAlreadyExistsError) && (error as NodeJS.ErrnoException).code === undefined) throw error;
      io.stderr(`${error instanceof LogAlreadyExistsError ? "" : `${log}: `}${(error as Error).message}\n`);
      return EXIT.io;
    }
    io.stdout(`created ${opened.name}\n`);
    return EXIT.ok;
  },
};
