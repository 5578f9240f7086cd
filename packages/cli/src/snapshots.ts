import type { ReplaySnapshots } from "@tertial/core";
import type { FlagSpec, Io, ParsedArgs } from "./command.js";
import type { OpenedLog } from "./store-location.js";
import { VERSION } from "./version.js";

/** The flag of every command that replays for a report. */
export const SNAPSHOT_FLAGS: Readonly<Record<string, FlagSpec>> = {
  "no-snapshots": { value: false, help: "replay the whole log from its first line, ignoring the snapshots beside it (see tertial snapshot)" },
};

/**
 * How a report-like command uses the log's snapshots: resume from the nearest one unless
 * --no-snapshots, and say on stderr when one cannot be used (the replay then starts from the
 * beginning, so the output is the same either way).
 */
export const snapshotsFor = (opened: OpenedLog, args: ParsedArgs, io: Io, command: string, take?: { readonly every?: number; readonly daily: boolean }): ReplaySnapshots | undefined => {
  if (opened.snapshots === undefined || (take === undefined && args.switches.has("no-snapshots"))) return undefined;
  const warn = (message: string): void => io.stderr(`tertial ${command}: warning: ${message}; replaying from the beginning instead\n`);
  return {
    store: opened.snapshots((file, problem) => io.stderr(`tertial ${command}: warning: snapshot ${file} ${problem}; it is skipped\n`)),
    code: `tertial ${VERSION}`,
    ...(take === undefined ? {} : { ...(take.every === undefined ? {} : { every: take.every }), daily: take.daily, resume: !args.switches.has("no-snapshots") }),
    onStale: (message) => warn(`a snapshot does not fit the log (${message})`),
  };
};
