import { knownAtCutoff, parseIsoDate, stockholmDateOf, SUPPORTED_RANGE, type EventSource } from "@tertial/core";
import { UsageError, type Io } from "./command.js";

/** "now": everything recorded. Commands that take one known-at treat it as no cut-off. */
export const NOW = "now";

/**
 * A `--known-at` value as the core reads it: `now`, `today` (the Stockholm date of the clock),
 * a date YYYY-MM-DD (the whole day) or an instant with an offset. Anything else is a usage error.
 */
export const parseKnownAt = (given: string, io: Pick<Io, "now">): string => {
  const word = given.trim().toLowerCase();
  if (word === NOW) return NOW;
  if (word === "today") return stockholmDateOf(io.now());
  if (knownAtCutoff(given) === undefined) throw new UsageError(`--known-at: "${given}" is neither now, today, a date YYYY-MM-DD nor an instant with offset (2020-10-15T12:00:00+02:00), in ${SUPPORTED_RANGE}`);
  return given;
};

/** The known-at option of a command that takes at most one: undefined means now. */
export const knownAtOption = (given: string | undefined, io: Pick<Io, "now">): string | undefined => {
  if (given === undefined) return undefined;
  const parsed = parseKnownAt(given, io);
  return parsed === NOW ? undefined : parsed;
};

const firstRecordedAt = async (source: EventSource): Promise<string | undefined> => {
  for await (const event of source.read()) return event.recordedAt;
  return undefined;
};

/**
 * Warnings on stderr for a cut-off that cannot mean what the user wants: one in the future (the
 * log as recorded so far), or one before the log's first record (nothing counts). Not errors: the
 * output is still what was asked for.
 */
export const warnAboutKnownAt = async (io: Io, command: string, source: EventSource, knownAt: string | undefined): Promise<void> => {
  if (knownAt === undefined || knownAt === NOW) return;
  const cutoff = knownAtCutoff(knownAt);
  if (cutoff === undefined) return;
  const future = parseIsoDate(knownAt) === undefined ? cutoff > io.now() : knownAt > stockholmDateOf(io.now());
  if (future) io.stderr(`tertial ${command}: warning: --known-at ${knownAt} is in the future; this is the log as recorded so far\n`);
  const first = await firstRecordedAt(source);
  if (first !== undefined && cutoff < Date.parse(first)) io.stderr(`tertial ${command}: warning: --known-at ${knownAt} is before the log's first record (${first}); no event counts\n`);
};
