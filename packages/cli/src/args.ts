import { UsageError, type Command, type ParsedArgs } from "./command.js";

/** Parses `--flag value`, `--flag=value` and bare `--switch` against a command's declared flags. */
export const parseArgs = (argv: readonly string[], command: Pick<Command, "name" | "flags">): ParsedArgs => {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let index = 0; index < argv.length; index += 1) {
    const token = argv[index] ?? "";
    if (token === "--") {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (!token.startsWith("--") || token === "-") {
      positionals.push(token);
      continue;
    }
    const [name = "", inline] = token.slice(2).split(/=(.*)/s, 2);
    const spec = command.flags[name];
    if (spec === undefined) throw new UsageError(`tertial ${command.name}: unknown flag --${name} (see tertial ${command.name} --help)`);
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    const given = inline ?? argv[index + 1];
    if (inline === undefined) index += 1;
    if (given === undefined || (inline === undefined && given.startsWith("--"))) throw new UsageError(`--${name} needs a value`);
    const existing = values.get(name) ?? [];
    if (existing.length > 0 && spec.repeatable !== true) throw new UsageError(`--${name} is given twice`);
    values.set(name, [...existing, given]);
  }
  return { positionals, values, switches };
};
