import type { Catalog, Issue, ReportHouse, ReportKind } from "@tertial/core";

/** Exit codes of `tertial`; what each means is said once, in `EXIT_MEANINGS`. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  invalid: 3,
  tampered: 4,
  disagreement: 5,
  io: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * What each exit code means, in the words of the exit-code tables of the README and the auditors'
 * guide (a test holds both to these, row for row) and, without the Markdown, of `tertial --help`.
 */
export const EXIT_MEANINGS: Readonly<Record<ExitCode, string>> = {
  [EXIT.ok]: "success; for `audit` every stated figure agrees, for `diff` nothing differs, not even a figure's exact value under the same printed text",
  [EXIT.internal]: "internal error: a bug in Tertial (or a renderer plugin), with a stack trace",
  [EXIT.usage]: "usage error: unknown command, option or value, a missing or extra argument, a bad `--known-at`, a `--period` the report's kind does not take (or, for `verksamhetsplan`, years no plan covers), an output file (`-o`, `--checkpoint-out`, `export`'s target) onto the log",
  [EXIT.invalid]: "invalid input: events rejected (a bad line, a broken rule, a batch already appended), or a log line whose data this catalog refuses; nothing was written",
  [EXIT.tampered]: "a broken chain or a changed line: `verify`, or any command that reads the log, for any line no longer as it was written (cut off, not JSON, rewritten, or reformatted: a stored line is canonical JSON, so CRLF line endings or added spaces are a change too); an interrupted batch or a lost final newline (run `tertial repair`); `repair` on a log it cannot mend",
  [EXIT.disagreement]: "`audit` found disagreements; `diff` found differences",
  [EXIT.io]: "a file could not be read or written, an output file exists (`-o` and `--checkpoint-out` replace it with `--force`), or the log lock could not be taken",
};

export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stderr is a terminal: long runs may then show progress there. */
  readonly stderrIsTty: boolean;
  /** The directory the user ran the command from: relative paths resolve against it. */
  readonly cwd: string;
  /** The clock, in epoch ms; the only place the CLI reads the date. */
  readonly now: () => number;
  /** The environment (TERTIAL_LOG); none when left out. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A monotonic clock in ms for "has this run for a second?" (progress); performance.now when left out. */
  readonly elapsed?: () => number;
}

export interface CommandContext {
  readonly args: ParsedArgs;
  readonly io: Io;
  readonly catalog: Catalog;
  /** The house a report of a kind is built by, where a program's own `tertial` gives one (`RunOptions`); else the core's. */
  readonly houseFor?: (kind: ReportKind) => ReportHouse | undefined;
}

/** What a program that runs its own `tertial` (`run(argv, io, catalog, options)`) may give beside its catalog. */
export interface RunOptions {
  /** The house a report of a kind is built by (your own sections beside the built-in ones); undefined keeps the core's for that kind. */
  readonly houseFor?: (kind: ReportKind) => ReportHouse | undefined;
}

/** The house option a command passes to the core: none unless the program gave one for this kind. */
export const houseOption = (context: Pick<CommandContext, "houseFor">, kind: ReportKind): { readonly house?: ReportHouse } => {
  const house = context.houseFor?.(kind);
  return house === undefined ? {} : { house };
};

/** A flag a command takes. `value: true` means it takes a value (`--kind K`, `--kind=K`). */
export interface FlagSpec {
  readonly value: boolean;
  /** Given more than once, every value is kept in order (otherwise giving it twice is a usage error). */
  readonly repeatable?: boolean;
  /** One letter: `-o` for `--out`. */
  readonly short?: string;
  /** The value's name in help, e.g. "file" for `--out <file>`. */
  readonly placeholder?: string;
  /** The values it takes, when they are a closed list (help and shell completion show them). */
  readonly choices?: readonly string[];
  /** The value is a path: resolved against the directory the user ran the command from. */
  readonly path?: boolean;
  readonly help: string;
}

/**
 * A positional argument. `log` marks the event log: it may instead come from `-f/--file` or the
 * TERTIAL_LOG environment variable, and is then not counted among the positionals.
 */
export interface PositionalSpec {
  readonly name: string;
  readonly required: boolean;
  readonly log?: boolean;
}

/**
 * One `tertial <name>` command, declared as data: its flags and positionals (anything else is a
 * usage error naming what was not understood) and a run function returning the exit code.
 * A new command is one file exporting such a value, listed in commands/index.ts.
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  readonly positionals: readonly PositionalSpec[];
  readonly flags: Readonly<Record<string, FlagSpec>>;
  readonly run: (context: CommandContext) => Promise<ExitCode>;
}

export interface ParsedArgs {
  /** Positionals in order; the log, when the command takes one, is first (wherever it came from). */
  readonly positionals: readonly string[];
  /** Values of flags that take one (all of them, in order, for repeatable flags). */
  readonly values: ReadonlyMap<string, readonly string[]>;
  /** Flags given without a value. */
  readonly switches: ReadonlySet<string>;
}

/** The command line is wrong (exit 2). The message says what, without the `tertial <command>:` prefix. */
export class UsageError extends Error {}

/** A file the command will not touch or could not use (exit 6), e.g. an existing --out without --force. */
export class FileRefusal extends Error {}

export const value = (args: ParsedArgs, flag: string): string | undefined => {
  const all = args.values.get(flag);
  return all === undefined ? undefined : all[all.length - 1];
};

/**
 * A log line no longer as it was written (cut off, not JSON, too long, rewritten or reformatted):
 * damage to the log, exit 4 from every command that reads it, as from verify. A line that reads
 * but holds data this catalog refuses is another matter (3).
 */
const DAMAGED_LINE: ReadonlySet<string> = new Set(["not-json", "torn-line", "too-long", "not-canonical", "chain-broken"]);

export const isDamagedLine = (found: Issue): boolean => DAMAGED_LINE.has(found.code);


export const required = (args: ParsedArgs, flag: string): string => {
  const found = value(args, flag);
  if (found === undefined) throw new UsageError(`--${flag} is required`);
  return found;
};

/** The log positional, always first when the command declares one. */
export const logArg = (args: ParsedArgs): string => {
  const [log] = args.positionals;
  if (log === undefined) throw new UsageError("needs a log: give it as the first argument, with -f <log>, or in TERTIAL_LOG");
  return log;
};
