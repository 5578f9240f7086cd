import { isAbsolute, resolve } from "node:path";
import { parseArgs as tokenize } from "node:util";
import { UsageError, type Command, type FlagSpec, type Io, type ParsedArgs } from "./command.js";
import { didYouMean } from "./suggest.js";

/** `-f/--file`, taken by every command with a log positional. */
export const FILE_FLAG: FlagSpec = { value: true, short: "f", placeholder: "log", path: true, help: "the event log, instead of the first argument (default: the TERTIAL_LOG environment variable)" };

/** Every flag a command understands: its own, plus -f/--file when it takes a log. */
export const flagsOf = (command: Pick<Command, "flags" | "positionals">): Readonly<Record<string, FlagSpec>> =>
  command.positionals.some((spec) => spec.log === true) ? { ...command.flags, file: FILE_FLAG } : command.flags;

const isUrl = (text: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(text);

/**
 * A path as the user meant it: relative to the directory the command was run from. Kept as typed
 * when that is the process's own directory, so messages show the user's spelling; URLs and "-" (stdin) pass.
 */
export const userPath = (io: Pick<Io, "cwd">, path: string): string =>
  path === "-" || isUrl(path) || isAbsolute(path) || io.cwd === process.cwd() ? path : resolve(io.cwd, path);

/** "-1" after --expect-seq is a value, not an option; "--format" after --kind is a forgotten value. */
const looksLikeOption = (text: string): boolean => text.startsWith("-") && text !== "-" && !/^-\d/.test(text);

const show = (name: string, spec: FlagSpec | undefined): string => (spec?.short === undefined ? `--${name}` : `-${spec.short}/--${name}`);

interface Collected {
  readonly positionals: string[];
  readonly values: Map<string, string[]>;
  readonly switches: Set<string>;
}

/** Checks one option token against the declared flags and records it; anything not understood is a usage error naming it. */
const collectOption = (collected: Collected, flags: Readonly<Record<string, FlagSpec>>, token: { name: string; rawName: string; value?: string | undefined; inlineValue?: boolean | undefined }): void => {
  const spec = flags[token.name];
  if (spec === undefined) {
    const longNames = Object.keys(flags);
    const hint = token.rawName.startsWith("--") ? didYouMean(token.name, longNames, (name) => `--${name}`) : "";
    throw new UsageError(`unknown option ${token.rawName}${hint}`);
  }
  if (!spec.value) {
    if (token.value !== undefined) throw new UsageError(`${show(token.name, spec)} takes no value`);
    collected.switches.add(token.name);
    return;
  }
  // An empty value ("-o ''", "--head=") is as good as none: it names no file, no date, no number.
  if (token.value === undefined || token.value === "" || (token.inlineValue === false && looksLikeOption(token.value))) throw new UsageError(`${show(token.name, spec)} needs a value`);
  const existing = collected.values.get(token.name) ?? [];
  if (existing.length > 0 && spec.repeatable !== true) throw new UsageError(`${show(token.name, spec)} is given twice`);
  collected.values.set(token.name, [...existing, token.value]);
};

/** The log: the first positional, or -f/--file, or TERTIAL_LOG; giving it twice is an error caught as an extra argument. */
const withLog = (command: Pick<Command, "positionals">, collected: Collected, io: Pick<Io, "env">): string[] => {
  const logSpec = command.positionals.find((spec) => spec.log === true);
  if (logSpec === undefined) return collected.positionals;
  const fromFlag = collected.values.get("file")?.[0];
  if (fromFlag !== undefined) return [fromFlag, ...collected.positionals];
  if (collected.positionals.length > 0) return collected.positionals;
  const fromEnv = io.env?.TERTIAL_LOG;
  if (fromEnv !== undefined && fromEnv !== "") return [fromEnv];
  if (logSpec.required) throw new UsageError("needs a log: give it as the first argument, with -f <log>, or in TERTIAL_LOG");
  return [];
};

/**
 * Parses a command line against a command's declaration with node:util's parseArgs tokens, then
 * checks them strictly: unknown options (long or short, with a "did you mean" for near misses),
 * missing values, repeated flags and extra arguments are usage errors naming what was not understood.
 */
export const parseArgs = (argv: readonly string[], command: Pick<Command, "name" | "flags" | "positionals">, io: Pick<Io, "cwd" | "env">): ParsedArgs => {
  const flags = flagsOf(command);
  const options = Object.fromEntries(Object.entries(flags).map(([name, spec]) => [name, { type: spec.value ? ("string" as const) : ("boolean" as const), ...(spec.short === undefined ? {} : { short: spec.short }), multiple: true }]));
  const { tokens } = tokenize({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const collected: Collected = { positionals: [], values: new Map(), switches: new Set() };
  for (const token of tokens) {
    if (token.kind === "positional") collected.positionals.push(token.value);
    else if (token.kind === "option") collectOption(collected, flags, token);
  }
  const positionals = withLog(command, collected, io);
  const extra = positionals.slice(command.positionals.length);
  if (extra.length > 0) throw new UsageError(`unexpected argument${extra.length > 1 ? "s" : ""} ${extra.map((text) => `"${text}"`).join(" ")} (usage: ${usageLine(command)})`);
  for (const [name, given] of collected.values) if (flags[name]?.path === true) collected.values.set(name, given.map((path) => userPath(io, path)));
  const [log, ...rest] = positionals;
  const resolved = log !== undefined && command.positionals[0]?.log === true ? [userPath(io, log), ...rest] : positionals;
  return { positionals: resolved, values: collected.values, switches: collected.switches };
};

const usageLine = (command: Pick<Command, "name" | "positionals">): string =>
  `tertial ${command.name}${command.positionals.map((spec) => (spec.required ? ` <${spec.name}>` : ` [${spec.name}]`)).join("")} [options]`;
