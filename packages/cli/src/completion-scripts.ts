import { flagsOf } from "./args.js";
import type { Command } from "./command.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

const optionWords = (command: Command): string[] =>
  Object.entries(flagsOf(command)).flatMap(([name, spec]) => [`--${name}`, ...(spec.short === undefined ? [] : [`-${spec.short}`])]).concat("--help");

/** `case` arms completing a flag's closed list of values, e.g. --kind → the report kinds. */
const bashValueArms = (commands: readonly Command[]): string[] => {
  const arms = new Map<string, string>();
  for (const command of commands) for (const [name, spec] of Object.entries(command.flags)) if (spec.choices !== undefined) arms.set(`${command.name} --${name}`, spec.choices.join(" "));
  return [...arms].map(([key, words]) => `    "${key}") COMPREPLY=($(compgen -W "${words}" -- "$cur")); return ;;`);
};

const bash = (commands: readonly Command[]): string =>
  [
    "# tertial completion for bash: eval \"$(tertial completion bash)\", or save it in ~/.local/share/bash-completion/completions/tertial",
    "_tertial() {",
    '  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
    "  if [ \"$COMP_CWORD\" -eq 1 ]; then",
    `    COMPREPLY=($(compgen -W "${commands.map((command) => command.name).join(" ")} --help --version" -- "$cur")); return`,
    "  fi",
    '  case "${COMP_WORDS[1]} $prev" in',
    ...bashValueArms(commands),
    "  esac",
    "  local words",
    '  case "${COMP_WORDS[1]}" in',
    ...commands.map((command) => `    ${command.name}) words="${optionWords(command).join(" ")}" ;;`),
    "  esac",
    '  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$words" -- "$cur")); else COMPREPLY=($(compgen -f -- "$cur")); fi',
    "}",
    "complete -o filenames -F _tertial tertial",
    "",
  ].join("\n");

const zsh = (commands: readonly Command[]): string =>
  ["#compdef tertial", "# tertial completion for zsh: eval \"$(tertial completion zsh)\" (uses zsh's bash completion layer)", "autoload -U +X bashcompinit && bashcompinit", bash(commands)].join("\n");

const fishQuote = (text: string): string => `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

const fish = (commands: readonly Command[]): string =>
  [
    "# tertial completion for fish: tertial completion fish > ~/.config/fish/completions/tertial.fish",
    "complete -c tertial -f",
    ...commands.map((command) => `complete -c tertial -n __fish_use_subcommand -a ${command.name} -d ${fishQuote(command.summary)}`),
    ...commands.flatMap((command) =>
      Object.entries(flagsOf(command)).map(([name, spec]) => {
        const parts = [`complete -c tertial -n ${fishQuote(`__fish_seen_subcommand_from ${command.name}`)} -l ${name}`];
        if (spec.short !== undefined) parts.push(`-s ${spec.short}`);
        if (spec.value) parts.push(spec.choices === undefined ? "-r -F" : `-x -a ${fishQuote(spec.choices.join(" "))}`);
        parts.push(`-d ${fishQuote(spec.help.split(/[.;(]/)[0]?.trim() ?? "")}`);
        return parts.join(" ");
      }),
    ),
    "",
  ].join("\n");

/** A completion script for the shell, generated from the commands' declarations so it never drifts. */
export const completionScript = (shell: Shell, commands: readonly Command[]): string => ({ bash, zsh, fish })[shell](commands);
