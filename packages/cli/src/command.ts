import type { Catalog } from "@tertial/core";

/** Exit codes of `tertial`, documented in `tertial --help`. */
export const EXIT = {
  ok: 0,
  /** An internal error: a bug in Tertial, with a stack trace on stderr. */
  internal: 1,
  /** The command line is wrong: unknown command, flag or value. */
  usage: 2,
  /** Input was rejected (invalid events, unreadable log): nothing was written. */
  invalid: 3,
  /** `verify` found a broken chain or a tampered line. */
  tampered: 4,
  /** `audit` found stated figures that disagree with the facts; `diff` found differences. */
  disagreement: 5,
  /** A file could not be read or written, or the log lock could not be taken. */
  io: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal: long runs may then show progress there. */
  readonly stderrIsTty: boolean;
  readonly cwd: string;
  /** The clock, in epoch ms; the only place the CLI reads time. */
  readonly now: () => number;
}

export interface CommandContext {
  readonly args: ParsedArgs;
  readonly io: Io;
  readonly catalog: Catalog;
}

/** One `tertial <name>` command: a name, its help, and a run function returning the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Flags this command takes; anything else is a usage error. `true` means the flag takes a value. */
  readonly flags: Readonly<Record<string, { readonly value: boolean; readonly repeatable?: boolean; readonly help: string }>>;
  readonly run: (context: CommandContext) => Promise<ExitCode>;
}

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Values of flags that take one (last wins unless repeatable: then all, in order). */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Flags given without a value. */
  readonly switches: ReadonlySet<string>;
}

export class UsageError extends Error {}

export const value = (args: ParsedArgs, flag: string): string | undefined => {
  const all = args.values.get(flag);
  return all === undefined ? undefined : all[all.length - 1];
};

export const required = (args: ParsedArgs, flag: string): string => {
  const found = value(args, flag);
  if (found === undefined) throw new UsageError(`--${flag} is required`);
  return found;
};
