import { EXIT, UsageError, type Command } from "../command.js";
import { completionScript, SHELLS } from "../completion-scripts.js";
import { matchWord } from "../suggest.js";

export const completionCommand: Command = {
  name: "completion",
  summary: "print a shell completion script: bash, zsh or fish",
  usage: "tertial completion bash|zsh|fish",
  positionals: [{ name: "shell", required: true }],
  flags: {},
  run: async ({ args, io }) => {
    const [given] = args.positionals;
    if (given === undefined) throw new UsageError(`needs a shell: ${SHELLS.join(", ")}`);
    const shell = matchWord(given, SHELLS);
    if (shell === undefined) throw new UsageError(`unknown shell "${given}"; one of ${SHELLS.join(", ")}`);
    // Imported here, not at the top: the command list includes this command.
    const { commands } = await import("./index.js");
    io.stdout(completionScript(shell, commands));
    return EXIT.ok;
  },
};
